#!/usr/bin/env node
// Runs the checker's TypeScript sources through tsx (no build step). The same registration lets
// dev-check load the labs' TypeScript CDK apps in this process.
require('./register');

const { main } = require('../src/cli.ts');

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
