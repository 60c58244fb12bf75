import { CheckerError, ExitCode, fileError } from './errors';

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: something, open 'x'`), { code });
}

const template = { en: 'the template', ko: '템플릿' };

describe('fileError', () => {
  it.each([
    ['ENOENT', 'read', /^The template t\.yaml does not exist: check the path\.$/, /^템플릿 t\.yaml이\(가\) 없습니다/],
    ['EACCES', 'read', /^Permission denied reading the template t\.yaml: give your user read access/, /읽을 권한이 없습니다/],
    ['EPERM', 'write', /^Permission denied writing the template t\.yaml: choose a path in a folder you can write to/, /쓸 권한이 없습니다/],
    ['EISDIR', 'read', /^The template t\.yaml is a folder, not a file: give a file path\.$/, /파일이 아니라 폴더입니다/],
    [
      'ENOTDIR',
      'write',
      /^Cannot write the template t\.yaml: a part of the path is a file, not a folder/,
      /경로의 일부가 폴더가 아니라 파일입니다/,
    ],
    ['EEXIST', 'write', /^Cannot write the template t\.yaml: a part of the path is a file, not a folder/, /경로의 일부가/],
    ['EMFILE', 'read', /^Cannot read the template t\.yaml \(EMFILE\): check the path and its permissions\.$/, /\(EMFILE\)/],
  ] as const)('%s on %s: one line in both languages, exit 2, the cause kept', (code, access, en, ko) => {
    const cause = errno(code);
    const error = fileError(cause, 't.yaml', template, access);
    expect(error).toBeInstanceOf(CheckerError);
    expect(error.exitCode).toBe(ExitCode.Usage);
    expect(error.text.en).toMatch(en);
    expect(error.text.ko).toMatch(ko);
    expect(`${error.text.en}${error.text.ko}`).not.toContain('\n');
    expect(error.cause).toBe(cause);
  });
});
