// Preloaded into every synthesis child (node --require): registers tsx for the student's TypeScript
// and lets dependencies load with Node's own loader, as bin/checker.js does (tsx's ESM scan of
// every aws-cdk-lib file costs about 30% of a synth).
const Module = require('node:module');
const path = require('node:path');
const { register } = require('tsx/cjs/api');

const nodeJsLoader = Module._extensions['.js'];
register();
const tsxJsLoader = Module._extensions['.js'];

Module._extensions['.js'] = function loadJs(module, filename) {
  if (filename.includes(`${path.sep}node_modules${path.sep}`)) {
    try {
      return nodeJsLoader.call(this, module, filename);
    } catch (error) {
      if (error.code !== 'ERR_REQUIRE_ESM' && !(error instanceof SyntaxError)) throw error;
    }
  }
  return tsxJsLoader.call(this, module, filename);
};
