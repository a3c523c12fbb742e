import { z } from 'zod';
import { pageQuery, textInput, uuidInput } from '@platform/http';

/** PLC-1: places (beds) created in bulk in one compartment; names are unique in the facility. */
export const createPlacesBody = z
  .object({
    names: z
      .array(textInput(100))
      .min(1)
      .max(1000)
      .refine((names) => new Set(names).size === names.length, {
        message: 'names must be distinct',
      }),
  })
  .strict();
export type CreatePlacesBody = z.infer<typeof createPlacesBody>;
export const createPlacesExample = { names: ['Bed 101-1', 'Bed 101-2'] };

export const listPlacesQuery = pageQuery
  .extend({
    /** Places in this compartment and every compartment below it. */
    compartmentId: uuidInput.optional(),
    /** Contained in the place's name, case-insensitive. */
    name: textInput(100).optional(),
  })
  .strict();
export type ListPlacesQuery = z.infer<typeof listPlacesQuery>;
