/**
 * npm run local -- up|down|status|reset|install [--emulator] [--port N]
 * Starts, inspects and stops the local AWS endpoint that deploy and the checker use.
 */
import { parseLocalArgs } from '../args';
import { runLocal } from '../local';
import { runMain } from './run';

runMain(() => runLocal(parseLocalArgs(process.argv.slice(2))));
