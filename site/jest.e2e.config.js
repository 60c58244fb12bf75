/** Browser tests of the built site (run by the e2e target after build). @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>/e2e'],
  transform: { '^.+\\.tsx?$': '@swc/jest' },
  testTimeout: 60000,
  maxWorkers: 1,
};
