// Puts markup and a spreadsheet formula in the one value it controls in the outputs, its error: the
// whole reason, written over the checker's result file as the app exits.
const fs = require('node:fs');

const text = '=HYPERLINK("http://evil.example","x")<script>alert(1)</script><img src=x onerror=alert(2)>';
const resultFile = process.argv.find((arg) => arg.endsWith('.json'));
process.on('exit', () => fs.writeFileSync(resultFile, JSON.stringify({ error: { en: text, ko: text } })));
throw new Error(text);
