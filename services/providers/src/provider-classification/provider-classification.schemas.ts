import { z } from 'zod';
import { pageQuery } from '@platform/http';
import {
  calendarDateInput,
  changingSomething,
  nameFilter,
  nameInput,
} from '../shared/common.schemas.js';

/** A registry code (PRV-3 categories, types, specialties): stable, readable, URL-safe. */
export const codeInput = z
  .string()
  .trim()
  .max(50)
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    'must be lower-case letters and digits in words joined by single hyphens, e.g. foster-home',
  );

const booleanFlag = z.enum(['true', 'false']).transform((value) => value === 'true');

// ---- registries (administrators) ----

export const createCategoryBody = z
  .object({ code: codeInput, name: nameInput, active: z.boolean().optional() })
  .strict();
export type CreateCategoryBody = z.infer<typeof createCategoryBody>;

export const updateCategoryBody = changingSomething(
  z.object({ name: nameInput.optional(), active: z.boolean().optional() }).strict(),
);
export type UpdateCategoryBody = z.infer<typeof updateCategoryBody>;

export const listCategoriesQuery = pageQuery.extend({
  name: nameFilter,
  active: booleanFlag.optional(),
});
export type ListCategoriesQuery = z.infer<typeof listCategoriesQuery>;

export const createTypeBody = z.object({ code: codeInput, name: nameInput }).strict();
export type CreateTypeBody = z.infer<typeof createTypeBody>;

export const renameBody = z.object({ name: nameInput }).strict();
export type RenameBody = z.infer<typeof renameBody>;

export const listByNameQuery = pageQuery.extend({ name: nameFilter });
export type ListByNameQuery = z.infer<typeof listByNameQuery>;

export const createSpecialtyBody = z.object({ code: codeInput, name: nameInput }).strict();
export type CreateSpecialtyBody = z.infer<typeof createSpecialtyBody>;

export const categoryExample = { code: 'foster-home', name: 'Foster home', active: true };
export const typeExample = { code: 'therapeutic', name: 'Therapeutic foster home' };
export const specialtyExample = { code: 'developmental-delay', name: 'Developmental delay' };

// ---- a provider's classification, specialties, service centres (resource managers) ----

/** PRV-3: the provider's category and its type (a sub-classification of it); null clears. */
export const classifyBody = z
  .object({
    categoryCode: codeInput.nullable(),
    typeCode: codeInput.nullable().optional(),
  })
  .strict();
export type ClassifyBody = z.infer<typeof classifyBody>;

export const addSpecialtyBody = z.object({ specialtyCode: codeInput }).strict();
export type AddSpecialtyBody = z.infer<typeof addSpecialtyBody>;

const optionalText = (max: number) => z.string().trim().min(1).max(max).nullable().optional();
const phoneInput = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()-]{2,28}$/, 'must be a phone number, e.g. +1 555 0100')
  .nullable()
  .optional();

const centreDetails = {
  name: nameInput,
  addressLine1: optionalText(200),
  addressLine2: optionalText(200),
  city: optionalText(100),
  region: optionalText(100),
  postalCode: optionalText(20),
  phone: phoneInput,
};

/** PRV-3: a location of non-placement services, active from `from` until it is closed. */
export const addServiceCentreBody = z
  .object({ ...centreDetails, from: calendarDateInput })
  .strict();
export type AddServiceCentreBody = z.infer<typeof addServiceCentreBody>;

export const updateServiceCentreBody = changingSomething(
  z
    .object({ ...centreDetails, name: nameInput.optional(), from: calendarDateInput.optional() })
    .strict(),
);
export type UpdateServiceCentreBody = z.infer<typeof updateServiceCentreBody>;

/** PRV-3: the centre's last day of service (inclusive). */
export const closeServiceCentreBody = z
  .object({ to: calendarDateInput, reason: z.string().trim().max(2_000).nullable().optional() })
  .strict();
export type CloseServiceCentreBody = z.infer<typeof closeServiceCentreBody>;

export const listServiceCentresQuery = pageQuery.extend({
  name: nameFilter,
  /** Only centres whose active period covers this date. */
  activeOn: calendarDateInput.optional(),
});
export type ListServiceCentresQuery = z.infer<typeof listServiceCentresQuery>;

export const serviceCentreExample = {
  name: 'Sunrise Riverside Centre',
  addressLine1: '4 River Street',
  city: 'Springfield',
  postalCode: '12346',
  phone: '+1 555 0100',
  from: '2026-01-01',
};
