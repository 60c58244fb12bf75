import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CheckerError, fileError, inputError } from '../../errors';
import { MAX_ASSEMBLY_DEPTH, MAX_TEMPLATE_BYTES } from './limits';
import { parseTemplateText } from './parse';

/** A template read from disk, with where it came from. */
export interface TemplateFile {
  readonly template: unknown;
  /** Path shown to the user (relative to the working directory when shorter). */
  readonly file: string;
  readonly sha256: string;
}

/** Reads and parses a JSON or YAML CloudFormation template. */
export function loadTemplateFile(file: string): TemplateFile {
  const shown = displayPath(file);
  let text: string;
  try {
    const { size } = fs.statSync(file);
    if (size > MAX_TEMPLATE_BYTES) {
      const megabytes = (size / 1024 / 1024).toFixed(1);
      throw inputError(
        `${shown} is ${megabytes} MB: CloudFormation accepts templates up to 1 MB and the checker reads up to ${MAX_TEMPLATE_BYTES / 1024 / 1024} MB; check that this is the template you meant.`,
        `${shown}은(는) ${megabytes}MB입니다. CloudFormation 템플릿은 1MB까지이고 checker는 ${MAX_TEMPLATE_BYTES / 1024 / 1024}MB까지 읽습니다. 의도한 템플릿인지 확인하세요.`,
      );
    }
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof CheckerError) throw error;
    throw (error as NodeJS.ErrnoException).code === 'EISDIR'
      ? inputError(
          `${shown} is a folder, not a template file: pass the template file (--template) or use --cdk-out ${shown}.`,
          `${shown}은(는) 템플릿 파일이 아니라 폴더입니다. 템플릿 파일을 --template으로 주거나 --cdk-out ${shown}을 쓰세요.`,
          error,
        )
      : fileError(error, shown, TEMPLATE, 'read');
  }
  return { template: parseTemplateText(text, shown), file: shown, sha256: createHash('sha256').update(text).digest('hex') };
}

/** A stack's template from an app or a cloud assembly, with its name and the Region its `env` fixes. */
export interface StackTemplateFile extends TemplateFile {
  readonly stackName: string;
  readonly regionName?: string;
  /** The stack's own tags, when it has some. */
  readonly stackTags?: Readonly<Record<string, string>>;
}

/** The template of the stack asked for and, when every stack was asked for, the app's other stacks in assembly order. */
export interface StackTemplates extends TemplateFile {
  readonly regionName?: string;
  /** The stack's own tags, when it has some. */
  readonly stackTags?: Readonly<Record<string, string>>;
  readonly others?: readonly StackTemplateFile[];
}

/** The Region of a stack's environment ("aws://123456789012/ap-northeast-1"), undefined for an environment-agnostic stack. */
export function environmentRegion(region: unknown): string | undefined {
  return typeof region === 'string' && region !== '' && !region.startsWith('unknown-') && !region.includes('${') ? region : undefined;
}

const TEMPLATE = { en: 'the template', ko: '템플릿' };
const ASSEMBLY = { en: 'the cloud assembly', ko: '클라우드 어셈블리' };

/** One CloudFormation stack of a cloud assembly (cdk.out), nested stage assemblies included. */
export interface AssemblyStack {
  /** The deployed stack name. */
  readonly stackName: string;
  /** Artifact id and display name (e.g. "Prod/ShopVpcMigration" inside a stage). */
  readonly displayName: string;
  readonly templateFile: string;
  /** The Region the stack's environment fixes, when it does. */
  readonly regionName?: string;
  /** The stack's own tags (the assembly's `tags`), when it has some. */
  readonly stackTags?: Readonly<Record<string, string>>;
}

interface ManifestArtifact {
  type?: string;
  displayName?: string;
  environment?: string;
  properties?: { templateFile?: string; stackName?: string; directoryName?: string; tags?: unknown };
}

/**
 * Every stack of a cloud assembly directory, following nested (stage) assemblies. A nested assembly
 * that leads back to one being read, or nesting deeper than {@link MAX_ASSEMBLY_DEPTH}, is an input error.
 */
