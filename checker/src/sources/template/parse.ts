import type { Document, Node } from 'yaml';
import { inputError } from '../../errors';
import { MAX_ALIAS_VALUES, MAX_NESTING_DEPTH, nestsDeeperThan, tooDeepError } from './limits';

/** CloudFormation short-form tags and the long-form key each becomes (`!Ref x` -> `{ Ref: x }`). */
const SHORT_FORMS: Record<string, string> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!GetAtt': 'Fn::GetAtt',
  '!Sub': 'Fn::Sub',
  '!Join': 'Fn::Join',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!GetAZs': 'Fn::GetAZs',
  '!ImportValue': 'Fn::ImportValue',
  '!FindInMap': 'Fn::FindInMap',
  '!Base64': 'Fn::Base64',
  '!Cidr': 'Fn::Cidr',
  '!If': 'Fn::If',
  '!Equals': 'Fn::Equals',
  '!Not': 'Fn::Not',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
  '!Transform': 'Fn::Transform',
  '!ToJsonString': 'Fn::ToJsonString',
  '!Length': 'Fn::Length',
};

/** The yaml package, loaded only for YAML templates (most templates are JSON, and it costs ~30 ms). */
function yaml(): typeof import('yaml') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('yaml');
}

/**
 * Parses a CloudFormation template written in JSON or YAML. YAML short-form tags (`!Ref`,
 * `!GetAtt a.b`, `!Sub`, `!If`...) become their long form. A syntax error becomes a one-line
 * input error naming `file:line:column`.
 */
export function parseTemplateText(text: string, file: string): unknown {
  if (/^\s*\{/.test(text)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      const reason = (error as Error).message.replace(/, (?:\.\.\.)?".*$/s, '');
      const scan = jsonErrorOffset(text);
      if (scan < 0) throw tooDeepError(file);
      const where = `${file}:${jsonErrorPosition(text, (error as Error).message, scan)}`;
      throw inputError(
        `${where}: the template is not valid JSON (${reason}): fix the file or synthesize it again.`,
        `${where}: 템플릿이 올바른 JSON이 아닙니다(${reason}). 파일을 고치거나 다시 synth하세요.`,
      );
    }
    if (nestsDeeperThan(parsed)) throw tooDeepError(file);
    return parsed;
  }
  const YAML = yaml();
  // Duplicate keys are found while converting: the yaml package's uniqueKeys compares every key with
  // every other one, so a hostile map of 20,000 keys took 13 s.
  const document = YAML.parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  const [error] = document.errors;
  if (error) {
    const where = `${file}:${lineColumn(text, error.pos[0])}`;
    // The yaml package reports its own stack overflow on deep nesting as a syntax error.
    if (/Maximum call stack size exceeded/.test(error.message)) throw tooDeepError(where);
    const reason = error.message.split('\n')[0];
    throw inputError(
      `${where}: the template is not valid YAML (${reason}): fix the file.`,
      `${where}: 템플릿이 올바른 YAML이 아닙니다(${reason}). 파일을 고치세요.`,
    );
  }
  const expansion: Expansion = { YAML, file, text, anchors: aliasTargets(YAML, document), aliasValues: 0 };
  return toLongForm(expansion, document.contents, 0, false);
}

/** State of one YAML-to-long-form conversion: where aliases point, and how many values they have expanded to. */
interface Expansion {
  readonly YAML: typeof import('yaml');
  readonly file: string;
  readonly text: string;
  readonly anchors: ReadonlyMap<Node, Node>;
  aliasValues: number;
}

/**
 * Each alias's anchored node, found in one pass in document order (an alias names the last anchor
 * before it). The yaml package's own `Alias.resolve` walks the whole document for every alias.
 */
function aliasTargets(YAML: typeof import('yaml'), document: Document): Map<Node, Node> {
  const latest = new Map<string, Node>();
  const targets = new Map<Node, Node>();
  YAML.visit(document, {
    Node: (_key, node) => {
      if (YAML.isAlias(node)) {
        const target = latest.get(node.source);
        if (target) targets.set(node, target);
      } else if (node.anchor) latest.set(node.anchor, node);
    },
  });
  return targets;
}

function toLongForm(expansion: Expansion, node: Node | null, depth: number, viaAlias: boolean): unknown {
  if (node === null) return null;
  const { YAML, file, text } = expansion;
  const { isAlias, isMap, isPair, isScalar, isSeq } = YAML;
  if (isAlias(node)) return toLongForm(expansion, expansion.anchors.get(node) ?? null, depth, true);
  if (viaAlias && ++expansion.aliasValues > MAX_ALIAS_VALUES) {
    const where = node.range ? `${file}:${lineColumn(text, node.range[0])}` : file;
    throw inputError(
      `${where}: YAML aliases (*name) expand to more than ${MAX_ALIAS_VALUES.toLocaleString('en')} values: write the values out or use fewer aliases of aliases.`,
      `${where}: YAML 별칭(*이름)이 ${MAX_ALIAS_VALUES.toLocaleString('en')}개가 넘는 값으로 펼쳐집니다. 값을 직접 쓰거나 별칭을 겹쳐 쓰지 마세요.`,
    );
  }
  if ((isSeq(node) || isMap(node)) && depth >= MAX_NESTING_DEPTH) {
    throw tooDeepError(node.range ? `${file}:${lineColumn(text, node.range[0])}` : file);
  }
  let value: unknown;
  if (isScalar(node)) value = node.value;
  else if (isSeq(node)) value = node.items.map((item) => toLongForm(expansion, item as Node, depth + 1, viaAlias));
  else if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : String(toLongForm(expansion, pair.key as Node, depth + 1, viaAlias));
      if (Object.hasOwn(out, key)) {
        const keyNode = pair.key as Node | null;
        const where = keyNode?.range ? `${file}:${lineColumn(text, keyNode.range[0])}` : file;
        throw inputError(
          `${where}: the template is not valid YAML (Map keys must be unique; "${key}" is repeated): fix the file.`,
          `${where}: 템플릿이 올바른 YAML이 아닙니다(맵의 키는 유일해야 하는데 "${key}"이(가) 반복됩니다). 파일을 고치세요.`,
        );
      }
      out[key] = toLongForm(expansion, pair.value as Node | null, depth + 1, viaAlias);
    }
    value = out;
  } else return null;
  const tag = node.tag;
  if (tag === undefined || !tag.startsWith('!') || tag.startsWith('!!')) return value;
  const longForm = SHORT_FORMS[tag];
  if (!longForm) {
    const where = node.range ? `${file}:${lineColumn(text, text.lastIndexOf(tag, node.range[0]))}` : file;
    throw inputError(
      `${where}: unknown tag ${tag}: use a CloudFormation intrinsic function (!Ref, !GetAtt, !Sub...).`,
      `${where}: 알 수 없는 태그 ${tag}입니다. CloudFormation 내장 함수(!Ref, !GetAtt, !Sub...)를 쓰세요.`,
    );
  }
  if (longForm === 'Fn::GetAtt' && typeof value === 'string') {
    const dot = value.indexOf('.');
    value = dot > 0 ? [value.slice(0, dot), value.slice(dot + 1)] : value;
  }
  if (longForm === 'Fn::GetAZs' && value === null) value = '';
  return { [longForm]: value };
}

