/**
 * Runs the emulator corrections' pytest tests (tools/local/emulator/tests) with the venv's Python:
 *   tsx tools/local/src/cli/pytest.ts [pytest arguments]
 * The Nx target `local:pytest` runs it; `npm run local -- install` puts pytest into the venv.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { EXTENSION_DIR, emulatorEnv, isInstalled, venvPython } from '../emulator';
import { LocalError } from '../messages';
import { runMain } from './run';

runMain(async () => {
  if (!isInstalled())
    throw new LocalError({
      en: 'The embedded emulator and pytest are not installed: run npm run local -- install, then run the tests again.',
      ko: '내장 에뮬레이터와 pytest가 설치되어 있지 않습니다. npm run local -- install을 실행한 뒤 테스트를 다시 실행하세요.',
    });
  const args = ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', path.join(EXTENSION_DIR, 'tests'), ...process.argv.slice(2)];
  const result = spawnSync(venvPython(), args, { stdio: 'inherit', env: emulatorEnv(), cwd: EXTENSION_DIR });
  if (result.status !== 0) process.exitCode = result.status ?? 1;
});
