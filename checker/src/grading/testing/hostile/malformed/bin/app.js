// Hands back a result the grader must not read: the result file becomes a link to a system file.
const fs = require('node:fs');
const { vpcApp } = require('../../shared/vpc-stack');

const resultFile = process.argv.find((arg) => arg.endsWith('.json'));
process.on('exit', () => {
  fs.rmSync(resultFile, { force: true });
  fs.symlinkSync('/etc/hostname', resultFile);
});
vpcApp();
