import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Korean particles whose form depends on the word before them (see korean.ts). */
const PARTICLE_AFTER_VALUE = /^\)?(이|가|을|를|은|는|과|와|으로|로)(?![가-힣])/;

/** Every rule file: rules/<area>/<id>.ts and the helpers beside them, without tests and fixtures. */
function ruleFiles(): string[] {
  return fs
    .readdirSync(__dirname, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'fixtures')
    .flatMap((entry) => fs.readdirSync(path.join(__dirname, entry.name)).map((name) => path.join(__dirname, entry.name, name)))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
}

/** What a rule file writes by hand that the helpers own, as "file:line what". */
export function handWritten(file: string, source: string): string[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const at = (node: ts.Node, what: string): void => {
    found.push(`${path.relative(__dirname, file)}:${tree.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${what}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isTemplateExpression(node)) {
      node.templateSpans.forEach((span, i) => {
        if (!PARTICLE_AFTER_VALUE.test(span.literal.text)) return;
        // "버킷(${ids})은": the particle follows the fixed word before the parenthesis, which is fine.
        const before = i === 0 ? node.head.text : node.templateSpans[i - 1].literal.text;
        if (span.literal.text.startsWith(')') && /[가-힣]\s*\($/.test(before)) return;
        at(span, `hard-codes a Korean particle after \${${span.expression.getText()}}: use withParticle`);
      });
    }
    if (ts.isPropertyAssignment(node) && node.name.getText() === 'status' && ts.isStringLiteral(node.initializer)) {
      if (node.initializer.text === 'FAIL') at(node, 'builds a FAIL outcome by hand: use failWith(problems)');
      if (node.initializer.text === 'SKIP') at(node, 'builds a SKIP outcome by hand: use absent() (the absence policy) or unseen()');
    }
    if (ts.isCallExpression(node) && node.expression.getText() === 'failWith') {
      const joins = (inner: ts.Node): void => {
        if (ts.isCallExpression(inner) && ts.isPropertyAccessExpression(inner.expression) && inner.expression.name.text === 'join') {
          const [separator] = inner.arguments;
          if (separator && ts.isStringLiteral(separator) && /[;.]\s*$/.test(separator.text)) {
            at(inner, `joins problems by hand with "${separator.text}": give failWith one problem each`);
          }
        }
        ts.forEachChild(inner, joins);
      };
      node.arguments.forEach(joins);
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

describe('one way to write a rule', () => {
  it('builds every FAIL with failWith, every SKIP with absent or unseen, and every Korean particle after a value with withParticle', () => {
    const found = ruleFiles().flatMap((file) => handWritten(file, fs.readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });

  it('catches each hand-written form it forbids', () => {
    const sample = [
      'const a = { ko: `${subnet.id}이 기본 NACL을 씁니다` };',
      'const b = { ko: `웹 ACL ${acl.id}(${scope})이 적용합니다` };',
      "const c = { status: 'FAIL', message };",
      "const s = { status: 'SKIP', message };",
      "const d = failWith([{ en: `${problems.map((p) => p.en).join('; ')}.`, ko: '', resources: [] }]);",
      'const fine = { ko: `${withParticle(subnet.id, "이/가")} 기본 NACL을 씁니다`, en: `${count}개`, list: `버킷(${ids})은 비공개` };',
    ].join('\n');
    expect(handWritten(path.join(__dirname, 'x', 'sample.ts'), sample).map((line) => line.split(' ')[0])).toEqual([
      'x/sample.ts:1',
      'x/sample.ts:2',
      'x/sample.ts:3',
      'x/sample.ts:4',
      'x/sample.ts:5',
    ]);
  });
});
