import { z } from 'zod';

/** PLC-2: the administrator's switch for race and religion matching (both required). */
export const characteristicSettingsBody = z
  .object({ raceEnabled: z.boolean(), religionEnabled: z.boolean() })
  .strict();
export type CharacteristicSettingsBody = z.infer<typeof characteristicSettingsBody>;
export const characteristicSettingsExample = { raceEnabled: false, religionEnabled: true };
