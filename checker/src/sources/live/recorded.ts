import type { Lab, Lang, LocalizedText } from '@workshop/catalog';
import { lastDeployment } from '@workshop/local';
import { inputError } from '../../errors';
import type { InputSpec } from '../index';
import { nodeNotice } from './node-notice';

type LiveInput = Extract<InputSpec, { kind: 'live' }>;

/** Where a live check goes, and the line that says so when it was taken from the deployment record. */
export interface LiveChoice {
  readonly input: LiveInput;
  readonly notice?: LocalizedText;
}

/**
 * Where `check --live` goes: where the flags say (`--endpoint`, `--profile`, `--region`); without them, where
 * `npm run deploy` last put this lab's stack (recorded in .workshop/deployments.json). Real AWS only when asked:
 * by a flag, or by a deploy with `--target aws`. Throws a one-line input error when nothing says where.
 */
export function chooseLiveTarget(
  input: LiveInput,
  lab: Pick<Lab, 'id'> & Partial<Pick<Lab, 'stacks'>>,
  stackName: string,
  env: NodeJS.ProcessEnv,
): LiveChoice {
  if (input.endpoint !== undefined || input.profile !== undefined || input.region !== undefined) return { input };
  const record = lastDeployment(lab.id, stackName, env);
  const choice = fromRecord(input, lab, stackName, record);
  // The second Region is where npm run deploy put the lab's secondary stacks, unless --secondary-region says otherwise.
  const secondary = (lab.stacks ?? [])
    .filter((stack) => stack.region === 'secondary')
    .map((stack) => lastDeployment(lab.id, stack.name, env))[0];
  if (!secondary || choice.input.secondaryRegion !== undefined) return choice;
  return { ...choice, input: { ...choice.input, secondaryRegion: secondary.region } };
}

function fromRecord(input: LiveInput, lab: Pick<Lab, 'id'>, stackName: string, record: ReturnType<typeof lastDeployment>): LiveChoice {
  const app = record?.app === 'solution' ? { en: 'solution', ko: '정답을' } : { en: 'starter', ko: '시작 코드를' };
  if (record?.target === 'local' && record.endpoint)
    return {
      input: { ...input, endpoint: record.endpoint },
      notice: {
        en: `Checking ${stackName} on local AWS at ${record.endpoint}${record.flavor ? ` (${record.flavor})` : ''}, where npm run deploy put the ${app.en}; for real AWS pass --profile or --region.`,
        ko: `npm run deploy가 ${app.ko} 배포한 로컬 AWS ${record.endpoint}${record.flavor ? `(${record.flavor})` : ''}의 ${stackName}을(를) 검사합니다. 실제 AWS는 --profile 또는 --region을 주세요.`,
      },
    };
  if (record?.target === 'aws')
    return {
      input: { ...input, region: record.region },
      notice: {
        en: `Checking ${stackName} on real AWS (account ${record.account}, ${record.region}), where npm run deploy -- ${lab.id} --target aws put the ${app.en}.`,
        ko: `npm run deploy -- ${lab.id} --target aws가 ${app.ko} 배포한 실제 AWS(계정 ${record.account}, ${record.region})의 ${stackName}을(를) 검사합니다.`,
      },
    };
  throw inputError(
    `No deployment of ${lab.id} is recorded: deploy it with npm run deploy -- ${lab.id}, or say where it runs with --endpoint <url> (local AWS) or --profile/--region (real AWS).`,
    `${lab.id}의 배포 기록이 없습니다. npm run deploy -- ${lab.id}로 배포하거나, 스택이 있는 곳을 --endpoint <url>(로컬 AWS) 또는 --profile/--region(실제 AWS)으로 지정하세요.`,
  );
}

/**
 * The live input `check --live` uses, with its lines on standard error (never in a report on standard output):
 * first where the check goes when the deployment record chose it, then the short Node notice unless `quiet`.
 */
export function resolveLiveInput(
  input: LiveInput,
  lab: Pick<Lab, 'id'> & Partial<Pick<Lab, 'stacks'>>,
  stackName: string,
  io: { readonly env: NodeJS.ProcessEnv; readonly stderr: { write(text: string): unknown } },
  lang: Lang,
  quiet = false,
): LiveInput {
  const choice = chooseLiveTarget(input, lab, stackName, io.env);
  const node = nodeNotice();
  for (const line of [choice.notice, quiet ? undefined : node]) if (line) io.stderr.write(`${line[lang]}\n`);
  return choice.input;
}
