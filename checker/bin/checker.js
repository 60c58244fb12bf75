#!/usr/bin/env node
// Runs the checker's TypeScript sources through tsx (no build step). The same registration lets
// `check --app` load a learner's TypeScript CDK app in this process.
const { register } = require('tsx/cjs/api');

register();
const { main } = require('../src/cli.ts');

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
