import { z } from 'zod';
import { pageQuery, textInput, uuidInput } from '@platform/http';

/** PLC-1: a capacity is a whole number of places. */
const capacityInput = z.number().int('must be a whole number').min(0).max(100_000);

/** PLC-1: a provider's facility; designated capacity ≤ physical is checked as a rule (422). */
export const createFacilityBody = z
  .object({
    providerId: uuidInput,
    name: textInput(200),
    designatedCapacity: capacityInput,
    physicalCapacity: capacityInput,
  })
  .strict();
export type CreateFacilityBody = z.infer<typeof createFacilityBody>;
export const createFacilityExample = {
  providerId: '0199a3c2-9a10-7cc0-8d5e-000000000001',
  name: 'Harbor House',
  designatedCapacity: 40,
  physicalCapacity: 44,
};

export const updateFacilityBody = z
  .object({
    name: textInput(200).optional(),
    designatedCapacity: capacityInput.optional(),
    physicalCapacity: capacityInput.optional(),
  })
  .strict();
export type UpdateFacilityBody = z.infer<typeof updateFacilityBody>;
export const updateFacilityExample = { designatedCapacity: 42 };

export const listFacilitiesQuery = pageQuery
  .extend({
    providerId: uuidInput.optional(),
    /** Contained in the name, case-insensitive. */
    name: textInput(200).optional(),
  })
  .strict();
export type ListFacilitiesQuery = z.infer<typeof listFacilitiesQuery>;
