import { languageOf, sliceLines, unifiedDiff } from './code';

describe('sliceLines', () => {
  const code = 'one\ntwo\nthree\nfour\n';

  it('returns the whole file without its last newline by default', () => {
    expect(sliceLines(code)).toEqual({ text: 'one\ntwo\nthree\nfour', first: 1 });
  });

  it('cuts an inclusive 1-based range', () => {
    expect(sliceLines(code, '2-3')).toEqual({ text: 'two\nthree', first: 2 });
  });

  it('rejects a range outside the file or written wrongly', () => {
    expect(() => sliceLines(code, '3-9')).toThrow('lines="3-9" is outside the file\'s 4 lines.');
    expect(() => sliceLines(code, 'two')).toThrow('must look like "12-40"');
  });
});

describe('unifiedDiff', () => {
  it('shows what the learner adds, with labs/ and solutions/ headers', () => {
    const diff = unifiedDiff('demo', 'lib/a.ts', 'a\n// TODO\nc\n', 'a\nb\nc\n');
    expect(diff.split('\n')).toEqual([
      '--- labs/demo/lib/a.ts',
      '+++ solutions/demo/lib/a.ts',
      '@@ -1,3 +1,3 @@',
      ' a',
      '-// TODO',
      '+b',
      ' c',
    ]);
  });

  it('is empty when the files are equal', () => {
    expect(unifiedDiff('demo', 'x.ts', 'same\n', 'same\n')).toBe('');
  });
});

describe('languageOf', () => {
  it('maps extensions to Prism languages', () => {
    expect(languageOf('lib/shop-stack.ts')).toBe('typescript');
    expect(languageOf('cdk.json')).toBe('json');
    expect(languageOf('Makefile')).toBe('text');
  });
});
