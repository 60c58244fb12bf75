// CDK's built-in CloudFormation validation adds about 3 s and 350 MB to every synth; tests skip it.
process.env.CDK_VALIDATION ??= 'false';

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>/src', '<rootDir>/testing'],
  transform: { '^.+\\.ts$': '@swc/jest' },
};
