import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import type { ExitCodeValue } from '../errors';
import { ExitCode } from '../errors';
import { architectureOf, missingFrom } from '../views/architecture';
import { htmlReport, mermaidBundle } from '../views/html';
import { missingLines, toMermaid } from '../views/mermaid';
import { committedTarget } from '../views/targets';
import { loadArchitectures, withInputOptions, type ArchitectureInputOptions } from './architecture-input';
import { resolveLang, type GlobalOptions, type Io } from './shared';

/** Options of `checker diagram`. */
export interface DiagramOptions extends ArchitectureInputOptions {
  readonly html?: string;
}

/** The `diagram` subcommand's definition. */
export function diagramCommand(): Command {
  return withInputOptions(
    new Command('diagram')
      .summary('draw your architecture, with what the lab target adds')
      .description(
        "Draws the architecture of your template (or live stack) as a Mermaid flowchart: AZs, subnets by kind, load balancers, tiers, database, buckets, endpoints, CloudFront and the security-group chain as arrows. What the lab's solution has and yours lacks is dashed in red.",
      ),
  ).option('--html <file>', 'also write a self-contained HTML page (Mermaid inlined, opens offline) with your diagram next to the target');
}

/** Runs `checker diagram`: prints the Mermaid source and writes the HTML page when asked. */
export async function runDiagram(
  labArg: string | undefined,
  options: DiagramOptions,
  global: GlobalOptions,
  io: Io,
): Promise<ExitCodeValue> {
  const lang = resolveLang(global.lang, io.env);
  // The target is the committed drawing of the lab's solution (kept current by a test), not a second synth.
  const loaded = await loadArchitectures(labArg, { ...options, compare: false }, io, lang);
  const mine = architectureOf(loaded.mine);
  const target = options.compare !== false ? committedTarget(loaded.lab.id)?.architecture : undefined;
  const missing = target ? missingFrom(mine, target) : undefined;
  const mermaid = toMermaid(mine, lang, missing);
  io.stdout.write(mermaid);
  const lines = missing ? missingLines(missing, lang) : [];
  const ko = lang === 'ko';
  if (missing)
    io.stderr.write(
      lines.length === 0
        ? `${ko ? '실습 솔루션에 있는 것은 모두 있습니다.' : "Nothing the lab's solution has is missing."}\n`
        : `${ko ? '실습 솔루션에 비해 없는 것' : "Missing compared with the lab's solution"}:\n${lines.map((line) => `  - ${line}`).join('\n')}\n`,
    );
  if (options.html !== undefined) {
    const file = path.resolve(io.cwd, options.html);
    const title = ko ? `내 아키텍처: ${loaded.lab.title.ko}` : `Your architecture: ${loaded.lab.title.en}`;
    const page = htmlReport(
      {
        lang,
        title,
        subtitle: `${loaded.description}${ko ? ' · 빨간 점선은 목표(실습 솔루션)에 있고 내 구성에는 없는 것입니다.' : " · dashed red: in the target (the lab's solution), not in yours."}`,
        diagrams: [
          { heading: ko ? '내 구성' : 'Yours', mermaid },
          ...(target ? [{ heading: ko ? '목표(실습 솔루션)' : "Target (the lab's solution)", mermaid: toMermaid(target, lang) }] : []),
        ],
        sections: [
          { heading: ko ? '없는 것' : 'Missing', lines },
          { heading: ko ? '읽지 못한 부분' : 'Could not be read', lines: mine.unreadable },
        ],
      },
      mermaidBundle(),
    );
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, page);
    io.stderr.write(`${ko ? 'HTML 보고서를 썼습니다' : 'Wrote the HTML report'}: ${file}\n`);
  }
  return ExitCode.Pass;
}
