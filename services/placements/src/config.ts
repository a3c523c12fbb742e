import { z } from 'zod';
import { DEFAULT_PORTS, kafkaVars, loadConfig, serviceVars } from '@platform/config';

export const placementsConfigShape = {
  ...serviceVars('placements', DEFAULT_PORTS.placements),
  ...kafkaVars,
  /**
   * PLC-4: days after a reservation's start the client may still arrive; the reservation expires
   * at its end or at start + these days, whichever comes first. A request may give its own.
   */
  RESERVATION_GRACE_PERIOD_DAYS: z.coerce.number().int().min(0).max(365).default(3),
};

export type PlacementsConfig = ReturnType<typeof loadPlacementsConfig>;

export function loadPlacementsConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig('placements', placementsConfigShape, env);
}
