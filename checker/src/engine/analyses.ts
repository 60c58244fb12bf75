import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '@workshop/catalog';
import type { Lab } from '@workshop/catalog';
import type { ResourceGraph } from '../model/graph';
import type { SourceKind } from '../model/types';
import type { Analyses, AnalysisId, NagFinding, RuleMeta } from '../rules/types';
import { graphToTemplate, nagLogicalId } from './nag-template';

/** Where prepared analyses are cached: .workshop/cache/ (WORKSHOP_DIR moves the folder, as for local AWS). */
export function analysisCacheDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return path.join(env.WORKSHOP_DIR ? path.resolve(env.WORKSHOP_DIR) : path.join(repoRoot, '.workshop'), 'cache');
}

/** The analyses a lab's rules ask for in the given mode (what `check --app` has the synth child prepare). */
export function analysesOf(rules: readonly RuleMeta[], lab: Lab, mode: SourceKind): AnalysisId[] {
  const checked = rules.filter((rule) => lab.checks.includes(rule.id) && rule.modes.includes(mode));
  return [...new Set(checked.flatMap((rule) => rule.analyses ?? []))];
}

/**
 * The analyses the given rules ask for, over a template-mode graph. Each runs at most once per
 * template: results are cached under .workshop/cache/ by the template's hash and the tool's
 * version, so checking the same template again (watch, re-runs, a class of identical starters)
 * loads neither aws-cdk-lib nor cdk-nag. An analysis that cannot run is recorded as its error,
 * which the rules that read it report (never the whole run). `reported` holds what the synth child
 * of `check --app` already computed for this graph: used and cached instead of running the tool
 * here (grading never passes it: there the child runs a student's code).
 */
export function prepareAnalyses(
  rules: readonly RuleMeta[],
  graph: ResourceGraph,
  cacheDir = analysisCacheDir(),
  reported: Analyses = {},
): Analyses {
  const wanted = new Set<AnalysisId>(rules.filter((rule) => rule.modes.includes(graph.kind)).flatMap((rule) => rule.analyses ?? []));
  if (!wanted.has('cdkNag')) return {};
  try {
    const cache = nagCache(graph, cacheDir);
    const cached = cache.read();
    if (cached) return { cdkNag: withGraphIds(cached, graph) };
    const findings = isNagFindings(reported.cdkNag) ? reported.cdkNag : awsSolutionsFindings(cache.template);
    cache.write(findings);
    return { cdkNag: withGraphIds(findings, graph) };
  } catch (error) {
    return { cdkNag: { error: error instanceof Error ? error.message : String(error) } };
  }
}

/**
 * The synth child's side (`check --app`): the wanted analyses not cached yet, computed in the process
 * that has just synthesized the app and so has aws-cdk-lib loaded. The parent validates and caches
 * them; one that cannot run here is left to the parent.
 */
export function analysesInChild(wanted: readonly string[], graph: ResourceGraph, cacheDir = analysisCacheDir()): Analyses {
  if (!wanted.includes('cdkNag')) return {};
  try {
    const cache = nagCache(graph, cacheDir);
    return cache.read() ? {} : { cdkNag: awsSolutionsFindings(cache.template) };
  } catch {
    return {};
  }
}

/**
 * Findings named by the graph's ids: a graph of several stacks has ids `<stack>/<logical id>`, which the
 * template cdk-nag reads spells without the slash ({@link nagLogicalId}).
 */
function withGraphIds(findings: readonly NagFinding[], graph: ResourceGraph): readonly NagFinding[] {
  if (graph.stacks.length === 0) return findings;
  const ids = new Map(graph.all().map((resource) => [nagLogicalId(resource.id), resource.id]));
  return findings.map((finding) => ({ ...finding, resource: ids.get(finding.resource) ?? finding.resource }));
}

/** Whether a value has the shape of cdk-nag findings (what crosses the process boundary is checked). */
function isNagFindings(value: unknown): value is NagFinding[] {
  return (
    Array.isArray(value) &&
    value.every(
      (finding: Partial<NagFinding> | null) =>
        typeof finding === 'object' &&
        finding !== null &&
        typeof finding.id === 'string' &&
        typeof finding.resource === 'string' &&
        typeof finding.description === 'string',
    )
  );
}

/** The cache entry of a graph's cdk-nag findings: the template cdk-nag reads, and its file by hash. */
function nagCache(graph: ResourceGraph, cacheDir: string) {
  const template = JSON.stringify(graphToTemplate(graph));
  const key = createHash('sha256').update(toolVersions()).update(template).digest('hex');
  const file = path.join(cacheDir, 'cdk-nag', `${key}.json`);
  return {
    template,
    read(): NagFinding[] | undefined {
      try {
        const cached: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
        if (Array.isArray(cached)) return cached as NagFinding[];
      } catch {
        // Not cached yet (or unreadable).
      }
      return undefined;
    },
    write(findings: readonly NagFinding[]): void {
      try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        // Write then rename, so a parallel check (a grading pool) never reads half a file.
        const partial = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(partial, JSON.stringify(findings));
        fs.renameSync(partial, file);
      } catch {
        // A read-only checkout still checks; it only misses the cache.
      }
    },
  };
}

/** The versions that decide cdk-nag's findings, so a new cdk-nag or aws-cdk-lib misses the cache. */
function toolVersions(): string {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const nag = (require('cdk-nag/package.json') as { version: string }).version;
  const cdk = (require('aws-cdk-lib/package.json') as { version: string }).version;
  /* eslint-enable @typescript-eslint/no-require-imports */
  return `cdk-nag ${nag}, aws-cdk-lib ${cdk}\n`;
}

/** Runs cdk-nag's AwsSolutions pack over a template (read back with CfnInclude, as cdk-nag reads a stack). */
function awsSolutionsFindings(template: string): NagFinding[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checker-nag-'));
  try {
    const file = path.join(dir, 'template.json');
    fs.writeFileSync(file, template);
    // Loaded here, not at the top: only a cache miss pays for aws-cdk-lib and cdk-nag. The pack is
    // required alone: cdk-nag's index also loads the HIPAA, NIST, PCI and serverless packs.
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { App, Stack } = require('aws-cdk-lib') as typeof import('aws-cdk-lib');
    const { CfnInclude } = require('aws-cdk-lib/cloudformation-include') as typeof import('aws-cdk-lib/cloudformation-include');
    const { AwsSolutionsChecks } = require('cdk-nag/lib/packs/aws-solutions') as typeof import('cdk-nag');
    /* eslint-enable @typescript-eslint/no-require-imports */
    const stack = new Stack(new App({ outdir: dir }), 'Checked');
    new CfnInclude(stack, 'Template', { templateFile: file });
    const report = new AwsSolutionsChecks().validateScope(stack);
    return report.violations.flatMap((violation) =>
      violation.violatingResources.map((violating) => ({
        id: violation.ruleName,
        resource: violating.constructPath?.split('/').pop() ?? violating.resourceLogicalId ?? 'unknown resource',
        description: violation.description,
      })),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