/** Where JSON.parse failed: its "position N" when it says (Node 20 often does not), else the scan's offset. */
function jsonErrorPosition(text: string, message: string, scanned: number): string {
  const position = /position (\d+)/.exec(message);
  return lineColumn(text, position ? Number(position[1]) : scanned);
}

/**
 * Offset of the first JSON syntax error, by a minimal recursive-descent scan; -1 when the text
 * nests deeper than {@link MAX_NESTING_DEPTH} levels before any error, where the scan stops.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const space = (): void => {
    while (/\s/.test(text[i] ?? '')) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (): void => {
    const match = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!match) fail();
    i += match![0].length;
  };
  const string = (): void => {
    if (text[i] !== '"') fail();
    // JSON strings may not hold raw control characters, so the pattern names them.
    // eslint-disable-next-line no-control-regex
    const match = /^"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/.exec(text.slice(i));
    if (!match) fail();
    i += match![0].length;
  };
  const value = (depth: number): void => {
    space();
    if ((text[i] === '{' || text[i] === '[') && depth >= MAX_NESTING_DEPTH) throw -1;
    if (text[i] === '{') {
      i++;
      space();
      if (text[i] === '}') return void i++;
      for (;;) {
        space();
        string();
        space();
        if (text[i] !== ':') fail();
        i++;
        value(depth + 1);
        space();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    }
    if (text[i] === '[') {
      i++;
      space();
      if (text[i] === ']') return void i++;
      for (;;) {
        value(depth + 1);
        space();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    }
    if (text[i] === '"') string();
    else literal();
  };
  try {
    value(0);
    space();
    return i < text.length ? i : 0;
  } catch (offset) {
    return offset as number;
  }
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}
