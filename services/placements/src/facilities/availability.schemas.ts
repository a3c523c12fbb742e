import { z } from 'zod';
import { calendarDateInput, uuidInput } from '@platform/http';
import { clientInput } from '../shared/client-input.js';

/** "Free places for this client from D1 to D2" (PLC-1…PLC-3, PLC-8). */
const availabilityFields = {
  client: clientInput,
  from: calendarDateInput,
  /** null or left out: open-ended (PLC-5). */
  to: calendarDateInput.nullable().default(null),
  /** PLC-2: the placement service product asked for; null does not filter on it. */
  serviceProductId: uuidInput.nullable().default(null),
  /** PLC-8 / PRV-6: the contract and provider service the place would be held under. */
  contractId: uuidInput.nullable().default(null),
  providerServiceId: uuidInput.nullable().default(null),
};

const endsAfterStart = {
  check: (body: { from: string; to: string | null }) => body.to === null || body.to >= body.from,
  issue: { path: ['to'], message: 'the period cannot end before it starts' },
};

export const facilityAvailabilityBody = z
  .object(availabilityFields)
  .strict()
  .refine(endsAfterStart.check, endsAfterStart.issue);
export type FacilityAvailabilityBody = z.infer<typeof facilityAvailabilityBody>;

export const providerAvailabilityBody = z
  .object({ providerId: uuidInput, ...availabilityFields })
  .strict()
  .refine(endsAfterStart.check, endsAfterStart.issue);
export type ProviderAvailabilityBody = z.infer<typeof providerAvailabilityBody>;

export const availabilityExample = {
  client: {
    clientId: 'C-1042',
    birthDate: '2011-05-02',
    gender: 'female' as const,
    language: 'es',
    gangAffiliation: null,
    race: null,
    religion: null,
  },
  from: '2026-12-01',
  to: '2027-02-28',
  serviceProductId: null,
  contractId: null,
  providerServiceId: null,
};
