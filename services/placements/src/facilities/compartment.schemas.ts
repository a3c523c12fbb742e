import { z } from 'zod';
import { textInput, uuidInput } from '@platform/http';

const age = z.number().int('must be a whole number').min(0).max(150);
const flag = z.boolean().nullable().optional();
const value = (max: number) => textInput(max).nullable().optional();

/**
 * PLC-2: what a compartment asks of its occupants (domain CompartmentCharacteristics). A field
 * left out or null is inherited from the nearest ancestor that sets it; an explicit `false`
 * switches off a "same … only" an ancestor asks for.
 */
export const characteristicsInput = z
  .object({
    gangAffiliation: value(100),
    sameGangAffiliationOnly: flag,
    language: value(50),
    sameLanguageOnly: flag,
    race: value(50),
    sameRaceOnly: flag,
    religion: value(50),
    sameReligionOnly: flag,
    minimumAge: age.nullable().optional(),
    maximumAge: age.nullable().optional(),
    sameGenderOnly: flag,
    serviceProductId: uuidInput.nullable().optional(),
  })
  .strict()
  .refine((c) => c.minimumAge == null || c.maximumAge == null || c.maximumAge >= c.minimumAge, {
    path: ['maximumAge'],
    message: 'must not be below minimumAge',
  });
export type CharacteristicsInput = z.infer<typeof characteristicsInput>;

export const createCompartmentBody = z
  .object({
    /** The facility's top-level compartment for a building, a building for a floor, … */
    parentId: uuidInput,
    name: textInput(200),
    characteristics: characteristicsInput.default({}),
  })
  .strict();
export type CreateCompartmentBody = z.infer<typeof createCompartmentBody>;
export const createCompartmentExample = {
  parentId: '0199a3c2-9a10-7cc0-8d5e-000000000010',
  name: 'Floor 1',
  characteristics: { sameGenderOnly: true, minimumAge: 12, maximumAge: 17 },
};

/** `characteristics`, when given, replaces the compartment's own characteristics as a whole. */
export const updateCompartmentBody = z
  .object({
    parentId: uuidInput.optional(),
    name: textInput(200).optional(),
    characteristics: characteristicsInput.optional(),
  })
  .strict();
export type UpdateCompartmentBody = z.infer<typeof updateCompartmentBody>;
export const updateCompartmentExample = { characteristics: { language: 'es' } };
