// The process `check --app` synthesizes a CDK app in (started by src/sources/app/isolate.ts), so an
// app that hangs can be stopped and one that exits or prints cannot take the checker's output with it.
// The engine's analyses are wired in here: the sources layer does not import the engine.
require('./register');
const { serveSynth } = require('../src/sources/app/synth-child.ts');

serveSynth((wanted, graph) => require('../src/engine/analyses.ts').analysesInChild(wanted, graph));
