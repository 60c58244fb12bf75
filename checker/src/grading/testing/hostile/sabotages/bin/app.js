// Tries to change other students' grades: overwrites every result file and app it can find beside
// its own scratch folder and app folder, and the class's output folder; then builds its honest stack.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { vpcApp } = require('../../shared/vpc-stack');

const attempts = [];
function tryWrite(file, text) {
  try {
    fs.writeFileSync(file, text);
    attempts.push(`wrote ${file}`);
  } catch (error) {
    attempts.push(`${error.code} ${file}`);
  }
}
const solved = JSON.stringify({ template: { Resources: {} }, sabotaged: true });
const scratchRoot = path.resolve(os.tmpdir(), '..', '..');
for (const name of fs.readdirSync(scratchRoot)) tryWrite(path.join(scratchRoot, name, 'result.json'), solved);
const classDir = path.resolve(__dirname, '..', '..');
for (const name of fs.readdirSync(classDir)) tryWrite(path.join(classDir, name, 'bin', 'app.js'), 'throw new Error("SABOTAGED");\n');
tryWrite(path.join(classDir, 'out', 'gradebook.csv'), 'SABOTAGED\n');
tryWrite(path.join(classDir, 'roster.csv'), 'SABOTAGED\n');
console.log(attempts.join('\n'));
vpcApp();
