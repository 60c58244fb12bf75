/**
 * Short root-level commands for one lab, printed verbatim by the guides:
 *   npm run synth -- <lab> [--solution]
 * It resolves the lab from the catalog and runs the matching Nx target, so caching applies.
 */
import { spawnSync } from 'node:child_process';
import { catalog, findLab, nearestLabId, repoRoot } from '@workshop/catalog';

const USAGE = 'usage: npm run <synth> -- <lab-id> [--solution]';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const [target, ...rest] = process.argv.slice(2);
const solution = rest.includes('--solution');
const labId = rest.find((arg) => !arg.startsWith('--'));
const unknownFlag = rest.find((arg) => arg.startsWith('--') && arg !== '--solution');

if (!target) fail(USAGE);
if (unknownFlag) fail(`Unknown option ${unknownFlag}. ${USAGE}`);
if (!labId) fail(`Which lab? ${USAGE}. Labs: ${catalog.labs.map((lab) => lab.id).join(', ')}`);
if (!findLab(labId)) {
  const nearest = nearestLabId(labId);
  fail(`Unknown lab "${labId}".${nearest ? ` Did you mean "${nearest}"?` : ''} Labs: ${catalog.labs.map((lab) => lab.id).join(', ')}`);
}

const project = `${solution ? 'solution' : 'lab'}-${labId}`;
const result = spawnSync('npx', ['nx', 'run', `${project}:${target}`, '--outputStyle=stream'], {
  cwd: repoRoot,
  stdio: 'inherit',
  env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1', AWS_EC2_METADATA_DISABLED: 'true', NX_NO_CLOUD: 'true' },
});
process.exit(result.status ?? 1);
