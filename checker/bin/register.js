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

// tsx inlines a source map into every module it compiles and Node parses it back: about 8% of a
// template check's CPU time. The checker's own modules compile without one (their stack traces point
// into the compiled code) unless --debug asks for stack traces. Only tsx's compile of such a module
// goes without: its code runs with source maps on, so a learner's app loaded from there (grading's
// synth child) keeps its maps, and an error in the app still names its TypeScript file and line.
const OWN_SOURCES = path.join(__dirname, '..', 'src') + path.sep;
if (!process.argv.includes('--debug')) {
  const tsxTsLoader = Module._extensions['.ts'];
  Module._extensions['.ts'] = function loadOwnTs(module, filename) {
    if (!filename.startsWith(OWN_SOURCES)) return tsxTsLoader.call(this, module, filename);
    const enabled = process.sourceMapsEnabled;
    // tsx reads the setting when it compiles, then hands the code to module._compile, which runs it.
    module._compile = function compileOwn(content, file) {
      delete module._compile;
      process.setSourceMapsEnabled(enabled);
      return module._compile(content, file);
    };
    process.setSourceMapsEnabled(false);
    try {
      return tsxTsLoader.call(this, module, filename);
    } finally {
      delete module._compile;
      process.setSourceMapsEnabled(enabled);
    }
  };
}
