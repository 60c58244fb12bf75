import type { LocalizedText } from '@workshop/catalog';

/** Switches off the AWS SDK's multi-line NodeVersionSupportWarning (the checker says it in one line, see {@link nodeNotice}). */
export function quietSdkNodeWarning(env: NodeJS.ProcessEnv = process.env): void {
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
}

/**
 * The AWS SDK's multi-line NodeVersionSupportWarning, replaced by one short line: returns that line on a Node
 * older than the SDK's coming minimum (22), and switches the SDK's own warning off either way.
 */
export function nodeNotice(env: NodeJS.ProcessEnv = process.env, version: string = process.version): LocalizedText | undefined {
  quietSdkNodeWarning(env);
  if (Number(version.replace(/^v/, '').split('.')[0]) >= 22) return undefined;
  return {
    en: `Note: Node ${version} works here; AWS SDK releases after January 2027 need Node 22 or newer.`,
    ko: `참고: Node ${version}에서 동작합니다. 2027년 1월 이후의 AWS SDK 릴리스는 Node 22 이상이 필요합니다.`,
  };
}
