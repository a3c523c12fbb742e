import { ConsoleLogger, type INestApplication, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ProblemDetailsFilter } from './problem-details.filter.js';

export interface HttpAppOptions {
  service: string;
  title: string;
  description: string;
  logLevel?: LogLevel;
}

/**
 * Largest JSON body accepted. Express's default (100 kB) refuses a service invoice with a few
 * hundred line items; FIN-3 invoices carry up to 20,000 lines (~250 bytes each), so 32 MB.
 */
export const JSON_BODY_LIMIT = '32mb';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** Structured JSON logs, one line per entry, tagged with the service name. */
export function jsonLogger(service: string, level: LogLevel = 'log'): ConsoleLogger {
  return new ConsoleLogger(service, {
    json: true,
    logLevels: LEVELS.slice(0, LEVELS.indexOf(level) + 1),
  });
}

/**
 * Creates a service's HTTP app the same way everywhere: JSON logs, problem+json errors, OpenAPI
 * at /docs (JSON at /docs-json), graceful shutdown.
 */
export async function createHttpApp(
  module: unknown,
  options: HttpAppOptions,
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module as never, {
    logger: jsonLogger(options.service, options.logLevel),
  });
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.title)
      .setDescription(options.description)
      .setVersion('1')
      .addBearerAuth()
      .addSecurityRequirements('bearer')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
