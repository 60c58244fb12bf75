import type { Lang } from '@workshop/catalog';
import { labFolder } from '@workshop/catalog/core';

/** The command blocks every lab guide shows, in the order a learner runs them. */
export const LAB_COMMAND_KINDS = ['template', 'solution', 'local', 'aws', 'destroy-local', 'destroy-aws'] as const;

/** One of the guide's command blocks. */
export type LabCommandKind = (typeof LAB_COMMAND_KINDS)[number];

/** The Region the guides deploy to on real AWS (Seoul, the region the catalog prices). */
export const AWS_REGION = 'ap-northeast-2';

/** A command block: the shell lines, run from the repository root, and its caption in each language. */
export interface LabCommandBlock {
  readonly lines: readonly string[];
  readonly title: Record<Lang, string>;
}

/**
 * The commands of one block for one lab, as `npm run deploy` and the checker expect them: the
 * live check finds the endpoint the deploy recorded, and on real AWS the region is named.
 */
export function labCommands(lab: string, kind: LabCommandKind): LabCommandBlock {
  switch (kind) {
    case 'template':
      return {
        lines: [`npm run synth -- ${lab}`, `npx checker check ${lab}`],
        title: { en: 'Template mode: your starter', ko: '템플릿 모드: 내 시작 코드' },
      };
    case 'solution':
      return {
        lines: [`npx checker check ${lab} --app ${labFolder(lab, 'solution')}`],
        title: { en: 'Template mode: the solution', ko: '템플릿 모드: 정답' },
      };
    case 'local':
      return {
        lines: ['npm run local -- up', `npm run deploy -- ${lab}`, `npx checker check ${lab} --live`],
        title: { en: 'Local mode, on the embedded emulator', ko: '로컬 모드: 내장 에뮬레이터' },
      };
    case 'aws':
      return {
        lines: [
          `export AWS_REGION=${AWS_REGION}`,
          `npm run deploy -- ${lab} --target aws`,
          `npx checker check ${lab} --live --region ${AWS_REGION}`,
        ],
        title: { en: 'Real AWS (costs money)', ko: '실제 AWS(비용 발생)' },
      };
    case 'destroy-local':
      return {
        lines: [`npm run destroy -- ${lab}`, 'npm run local -- down'],
        title: { en: 'Clean up: local', ko: '정리: 로컬' },
      };
    case 'destroy-aws':
      return {
        lines: [`npm run destroy -- ${lab} --target aws`],
        title: { en: 'Clean up: real AWS', ko: '정리: 실제 AWS' },
      };
  }
}
