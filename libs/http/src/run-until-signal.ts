import { Logger } from '@nestjs/common';

export interface RunningService {
  name: string;
  url: string;
  close(): Promise<void>;
}

/**
 * Entry point helper: starts a service, logs where it listens, and closes it cleanly on SIGTERM or
 * SIGINT. A start-up failure (bad configuration, unreachable database) exits with code 1 and the
 * reason, instead of an unhandled rejection.
 */
export async function runUntilSignal(start: () => Promise<RunningService>): Promise<void> {
  const logger = new Logger('Main');
  let service: RunningService;
  try {
    service = await start();
  } catch (error) {
    logger.error(`start-up failed: ${(error as Error).message}`, (error as Error).stack);
    process.exit(1);
  }
  logger.log(`${service.name} listening on ${service.url} (API docs at ${service.url}/docs)`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: shutting down ${service.name}`);
    service.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`shutdown failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
