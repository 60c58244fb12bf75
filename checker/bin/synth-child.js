// The process `check --app` synthesizes a CDK app in (started by src/sources/app/isolate.ts), so an
// app that hangs can be stopped and one that exits or prints cannot take the checker's output with it.
require('./register');
require('../src/sources/app/synth-child.ts');
