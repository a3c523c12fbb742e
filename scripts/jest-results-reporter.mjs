// Jest reporter that leaves each project's counts in .infra/test-results/<project>.json, so
// `npm test` can print one total for the whole run across the separate jest processes Nx starts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const resultsDir = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '.infra',
  'test-results',
);

export default class ResultsFileReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    fs.mkdirSync(resultsDir, { recursive: true });
    const name = path
      .relative(path.dirname(resultsDir), this.rootDir)
      .replaceAll('/', '_')
      .replace(/^\.\._/, '');
    fs.writeFileSync(
      path.join(resultsDir, `${name}.json`),
      JSON.stringify({
        project: name,
        passed: results.numPassedTests,
        failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
        skipped: results.numPendingTests + results.numTodoTests,
      }),
    );
  }
}
