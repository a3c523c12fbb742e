import { z } from 'zod';
import { calendarDateInput, textInput } from '@platform/http';
import type { ClientCharacteristics } from '../domain/index.js';

/**
 * PLC-2: the client a place is looked for, as the case worker records them. Only `clientId` (the
 * agency's client reference) is required; a characteristic left out is unknown, and a compartment
 * asking for it then does not match (an unknown age does not meet a minimum age).
 */
export const clientInput = z
  .object({
    clientId: textInput(100),
    birthDate: calendarDateInput.nullable().default(null),
    gender: z.enum(['female', 'male', 'non-binary']).nullable().default(null),
    language: textInput(50).nullable().default(null),
    gangAffiliation: textInput(100).nullable().default(null),
    race: textInput(50).nullable().default(null),
    religion: textInput(50).nullable().default(null),
  })
  .strict();

export type ClientInput = z.infer<typeof clientInput>;

export function toClientCharacteristics(input: ClientInput): ClientCharacteristics {
  return { ...input };
}
