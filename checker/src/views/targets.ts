import fs from 'node:fs';
import path from 'node:path';
import { catalog, labDir, repoRoot, type Lab, type LocalizedText } from '@workshop/catalog';
import { loadSource } from '../sources';
import { architectureOf, type Architecture } from './architecture';
import { toMermaid } from './mermaid';

/** The committed drawing of every lab's target: labs/architectures.generated.json. */
export const TARGETS_FILE = path.join(repoRoot, 'labs', 'architectures.generated.json');

/** The command that writes TARGETS_FILE again after a solution changed. */
export const TARGETS_COMMAND = 'npm run architectures -w checker';

/** One lab's target: the architecture read from its solution's template, and its Mermaid drawing in both languages. */
export interface LabTarget {
  readonly architecture: Architecture;
  readonly mermaid: LocalizedText;
}

/** The contents of TARGETS_FILE. */
export interface TargetsFile {
  readonly $comment: string;
  readonly labs: Readonly<Record<string, LabTarget>>;
}

const BANNER = `Generated from each lab's solution by \`${TARGETS_COMMAND}\` (checker/src/views/targets.ts): do not edit. The site draws it next to each guide's diagrams and checker check --reporter markdown compares with it.`;

/** Synthesizes each lab's solution and draws its architecture, as the site and the markdown report show it. */
export async function solutionTargets(labs: readonly Lab[] = catalog.labs): Promise<TargetsFile> {
  const entries: Array<[string, LabTarget]> = [];
  for (const lab of labs) {
    const loaded = await loadSource({ kind: 'app', dir: labDir(lab.id, 'solution') }, { lab, stackName: lab.stackName });
    const architecture = architectureOf(loaded.graph);
    entries.push([lab.id, { architecture, mermaid: { en: toMermaid(architecture, 'en'), ko: toMermaid(architecture, 'ko') } }]);
  }
  return { $comment: BANNER, labs: Object.fromEntries(entries) };
}

let committed: TargetsFile | undefined;

/** A lab's target as committed in TARGETS_FILE, or undefined when the file or the lab is missing. */
export function committedTarget(labId: string, file: string = TARGETS_FILE): LabTarget | undefined {
  if (file !== TARGETS_FILE) return readTargets(file)?.labs[labId];
  committed ??= readTargets(file);
  return committed?.labs[labId];
}

function readTargets(file: string): TargetsFile | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as TargetsFile;
  } catch {
    return undefined;
  }
}
