// Run through `npx cdk synth` (cdk.json's app is not a plain entry): spins for ever at 100% CPU.
process.title = 'hostile-canary-busy';
for (;;);
