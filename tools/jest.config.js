/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  testMatch: ['<rootDir>/*.test.ts', '<rootDir>/bench/**/*.test.ts'],
  transform: { '^.+\\.ts$': '@swc/jest' },
};
