import { z } from 'zod';
import { calendarDateInput, pageQuery, textInput, uuidInput } from '@platform/http';

/** PLC-3: one place, or every place of a compartment and below, out of service for a period. */
export const createOutOfServiceBody = z
  .object({
    placeId: uuidInput.optional(),
    compartmentId: uuidInput.optional(),
    from: calendarDateInput,
    /** null: until further notice. */
    to: calendarDateInput.nullable(),
    reason: textInput(500),
  })
  .strict()
  .refine((body) => (body.placeId === undefined) !== (body.compartmentId === undefined), {
    path: ['placeId'],
    message: 'give exactly one of placeId and compartmentId',
  })
  .refine((body) => body.to === null || body.to >= body.from, {
    path: ['to'],
    message: 'the period cannot end before it starts',
  });
export type CreateOutOfServiceBody = z.infer<typeof createOutOfServiceBody>;
export const createOutOfServiceExample = {
  compartmentId: '0199a3c2-9a10-7cc0-8d5e-000000000010',
  from: '2026-12-01',
  to: '2026-12-14',
  reason: 'Water damage repairs',
};

const booleanQuery = z.enum(['true', 'false']).transform((text) => text === 'true');

export const listOutOfServiceQuery = pageQuery
  .extend({
    /** Only records in force (not withdrawn) on this day. */
    asOf: calendarDateInput.optional(),
    placeId: uuidInput.optional(),
    /** Records on this compartment and on every compartment and place below it. */
    compartmentId: uuidInput.optional(),
    /** Withdrawn records are left out unless this is `true`. */
    includeWithdrawn: booleanQuery.optional(),
  })
  .strict();
export type ListOutOfServiceQuery = z.infer<typeof listOutOfServiceQuery>;
