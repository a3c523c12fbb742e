import type { DynamicModule, INestApplication, LogLevel } from '@nestjs/common';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Client } from '@temporalio/client';
import { createHttpApp, type HealthCheck, type RunningService } from '@platform/http';
import { pingDatabase } from '@platform/persistence';
import { connectTemporalClient, startActivityWorker, type RunningWorker } from '@platform/temporal';

export interface ServiceBaseConfig {
  DATABASE_URL: string;
  HOST: string;
  PORT: number;
  TEMPORAL_ADDRESS: string;
  TEMPORAL_NAMESPACE: string;
  LOG_LEVEL: LogLevel;
}

export interface ServiceDeps {
  orm: MikroORM;
  temporal: Client;
  healthChecks: Record<string, HealthCheck>;
}

/** Something a service runs beside its HTTP API: an outbox relay, event consumers … */
export interface ServiceExtension {
  /** Before the app starts: connect microservices, add routes. */
  attach?(app: INestApplication): void | Promise<void>;
  /** After the HTTP server listens. */
  start?(): Promise<void>;
  /** First thing on shutdown, so nothing new starts while the rest closes. */
  stop?(): Promise<void>;
}

export interface ServiceDefinition {
  name: string;
  title: string;
  description: string;
  config: ServiceBaseConfig;
  openDatabase(url: string): Promise<MikroORM>;
  /** The Temporal activities this service hosts, on its own task queue. */
  activities: { taskQueue: string; create(orm: MikroORM): object };
  module(deps: ServiceDeps): DynamicModule;
  extensions?(orm: MikroORM): Promise<ServiceExtension[]>;
}

/**
 * Starts a service the same way everywhere: its database (migrated), a Temporal client, its
 * activity worker, the HTTP API with health checks, then its extensions. Closing runs in reverse.
 * When a step fails, whatever the earlier steps opened is closed before the error is rethrown, so
 * a failed start leaves no listening server, worker or pool behind (a test run that cannot start
 * a service fails instead of never exiting).
 */
export async function startService(definition: ServiceDefinition): Promise<RunningService> {
  const { config } = definition;
  const temporalOptions = {
    address: config.TEMPORAL_ADDRESS,
    namespace: config.TEMPORAL_NAMESPACE,
  };
  const closers: (() => Promise<unknown>)[] = [];
  const closeAll = async () => {
    for (const close of closers.splice(0).reverse()) await close();
  };
  try {
    const orm = await definition.openDatabase(config.DATABASE_URL);
    closers.push(() => orm.close());
    const temporal = await connectTemporalClient(temporalOptions);
    closers.push(() => temporal.connection.close());
    const worker: RunningWorker = await startActivityWorker(
      temporalOptions,
      definition.activities.taskQueue,
      definition.activities.create(orm),
    );
    closers.push(() => worker.shutdown());
    const healthChecks: Record<string, HealthCheck> = {
      database: () => pingDatabase(orm),
      temporal: async () => {
        await temporal.workflowService.getSystemInfo({});
      },
      activityWorker: async () => {
        const state = worker.worker.getState();
        if (state !== 'RUNNING') throw new Error(`worker is ${state}`);
      },
    };
    const app = await createHttpApp(definition.module({ orm, temporal, healthChecks }), {
      service: definition.name,
      title: definition.title,
      description: definition.description,
      logLevel: config.LOG_LEVEL,
    });
    closers.push(() => app.close());
    const extensions = (await definition.extensions?.(orm)) ?? [];
    // First thing on shutdown, so nothing new starts while the rest closes.
    closers.push(async () => {
      for (const extension of [...extensions].reverse()) await extension.stop?.();
    });
    for (const extension of extensions) await extension.attach?.(app);

    await app.startAllMicroservices();
    await app.listen(config.PORT, config.HOST);
    for (const extension of extensions) await extension.start?.();

    return {
      name: definition.name,
      url: (await app.getUrl()).replace('[::1]', 'localhost'),
      close: closeAll,
    };
  } catch (error) {
    await closeAll().catch((closeError: unknown) => {
      console.error(`${definition.name}: closing after a failed start failed too`, closeError);
    });
    throw error;
  }
}
