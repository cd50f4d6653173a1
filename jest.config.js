/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  // Two cores: two workers, each with its own database.
  maxWorkers: 2,
  testTimeout: 60_000,
};
