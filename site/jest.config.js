/** Unit tests of the site's data, plugins and content (no browser). @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>/src'],
  transform: { '^.+\\.tsx?$': '@swc/jest' },
};
