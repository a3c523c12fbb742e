import { fileURLToPath } from 'node:url';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  TaskQueues,
  taxonomyReviewWorkflowId,
  type TaxonomyReviewResult,
} from '@platform/contracts';
import { startTimeSkippingEnvironment } from '@platform/testing/time-skipping';
import type { TaxonomyFileHeader, TaxonomyFileTerm } from '../../src/airs/taxonomy-file.js';
import { importTaxonomy, type ImportAnswer, type ImportOptions } from './import-fixtures.js';
import { term } from './review-requests.js';
import { StandInTasks } from './stand-in-tasks.js';
import { startTaxonomyApp, type TaxonomyApp } from './taxonomy-app.js';
import { expectStatus } from './users.js';

/** The built workflows, as the platform worker bundles them (`npx tsc -b workflows` first). */
const workflowsPath = fileURLToPath(
  new URL('../../../../workflows/dist/index.js', import.meta.url),
);

export interface ReviewTestbed {
  app: TaxonomyApp;
  env: TestWorkflowEnvironment;
  /** The tasks service's activities the review process calls: its review task (TAX-5). */
  tasks: StandInTasks;
  /** POST /taxonomy-imports, failing the test unless 201. */
  imported(xml: string, options?: ImportOptions): Promise<ImportAnswer>;
  /** The result of the version's review process (time skips while awaited). */
  reviewResult(versionId: string): Promise<TaxonomyReviewResult>;
  close(): Promise<void>;
}

/**
 * The taxonomy service with the real TAX-5 review process: the platform's `taxonomyReview`
 * workflow on Temporal's time-skipping test server (as placements' PLC-4 acceptance runs its
 * timer), the service's own activity worker answering it, and stand-in tasks activities for
 * the review task it opens in the administrators' queue.
 */
export async function startReviewTestbed(): Promise<ReviewTestbed> {
  const env = await startTimeSkippingEnvironment();
  const app = await startTaxonomyApp({
    TEMPORAL_ADDRESS: env.address,
    TEMPORAL_NAMESPACE: env.namespace ?? 'default',
  });
  const worker = await Worker.create({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue: TaskQueues.workflows,
    workflowsPath,
  });
  const tasks = new StandInTasks();
  const tasksWorker = await Worker.create({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue: TaskQueues.tasksActivities,
    activities: tasks.activities(),
  });
  const running = Promise.all([worker.run(), tasksWorker.run()]);
  return {
    app,
    env,
    tasks,
    async imported(xml, options = {}) {
      const reply = await importTaxonomy(app, xml, options);
      return expectStatus(reply, 201, 'POST /taxonomy-imports');
    },
    reviewResult: (versionId) =>
      env.client.workflow
        .getHandle(taxonomyReviewWorkflowId(versionId))
        .result() as Promise<TaxonomyReviewResult>,
    async close() {
      worker.shutdown();
      tasksWorker.shutdown();
      await running;
      await app.close();
      await env.teardown();
    },
  };
}

export const releaseHeader = (
  releaseDate: string,
  name = '211 Update Test Taxonomy',
): TaxonomyFileHeader => ({ name, country: 'US', language: 'en', releaseDate });

/** A first release, hand-made. */
export const FIRST_RELEASE: TaxonomyFileTerm[] = [
  term('B', 'Basic Needs'),
  term('BD', 'Food'),
  term('BD-1800', 'Emergency Food'),
  term('BD-1800.1900', 'Brown Bag Food Programs'),
  term('BD-1800.2000', 'Food Pantries', { useReferences: ['Food Shelves'], seeAlso: ['BD-5000'] }),
  term('BD-5000', 'Meals'),
  term('BD-5000.1500', 'Congregate Meals'),
  term('BD-5000.8300', 'Soup Kitchens'),
];

/**
 * The next release: BD-1800.2250 added, BD-5000.1500 renamed, BD-1800.1900 replaced by
 * BD-1800.1950, BD-5000.8300 deleted.
 */
export const SECOND_RELEASE: TaxonomyFileTerm[] = [
  ...FIRST_RELEASE.filter(
    (t) => !['BD-1800.1900', 'BD-5000.8300', 'BD-5000.1500'].includes(t.code),
  ),
  term('BD-1800.1950', 'Food Bag Programs', { replaces: ['BD-1800.1900'] }),
  term('BD-1800.2250', 'Food Vouchers'),
  term('BD-5000.1500', 'Congregate Meals/Nutrition Sites', {
    definition: 'Congregate Meals: programs of this kind.',
  }),
];
