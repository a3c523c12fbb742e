import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { PROVIDER_STATUSES } from './provider-lifecycle.js';

export const COMMUNICATION_METHODS = ['phone', 'email', 'mail', 'web'] as const;
export const PAYMENT_METHODS = ['eft', 'cheque'] as const;

/** PRV-1, PRV-3: a provider, its enrolment details and where it is in its lifecycle. */
export const Provider = defineEntity({
  name: 'Provider',
  tableName: 'provider',
  properties: {
    id: p.uuid().primary(),
    name: p.text(),
    status: p.enum(PROVIDER_STATUSES).default('enrolled'),
    addressLine1: p.text().fieldName('address_line1').nullable(),
    addressLine2: p.text().fieldName('address_line2').nullable(),
    city: p.text().nullable(),
    region: p.text().nullable(),
    postalCode: p.text().fieldName('postal_code').nullable(),
    preferredLanguage: p.text().fieldName('preferred_language').nullable(),
    preferredCommunication: p
      .enum(COMMUNICATION_METHODS)
      .fieldName('preferred_communication')
      .nullable(),
    paymentMethod: p.enum(PAYMENT_METHODS).fieldName('payment_method').nullable(),
    physicalCapacity: p.integer().fieldName('physical_capacity').nullable(),
    designatedCapacity: p.integer().fieldName('designated_capacity').nullable(),
    /** PRV-3: the provider category (registry code) and its sub-classification, the type. */
    categoryCode: p.text().fieldName('category_code').nullable(),
    typeCode: p.text().fieldName('type_code').nullable(),
    inquiryId: p.uuid().fieldName('inquiry_id').nullable(),
    enrolledBy: p.text().fieldName('enrolled_by'),
    createdAt: p
      .datetime()
      .fieldName('created_at')
      .onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .fieldName('updated_at')
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
    updatedBy: p.text().fieldName('updated_by').nullable(),
  },
});

export type ProviderRecord = InferEntity<typeof Provider>;
