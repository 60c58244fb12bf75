#!/usr/bin/env node
/**
 * `npm start`: the main job on a fresh machine. It installs what is missing, checks the lab catalog,
 * starts what the workshop runs locally, and prints the next steps. Plain Node on purpose: it runs
 * before any dependency is installed.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Node ${process.versions.node} is too old: install Node 24 or 22 (LTS, https://nodejs.org) and run npm start again.`);
  process.exit(2);
}
// Node 20 still works, but it no longer gets security fixes and the AWS SDK's 2027 releases need 22.
if (major === 20)
  console.log(
    `Node ${process.versions.node} reached its end of life in April 2026: the workshop still runs on it, but install Node 24 or 22 (LTS) soon.`,
  );

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`\n"${[command, ...args].join(' ')}" failed (exit ${result.status}). Fix the error above and run npm start again.`);
    process.exit(result.status ?? 1);
  }
}

const lock = path.join(root, 'package-lock.json');
const stamp = path.join(root, 'node_modules', '.package-lock.json');
if (!fs.existsSync(stamp) || fs.statSync(stamp).mtimeMs < fs.statSync(lock).mtimeMs) {
  console.log('Installing dependencies (npm ci)...');
  // npm ci never rewrites package-lock.json, so a fresh clone stays clean; the lock holds every platform's binaries.
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

console.log('\nChecking the lab catalog...');
run('npx', ['jest', '--config', 'tools/catalog/jest.config.js', '--silent']);

// Local AWS is optional (template checks and real AWS work without it), so a failure here is reported, not fatal.
console.log('\nStarting local AWS (LocalStack with Docker, otherwise the embedded emulator)...');
const local = spawnSync('npm', ['run', '--silent', 'local', '--', 'up'], { cwd: root, stdio: 'inherit' });
if (local.status !== 0)
  console.log('Local AWS did not start (see the line above); template checks still work. Retry with: npm run local -- up');

const catalog = JSON.parse(fs.readFileSync(path.join(root, 'labs', 'catalog.json'), 'utf8'));
console.log('\nReady. The labs, in order:');
catalog.labs.forEach((lab, i) => console.log(`  ${i + 1}. ${lab.id.padEnd(18)} ${lab.title.en}`));
console.log(`
Next steps:
  npm run synth -- ${catalog.labs[0].id}      synthesize your starter of the first lab
  npm run synth -- ${catalog.labs[0].id} --solution   the same for its solution
  npx checker check ${catalog.labs[0].id}       check your starter against the lab
  npm run deploy -- ${catalog.labs[0].id}     deploy it to local AWS
  npm test                                  run every test of the workshop`);

// The workshop site comes last: serving it keeps this command running until Ctrl+C.
// `npm start -- --no-site` stops here instead.
if (!process.argv.includes('--no-site')) {
  console.log('\nBuilding the workshop site (English and Korean)...');
  run('npx', ['nx', 'run', 'site:build', '--outputStyle=static']);
  const port = await freePort(3000);
  const url = `http://127.0.0.1:${port}`;
  console.log(`\nThe workshop site: ${url}/ (English)  ${url}/ko (한국어)   Ctrl+C stops it.`);
  const server = spawn('npx', ['docusaurus', 'serve', '--dir', 'build', '--host', '127.0.0.1', '--port', String(port), '--no-open'], {
    cwd: path.join(root, 'site'),
    stdio: 'inherit',
  });
  server.on('exit', (code) => process.exit(code ?? 0));
}

/** The first port from `start` on that nothing listens to on 127.0.0.1. */
function freePort(start) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(freePort(start + 1)));
    probe.listen(start, '127.0.0.1', () => probe.close(() => resolve(start)));
  });
}
