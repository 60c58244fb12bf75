import fs from 'node:fs';
import path from 'node:path';
import { findLab, labDir } from '@workshop/catalog';
import { stepPatchFile } from '../lib/lab-steps';

/** Components whose code comes from real lab files, and the props the plugin fills in. */
export const LAB_FILE_COMPONENTS = ['LabFile', 'StarterSolutionDiff', 'LabStepDiff'] as const;

/** Webpack/Rspack loader that turns any file into `export default "<its text>"`. */
export const RAW_LOADER = path.join(__dirname, 'raw-loader.cjs');

interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}

interface MdxNode {
  type: string;
  name?: string | null;
  attributes?: JsxAttribute[];
  children?: MdxNode[];
  value?: string;
  data?: unknown;
  position?: { start: { line: number } };
}

/** A reference to one file of a lab's starter or solution, checked against the repository. */
export interface LabFileRef {
  lab: string;
  from: 'starter' | 'solution';
  file: string;
  absolute: string;
  exists: boolean;
}

/** Resolves a lab file and explains in one line what to fix when the reference is wrong. */
export function resolveLabFile(lab: string, from: string, file: string, root?: string): LabFileRef {
  if (!findLab(lab)) throw new Error(`lab "${lab}" is not in labs/catalog.json: use one of its ids.`);
  if (from !== 'starter' && from !== 'solution') throw new Error(`from="${from}" must be "starter" or "solution".`);
  const base = labDir(lab, from, root);
  const absolute = path.resolve(base, file);
  if (!absolute.startsWith(base + path.sep)) throw new Error(`path="${file}" must stay inside ${path.relative(root ?? '.', base)}.`);
  return { lab, from, file, absolute, exists: fs.existsSync(absolute) && fs.statSync(absolute).isFile() };
}

function stringAttributes(node: MdxNode, where: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const attribute of node.attributes ?? []) {
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) continue;
    // A whole number written as an expression (step={3}) reads as its digits.
    const expression = (attribute.value as { value?: unknown } | null)?.value;
    if (typeof expression === 'string' && /^\d+$/.test(expression.trim())) {
      result[attribute.name] = expression.trim();
      continue;
    }
    if (typeof attribute.value !== 'string')
      throw new Error(`${where}: write ${attribute.name}="..." as a plain string, not an expression.`);
    result[attribute.name] = attribute.value;
  }
  return result;
}

function expressionAttribute(name: string, identifier: string): JsxAttribute {
  return {
    type: 'mdxJsxAttribute',
    name,
    value: {
      type: 'mdxJsxAttributeValueExpression',
      value: identifier,
      data: {
        estree: {
          type: 'Program',
          sourceType: 'module',
          comments: [],
          body: [{ type: 'ExpressionStatement', expression: { type: 'Identifier', name: identifier } }],
        },
      },
    },
  };
}

function importNode(identifier: string, source: string): MdxNode {
  return {
    type: 'mdxjsEsm',
    value: `import ${identifier} from ${JSON.stringify(source)};`,
    data: {
      estree: {
        type: 'Program',
        sourceType: 'module',
        comments: [],
        body: [
          {
            type: 'ImportDeclaration',
            specifiers: [{ type: 'ImportDefaultSpecifier', local: { type: 'Identifier', name: identifier } }],
            source: { type: 'Literal', value: source, raw: JSON.stringify(source) },
          },
        ],
      },
    },
  };
}

function walk(node: MdxNode, visit: (node: MdxNode) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

/** The patch of one step of a lab, checked against the catalog's hints and the repository. */
export function resolveStepPatch(lab: string, step: string, root?: string): string {
  const entry = findLab(lab);
  if (!entry) throw new Error(`lab "${lab}" is not in labs/catalog.json: use one of its ids.`);
  if (!entry.hints.some((hint) => String(hint.step) === step)) {
    throw new Error(`step="${step}" is not a step of ${lab}: use one of ${entry.hints.map((hint) => hint.step).join(', ')}.`);
  }
  const file = stepPatchFile(lab, Number(step), root);
  if (!fs.existsSync(file)) throw new Error(`${path.relative(root ?? process.cwd(), file)} does not exist: record the step's patch.`);
  return file;
}

/**
 * Remark plugin: `<LabFile lab path from/>`, `<StarterSolutionDiff lab path/>` and
 * `<LabStepDiff lab step/>` get the real file or step patch text as props, imported through a raw loader so the bundler rebuilds the page when the file changes.
 * A reference to a lab or file that does not exist fails the build with the page and line.
 */
export function labFiles(options: { root?: string } = {}) {
  return (tree: MdxNode, file: { path?: string }) => {
    const imports: MdxNode[] = [];
    const importFor = (ref: LabFileRef): string => {
      const identifier = `__labFile${imports.length}`;
      imports.push(importNode(identifier, `!!${RAW_LOADER}!${ref.absolute}`));
      return identifier;
    };
    walk(tree, (node) => {
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      if (!LAB_FILE_COMPONENTS.includes(node.name as (typeof LAB_FILE_COMPONENTS)[number])) return;
      const where = `${path.relative(process.cwd(), file.path ?? 'page')}:${node.position?.start.line ?? '?'} <${node.name}>`;
      try {
        const { lab, path: filePath, from = 'solution', step } = stringAttributes(node, where);
        if (node.name === 'LabStepDiff') {
          if (!lab || !step) throw new Error('needs lab="<lab-id>" and step={<step number>}.');
          const patch = resolveStepPatch(lab, step, options.root);
          imports.push(importNode(`__labFile${imports.length}`, `!!${RAW_LOADER}!${patch}`));
          node.attributes = [...(node.attributes ?? []), expressionAttribute('patch', `__labFile${imports.length - 1}`)];
          return;
        }
        if (!lab || !filePath) throw new Error('needs lab="<lab-id>" and path="<file inside the lab>".');
        if (node.name === 'LabFile') {
          const ref = resolveLabFile(lab, from, filePath, options.root);
          if (!ref.exists) throw new Error(`${path.join(from === 'starter' ? 'labs' : 'solutions', lab, filePath)} does not exist.`);
          node.attributes = [...(node.attributes ?? []), expressionAttribute('code', importFor(ref))];
        } else {
          const starter = resolveLabFile(lab, 'starter', filePath, options.root);
          const solution = resolveLabFile(lab, 'solution', filePath, options.root);
          if (!starter.exists && !solution.exists) throw new Error(`${filePath} exists in neither labs/${lab} nor solutions/${lab}.`);
          const added: JsxAttribute[] = [];
          for (const [prop, ref] of [
            ['starter', starter],
            ['solution', solution],
          ] as const) {
            added.push(ref.exists ? expressionAttribute(prop, importFor(ref)) : { type: 'mdxJsxAttribute', name: prop, value: '' });
          }
          node.attributes = [...(node.attributes ?? []), ...added];
        }
      } catch (error) {
        throw new Error(`${where}: ${(error as Error).message}`);
      }
    });
    if (imports.length > 0) tree.children = [...imports, ...(tree.children ?? [])];
  };
}
