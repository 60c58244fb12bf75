// CDK's built-in CloudFormation validation adds about 3 s and 350 MB to every synth; unit tests skip it.
process.env.CDK_VALIDATION ??= 'false';

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/service'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': '@swc/jest' },
};
