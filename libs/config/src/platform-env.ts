import { z } from 'zod';

/**
 * Environment variables shared by the services. Defaults match the ports `npm run infra:up`
 * uses (infra/launcher/config.mjs), so a developer needs no .env file.
 */
export const DEFAULT_PORTS = {
  postgres: 55432,
  kafka: 59092,
  temporal: 57233,
  temporalUi: 58233,
  devIssuer: 58080,
  providers: 3001,
  tasks: 3002,
  finance: 3003,
  placements: 3004,
  taxonomy: 3005,
} as const;

const csv = z
  .string()
  .min(1)
  .transform((value) => value.split(',').map((item) => item.trim()));

export function databaseUrlVar(database: string) {
  return z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .default(`postgres://postgres@127.0.0.1:${DEFAULT_PORTS.postgres}/${database}`);
}

export function httpPortVar(defaultPort: number) {
  return z.coerce.number().int().min(0).max(65535).default(defaultPort);
}

export const kafkaVars = {
  KAFKA_BROKERS: csv.default([`127.0.0.1:${DEFAULT_PORTS.kafka}`]),
  KAFKA_CLIENT_ID: z.string().min(1).optional(),
  /**
   * Prepended to every topic and consumer group: several platform instances (tests, benchmarks)
   * share one broker without seeing each other's events. Empty in a real deployment.
   */
  KAFKA_NAME_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9._-]*$/, 'letters, digits, dot, dash and underscore only')
    .default(''),
};

export const temporalVars = {
  TEMPORAL_ADDRESS: z.string().min(1).default(`127.0.0.1:${DEFAULT_PORTS.temporal}`),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
};

export const authVars = {
  /** Where the token issuer publishes its keys (the built-in development issuer by default). */
  AUTH_JWKS_URL: z
    .url()
    .default(`http://127.0.0.1:${DEFAULT_PORTS.devIssuer}/.well-known/jwks.json`),
  AUTH_ISSUER: z.string().min(1).default('urn:provider-platform:dev-issuer'),
  AUTH_AUDIENCE: z.string().min(1).default('provider-platform'),
};

export const logVars = {
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
};

/** What every service with its own database, HTTP API and Temporal activities reads. */
export function serviceVars(database: string, defaultPort: number) {
  return {
    DATABASE_URL: databaseUrlVar(database),
    PORT: httpPortVar(defaultPort),
    HOST: z.string().default('127.0.0.1'),
    ...temporalVars,
    ...authVars,
    ...logVars,
  };
}
