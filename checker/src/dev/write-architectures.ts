// Writes labs/architectures.generated.json from the labs' solutions (npm run architectures -w checker).
import fs from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { solutionTargets, TARGETS_FILE } from '../views/targets';

async function main(): Promise<void> {
  const options = { ...(await resolveConfig(TARGETS_FILE)), filepath: TARGETS_FILE };
  const text = await format(JSON.stringify(await solutionTargets()), options);
  fs.writeFileSync(TARGETS_FILE, text);
  process.stdout.write(`Wrote ${TARGETS_FILE}\n`);
}

void main();
