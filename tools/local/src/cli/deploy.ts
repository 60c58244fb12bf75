/**
 * npm run deploy -- <lab> [--target local|aws] [--solution] [--replace] [--yes]
 * npm run destroy -- <lab> [--target local|aws] [--solution]
 * Wraps cdk deploy/destroy in the lab folder against local AWS (default) or, explicitly, real AWS.
 */
import { parseDeployArgs } from '../args';
import { deploy } from '../deploy';
import { destroy } from '../destroy';
import { runMain } from './run';

const [command, ...rest] = process.argv.slice(2);
runMain(async () => {
  const args = parseDeployArgs(command === 'destroy' ? 'destroy' : 'deploy', rest);
  if (args.command === 'destroy') await destroy(args);
  else await deploy(args);
});
