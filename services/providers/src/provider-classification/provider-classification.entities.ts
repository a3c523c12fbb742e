import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { auditProperties } from '../shared/audit.js';

/**
 * PRV-3: a provider category, configured by administrators, e.g. "Foster home" for providers of
 * foster care. Only active categories can be newly given to a provider.
 */
export const ProviderCategory = defineEntity({
  name: 'ProviderCategory',
  tableName: 'provider_category',
  properties: {
    code: p.text().primary(),
    name: p.text(),
    active: p.boolean().default(true),
    ...auditProperties,
  },
});
export type ProviderCategoryRecord = InferEntity<typeof ProviderCategory>;

/**
 * PRV-3: a provider type, a sub-classification of one category (e.g. "Therapeutic foster home" of
 * "Foster home"); its code is unique within the category.
 */
export const ProviderType = defineEntity({
  name: 'ProviderType',
  tableName: 'provider_type',
  properties: {
    categoryCode: p.text().fieldName('category_code').primary(),
    code: p.text().primary(),
    name: p.text(),
    ...auditProperties,
  },
});
export type ProviderTypeRecord = InferEntity<typeof ProviderType>;

/** PRV-3: an area of particular experience or expertise, e.g. a language or developmental delay. */
export const Specialty = defineEntity({
  name: 'Specialty',
  tableName: 'specialty',
  properties: {
    code: p.text().primary(),
    name: p.text(),
    ...auditProperties,
  },
});
export type SpecialtyRecord = InferEntity<typeof Specialty>;

/** PRV-3: a specialty a provider has. */
export const ProviderSpecialty = defineEntity({
  name: 'ProviderSpecialty',
  tableName: 'provider_specialty',
  properties: {
    providerId: p.uuid().fieldName('provider_id').primary(),
    specialtyCode: p.text().fieldName('specialty_code').primary(),
    addedBy: p.text().fieldName('added_by'),
    addedAt: p
      .datetime()
      .fieldName('added_at')
      .onCreate(() => new Date()),
  },
});
export type ProviderSpecialtyRecord = InferEntity<typeof ProviderSpecialty>;

/**
 * PRV-3: a location from which the provider delivers non-placement services (e.g. one of a
 * physiotherapist's clinics), active from `from` to `to` (inclusive; null while open).
 */
export const ProviderServiceCentre = defineEntity({
  name: 'ProviderServiceCentre',
  tableName: 'provider_service_centre',
  properties: {
    id: p.uuid().primary(),
    providerId: p.uuid().fieldName('provider_id'),
    name: p.text(),
    addressLine1: p.text().fieldName('address_line1').nullable(),
    addressLine2: p.text().fieldName('address_line2').nullable(),
    city: p.text().nullable(),
    region: p.text().nullable(),
    postalCode: p.text().fieldName('postal_code').nullable(),
    phone: p.text().nullable(),
    from: p.date().fieldName('from_date'),
    to: p.date().fieldName('to_date').nullable(),
    closeReason: p.text().fieldName('close_reason').nullable(),
    ...auditProperties,
  },
});
export type ProviderServiceCentreRecord = InferEntity<typeof ProviderServiceCentre>;

export const PROVIDER_CLASSIFICATION_ENTITIES = [
  ProviderCategory,
  ProviderType,
  Specialty,
  ProviderSpecialty,
  ProviderServiceCentre,
];
