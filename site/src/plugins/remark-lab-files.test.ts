import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { labFiles, RAW_LOADER, resolveLabFile } from './remark-lab-files';

/** A repository with one lab file in the starter and the solution of the first catalog lab. */
function fakeRepo(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-files-'));
  for (const folder of ['labs', 'solutions']) {
    fs.mkdirSync(path.join(root, folder, 'on-prem-baseline', 'lib'), { recursive: true });
    fs.writeFileSync(path.join(root, folder, 'on-prem-baseline', 'lib', 'shop-stack.ts'), `// ${folder}\n`);
  }
  fs.mkdirSync(path.join(root, 'labs', 'steps', 'on-prem-baseline'), { recursive: true });
  fs.writeFileSync(path.join(root, 'labs', 'steps', 'on-prem-baseline', 'step-1.patch'), '--- a/lib/shop-stack.ts\n');
  return root;
}

function element(name: string, attributes: Record<string, string>) {
  return {
    type: 'mdxJsxFlowElement',
    name,
    attributes: Object.entries(attributes).map(([key, value]) => ({ type: 'mdxJsxAttribute', name: key, value })),
    children: [],
    position: { start: { line: 7 } },
  };
}

describe('labFiles remark plugin', () => {
  const root = fakeRepo();
  const run = (node: ReturnType<typeof element>) => {
    const tree = { type: 'root', children: [node] as unknown[] };
    labFiles({ root })(tree as never, { path: 'docs/labs/x.mdx' });
    return tree;
  };

  it('imports the real file through the raw loader and passes it as code', () => {
    const node = element('LabFile', { lab: 'on-prem-baseline', path: 'lib/shop-stack.ts', from: 'starter' });
    const tree = run(node);
    const esm = tree.children[0] as { type: string; value: string };
    expect(esm.type).toBe('mdxjsEsm');
    expect(esm.value).toBe(
      `import __labFile0 from ${JSON.stringify(`!!${RAW_LOADER}!${path.join(root, 'labs/on-prem-baseline/lib/shop-stack.ts')}`)};`,
    );
    expect(node.attributes.at(-1)).toMatchObject({ name: 'code', value: { type: 'mdxJsxAttributeValueExpression', value: '__labFile0' } });
  });

  it('gives StarterSolutionDiff both files', () => {
    const node = element('StarterSolutionDiff', { lab: 'on-prem-baseline', path: 'lib/shop-stack.ts' });
    const tree = run(node);
    expect(tree.children).toHaveLength(3);
    expect(node.attributes.slice(-2).map((attribute) => attribute.name)).toEqual(['starter', 'solution']);
  });

  it('fails the build with the page, line and fix when a file or lab does not exist', () => {
    expect(() => run(element('LabFile', { lab: 'on-prem-baseline', path: 'lib/missing.ts' }))).toThrow(
      'docs/labs/x.mdx:7 <LabFile>: solutions/on-prem-baseline/lib/missing.ts does not exist.',
    );
    expect(() => run(element('LabFile', { lab: 'no-such-lab', path: 'lib/shop-stack.ts' }))).toThrow(
      'lab "no-such-lab" is not in labs/catalog.json',
    );
  });

  it('gives LabStepDiff the patch of its step, written as step={N} or step="N"', () => {
    const node = element('LabStepDiff', { lab: 'on-prem-baseline' });
    node.attributes.push({ type: 'mdxJsxAttribute', name: 'step', value: { type: 'mdxJsxAttributeValueExpression', value: '1' } } as never);
    const tree = run(node);
    expect((tree.children[0] as { value: string }).value).toContain(path.join(root, 'labs/steps/on-prem-baseline/step-1.patch'));
    expect(node.attributes.at(-1)).toMatchObject({ name: 'patch', value: { value: '__labFile0' } });
    expect(() => run(element('LabStepDiff', { lab: 'on-prem-baseline', step: '9' }))).toThrow(
      'docs/labs/x.mdx:7 <LabStepDiff>: step="9" is not a step of on-prem-baseline: use one of 1, 2, 3, 4, 5.',
    );
    expect(() => run(element('LabStepDiff', { lab: 'on-prem-baseline', step: '2' }))).toThrow(
      'labs/steps/on-prem-baseline/step-2.patch does not exist',
    );
  });

  it('refuses paths that leave the lab folder', () => {
    expect(() => resolveLabFile('on-prem-baseline', 'starter', '../../package.json', root)).toThrow('must stay inside');
  });

  it('leaves other components alone', () => {
    const node = element('CommandBlock', { command: 'npm test' });
    expect(run(node).children).toEqual([node]);
  });
});
