// Asks for 4 GB at once, then grows the heap without end (the stack is built only if both stop).
const { vpcApp } = require('../../shared/vpc-stack');

const hoard = [];
try {
  hoard.push(Buffer.alloc(4 * 2 ** 30, 1));
} catch {
  // refused: grow the heap instead
}
while (hoard.length < 1e9) hoard.push(new Array(1e6).fill(hoard.length));
vpcApp();
