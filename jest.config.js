// Tests run in a zone away from UTC (+05:30), so code that lets the host's zone leak into stored
// or compared times fails here, not only on a newsroom's server. Workers inherit it.
process.env.TZ = 'Asia/Kolkata';

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  // Every response a test file receives from a test app is checked against the OpenAPI document.
  setupFilesAfterEnv: ['<rootDir>/tests/helpers/setup-response-validation.ts'],
  // Two cores: two workers, each with its own database.
  maxWorkers: 2,
  testTimeout: 60_000,
};
