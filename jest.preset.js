// Shared jest configuration: ESM TypeScript through ts-jest, run with --experimental-vm-modules.
// Tests import other projects by package name, which resolves to their built dist/ (npm test builds
// first), so every module exists once per test run.
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repoRoot = dirname(fileURLToPath(import.meta.url));

/** @param {string} configUrl import.meta.url of the project's jest.config.js */
export function jestConfig(configUrl) {
  const rootDir = dirname(fileURLToPath(configUrl));
  const usesInfrastructure = existsSync(join(rootDir, 'test'));
  return {
    rootDir,
    displayName: rootDir.slice(repoRoot.length + 1),
    testEnvironment: 'node',
    extensionsToTreatAsEsm: ['.ts'],
    transform: {
      '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: join(repoRoot, 'tsconfig.spec.json') }],
    },
    moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
    testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
    // Integration suites share the launcher's real Kafka, Temporal and PostgreSQL.
    ...(usesInfrastructure
      ? { globalSetup: join(repoRoot, 'libs/testing/dist/jest-global-setup.js') }
      : {}),
    // Integration tests talk to real servers; tests wait on conditions, not on wall-clock limits.
    reporters: ['default', join(repoRoot, 'scripts/jest-results-reporter.mjs')],
    testTimeout: 120_000,
    maxWorkers: 1,
  };
}
