import { z } from 'zod';
import { DEFAULT_PORTS, kafkaVars, loadConfig, serviceVars } from '@platform/config';

export const providersConfigShape = {
  ...serviceVars('providers', DEFAULT_PORTS.providers),
  ...kafkaVars,
  /** PRV-2: how many days a resource manager has to decide an inquiry. */
  INQUIRY_DECISION_DAYS: z.coerce.number().int().min(1).max(90).default(5),
  /**
   * PRV-10: a waitlist entry's review date, when none is given, is this many days before its
   * expiry date (a service-level setting, the same for every waitlist).
   */
  WAITLIST_REVIEW_DAYS_BEFORE_EXPIRY: z.coerce.number().int().min(0).max(365).default(14),
};

export type ProvidersConfig = ReturnType<typeof loadProvidersConfig>;

export function loadProvidersConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig('providers', providersConfigShape, env);
}
