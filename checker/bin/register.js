// Registers tsx so the checker's TypeScript sources (and a learner's TypeScript CDK app) load
// without a build step. Used by bin/checker.js, by the synth child (bin/synth-child.js) and, preloaded
// with --require, by every grading synthesis child (src/grading/sandbox/synthesize.ts).
const Module = require('node:module');
const path = require('node:path');
const { register } = require('tsx/cjs/api');

const nodeJsLoader = Module._extensions['.js'];
register();
const tsxJsLoader = Module._extensions['.js'];

// tsx scans every .js file for ESM syntax before loading it; aws-cdk-lib alone is hundreds of
// CommonJS files, and the scan cost about 30% of a check's CPU time. Dependencies load with
// Node's own loader; one that is ESM (Node refuses it) falls back to tsx.
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
