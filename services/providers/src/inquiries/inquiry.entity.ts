import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const INQUIRY_STATUSES = ['received', 'closed', 'converted'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

/** PRV-2: a prospective provider's inquiry, from staff or self-service, until it is decided. */
export const Inquiry = defineEntity({
  name: 'Inquiry',
  tableName: 'inquiry',
  properties: {
    id: p.uuid().primary(),
    name: p.text(),
    email: p.text().nullable(),
    phone: p.text().nullable(),
    source: p.enum(['staff', 'guest'] as const),
    status: p.enum(INQUIRY_STATUSES).default('received'),
    submittedBy: p.text().fieldName('submitted_by'),
    createdAt: p
      .datetime()
      .fieldName('created_at')
      .onCreate(() => new Date()),
    decidedAt: p.datetime().fieldName('decided_at').nullable(),
    decidedBy: p.text().fieldName('decided_by').nullable(),
    closeReason: p.text().fieldName('close_reason').nullable(),
    providerId: p.uuid().fieldName('provider_id').nullable(),
  },
});

export type InquiryRecord = InferEntity<typeof Inquiry>;
