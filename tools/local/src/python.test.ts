import { LocalError } from './messages';
import { findPython, isSupportedPython, parsePythonVersion } from './python';

describe('Python detection', () => {
  test('parses versions', () => {
    expect(parsePythonVersion('Python 3.11.7')).toEqual([3, 11, 7]);
    expect(parsePythonVersion('3.10')).toEqual([3, 10, 0]);
    expect(parsePythonVersion('nothing')).toBeUndefined();
  });

  test('3.10 is the oldest supported', () => {
    expect(isSupportedPython('3.10.0')).toBe(true);
    expect(isSupportedPython('3.13.1')).toBe(true);
    expect(isSupportedPython('4.0.0')).toBe(true);
    expect(isSupportedPython('3.9.18')).toBe(false);
    expect(isSupportedPython('2.7.18')).toBe(false);
  });

  test('prefers WORKSHOP_PYTHON, then python3, then python', () => {
    const versions: Record<string, string> = { python3: '3.8.10', python: '3.12.1', '/opt/py/bin/python': '3.11.2' };
    expect(findPython({}, (c) => versions[c])).toEqual({ command: 'python', version: '3.12.1' });
    expect(findPython({ WORKSHOP_PYTHON: '/opt/py/bin/python' }, (c) => versions[c])).toEqual({
      command: '/opt/py/bin/python',
      version: '3.11.2',
    });
  });

  test('says what to install when Python is missing or too old', () => {
    expect(() => findPython({}, () => undefined)).toThrow(LocalError);
    expect(() => findPython({}, () => undefined)).toThrow(/^Python 3 was not found: install Python 3\.10 or newer/);
    expect(() => findPython({}, () => '3.8.10')).toThrow(
      /^Python 3\.8\.10 is too old for the local emulator: install Python 3\.10 or newer/,
    );
  });
});
