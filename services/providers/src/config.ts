import { z } from 'zod';
import { DEFAULT_PORTS, kafkaVars, loadConfig, serviceVars } from '@platform/config';

export const providersConfigShape = {
  ...serviceVars('providers', DEFAULT_PORTS.providers),
  ...kafkaVars,
  /** PRV-2: how many days a resource manager has to decide an inquiry. */
  INQUIRY_DECISION_DAYS: z.coerce.number().int().min(1).max(90).default(5),
};

export type ProvidersConfig = ReturnType<typeof loadProvidersConfig>;

export function loadProvidersConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig('providers', providersConfigShape, env);
}
