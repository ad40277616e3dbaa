/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    // strip-bom 5 (used by @microsoft/app-manifest's validator) is ES-module only: Node 24 loads it
    // with require(), jest 29's module loader does not, so jest compiles that one file to CommonJS.
    '/node_modules/strip-bom/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(?:@microsoft/app-manifest/node_modules/)?strip-bom/)'],
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // A hang guard only, never a measure of speed (bench/ measures that): tests wait for events, and
  // a 2-core machine running other suites at the same time can take minutes over a busy test.
  testTimeout: 180_000,
  // Integration and end-to-end suites start servers and browsers; two workers suit a 2-core machine.
  maxWorkers: 2,
};
