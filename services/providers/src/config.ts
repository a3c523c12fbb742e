import { z } from 'zod';
import {
  authVars,
  databaseUrlVar,
  DEFAULT_PORTS,
  httpPortVar,
  kafkaVars,
  loadConfig,
  logVars,
  temporalVars,
} from '@platform/config';

export const providersConfigShape = {
  DATABASE_URL: databaseUrlVar('providers'),
  PORT: httpPortVar(DEFAULT_PORTS.providers),
  HOST: z.string().default('127.0.0.1'),
  /** PRV-2: how many days a resource manager has to decide an inquiry. */
  INQUIRY_DECISION_DAYS: z.coerce.number().int().min(1).max(90).default(5),
  ...kafkaVars,
  ...temporalVars,
  ...authVars,
  ...logVars,
};

export type ProvidersConfig = ReturnType<typeof loadProvidersConfig>;

export function loadProvidersConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig('providers', providersConfigShape, env);
}
