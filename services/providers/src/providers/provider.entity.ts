import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** PRV-1: the provider lifecycle starts here (enrolled); later issues add the other states. */
export const Provider = defineEntity({
  name: 'Provider',
  tableName: 'provider',
  properties: {
    id: p.uuid().primary(),
    name: p.text(),
    status: p.enum(['enrolled'] as const).default('enrolled'),
    inquiryId: p.uuid().fieldName('inquiry_id').nullable(),
    enrolledBy: p.text().fieldName('enrolled_by'),
    createdAt: p
      .datetime()
      .fieldName('created_at')
      .onCreate(() => new Date()),
  },
});

export type ProviderRecord = InferEntity<typeof Provider>;