export function assemblyStacks(dir: string, outer: readonly string[] = []): AssemblyStack[] {
  const manifestFile = path.join(dir, 'manifest.json');
  let text: string;
  try {
    text = fs.readFileSync(manifestFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw fileError(error, displayPath(manifestFile), ASSEMBLY, 'read');
    throw inputError(
      `${displayPath(dir)} is not a cloud assembly (no manifest.json): pass the cdk.out folder that \`npx cdk synth\` wrote.`,
      `${displayPath(dir)}은(는) 클라우드 어셈블리가 아닙니다(manifest.json 없음). \`npx cdk synth\`가 만든 cdk.out 폴더를 주세요.`,
    );
  }
  let manifest: { artifacts?: Record<string, ManifestArtifact> };
  try {
    manifest = JSON.parse(text);
  } catch (error) {
    throw inputError(
      `${displayPath(manifestFile)} is not valid JSON (${(error as Error).message}): synthesize the app again.`,
      `${displayPath(manifestFile)}이(가) 올바른 JSON이 아닙니다(${(error as Error).message}). 앱을 다시 synth하세요.`,
    );
  }
  const chain = [...outer, fs.realpathSync(dir)];
  const stacks: AssemblyStack[] = [];
  // A hand-edited manifest may hold anything: entries without the expected strings are not stacks.
  for (const [id, artifact] of Object.entries(manifest?.artifacts ?? {}) as Array<[string, ManifestArtifact | null]>) {
    if (artifact?.type === 'aws:cloudformation:stack' && typeof artifact.properties?.templateFile === 'string') {
      stacks.push({
        stackName: typeof artifact.properties.stackName === 'string' ? artifact.properties.stackName : id,
        displayName: typeof artifact.displayName === 'string' ? artifact.displayName : id,
        templateFile: path.join(dir, artifact.properties.templateFile),
        ...regionOf(artifact.environment),
        ...stackTagsOf(artifact.properties.tags),
      });
    } else if (artifact?.type === 'cdk:cloud-assembly' && typeof artifact.properties?.directoryName === 'string') {
      const nested = path.join(dir, artifact.properties.directoryName);
      const loops = fs.existsSync(nested) && chain.includes(fs.realpathSync(nested));
      if (loops || chain.length >= MAX_ASSEMBLY_DEPTH) {
        throw inputError(
          `${displayPath(manifestFile)}: nested assembly ${id} (${artifact.properties.directoryName}) ${loops ? 'leads back to an assembly that contains it' : `nests more than ${MAX_ASSEMBLY_DEPTH} levels deep`}: synthesize the app again into an empty folder.`,
          `${displayPath(manifestFile)}: 중첩 어셈블리 ${id}(${artifact.properties.directoryName})${loops ? '이(가) 자신을 담은 어셈블리로 되돌아갑니다' : `이(가) ${MAX_ASSEMBLY_DEPTH}단계보다 깊게 중첩됩니다`}. 빈 폴더에 앱을 다시 synth하세요.`,
        );
      }
      stacks.push(...assemblyStacks(nested, chain));
    }
  }
  return stacks;
}

/** A stack artifact's tags, keeping only string values (a hand-edited manifest may hold anything). */
function stackTagsOf(tags: unknown): { stackTags?: Record<string, string> } {
  if (typeof tags !== 'object' || tags === null || Array.isArray(tags)) return {};
  const kept = Object.fromEntries(Object.entries(tags).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  return Object.keys(kept).length > 0 ? { stackTags: kept } : {};
}

function regionOf(environment: unknown): { regionName?: string } {
  const regionName = typeof environment === 'string' ? environmentRegion(environment.split('/')[3]) : undefined;
  return regionName ? { regionName } : {};
}

/** Picks a stack by deployed name or display name, or throws an error listing the stacks there are. */
export function pickStack(stacks: readonly AssemblyStack[], stackName: string, where: string): AssemblyStack {
  const found = stacks.find((stack) => stack.stackName === stackName) ?? stacks.find((stack) => stack.displayName === stackName);
  if (found) return found;
  const names = stacks.map((stack) => stack.displayName).join(', ') || 'none';
  throw inputError(
    `Stack ${stackName} is not in ${where} (stacks: ${names}): name the stack ${stackName} in bin/, or pass --stack <name>.`,
    `${where}에 스택 ${stackName}이(가) 없습니다(있는 스택: ${names}). bin/에서 스택 이름을 ${stackName}(으)로 하거나 --stack <이름>을 주세요.`,
  );
}

/** Reads one stack's template from a cdk.out folder, and with `all` every other stack's template too. */
export function loadCdkOut(dir: string, stackName: string, all = false): StackTemplates {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw fileError(error, displayPath(dir), ASSEMBLY, 'read');
    throw inputError(
      `${displayPath(dir)} does not exist: run \`npx cdk synth\` first, or check the path.`,
      `${displayPath(dir)}이(가) 없습니다. 먼저 \`npx cdk synth\`를 실행하거나 경로를 확인하세요.`,
    );
  }
  if (!stat.isDirectory()) {
    throw inputError(
      `${displayPath(dir)} is a file, not a cdk.out folder: pass a template file with --template ${displayPath(dir)}, or the folder \`npx cdk synth\` wrote.`,
      `${displayPath(dir)}은(는) cdk.out 폴더가 아니라 파일입니다. 템플릿 파일이면 --template ${displayPath(dir)}을 쓰고, 아니면 \`npx cdk synth\`가 만든 폴더를 주세요.`,
    );
  }
  const stacks = assemblyStacks(dir);
  const stack = pickStack(stacks, stackName, displayPath(dir));
  const main = {
    ...loadTemplateFile(stack.templateFile),
    ...(stack.regionName && { regionName: stack.regionName }),
    ...(stack.stackTags && { stackTags: stack.stackTags }),
  };
  if (!all) return main;
  const others = stacks
    .filter((other) => other !== stack)
    .map((other) => ({
      ...loadTemplateFile(other.templateFile),
      stackName: other.stackName,
      ...(other.regionName && { regionName: other.regionName }),
      ...(other.stackTags && { stackTags: other.stackTags }),
    }));
  return { ...main, others };
}

/** A path relative to the working directory when that is shorter, for messages. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  if (relative === '') return '.';
  return relative && !relative.startsWith('..') && relative.length < file.length ? relative : file;
}
