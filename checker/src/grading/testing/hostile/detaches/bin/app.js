// Leaves a process behind that outlives its synth: detached, in a session of its own, without the
// environment it was given, rewriting a file every 100 ms.
const { spawn } = require('node:child_process');
const { vpcApp } = require('../../shared/vpc-stack');

const child = spawn(
  'setsid',
  [
    process.execPath,
    '-e',
    'setInterval(() => require("fs").writeFileSync(process.argv[1], String(Date.now())), 100)',
    'hostile-canary-detached',
  ],
  { detached: true, stdio: 'ignore', env: {} },
);
child.unref();
vpcApp();
