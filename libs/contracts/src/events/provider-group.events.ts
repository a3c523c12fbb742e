import { z } from 'zod';
import { defineEvent } from '../event-definition.js';

const group = { owner: 'providers', aggregateType: 'provider-group' } as const;
const GROUP_ID = '0199a3c2-9a10-7cc0-8d5e-00000000a001';
const PROVIDER_ID = '0199a3c2-9a10-7cc0-8d5e-000000000001';
const AFFILIATION_ID = '0199a3c2-9a10-7cc0-8d5e-00000000b001';
const calendarDate = z.iso.date();

/** PRV-4: a provider group was enrolled (directly, never from an inquiry). */
export const providerGroupEnrolled = defineEvent({
  ...group,
  type: 'provider-group.enrolled',
  version: 1,
  description: 'A provider group was enrolled (PRV-4).',
  schema: z.object({ groupId: z.uuid(), name: z.string().min(1) }),
  example: { groupId: GROUP_ID, name: 'Northside Foster Care Network' },
});

const groupStatusChange = z.object({ groupId: z.uuid(), reason: z.string().nullable() });

export const providerGroupClosed = defineEvent({
  ...group,
  type: 'provider-group.closed',
  version: 1,
  description: 'A provider group was closed; it takes no new affiliations (PRV-4).',
  schema: groupStatusChange,
  example: { groupId: GROUP_ID, reason: 'Network dissolved' },
});

export const providerGroupReopened = defineEvent({
  ...group,
  type: 'provider-group.reopened',
  version: 1,
  description: 'A closed provider group was reopened (PRV-4).',
  schema: groupStatusChange,
  example: { groupId: GROUP_ID, reason: null },
});

/**
 * PRV-5: where an affiliated provider's payments go from a date. Keyed by the provider (aggregate
 * `provider`), so a consumer building "payee on date D" sees one provider's history in order.
 */
export const providerPaymentDirectionChanged = defineEvent({
  owner: 'providers',
  aggregateType: 'provider',
  type: 'provider.payment-direction-changed',
  version: 1,
  description:
    "An affiliation's payment direction took effect: from effectiveFrom the provider's payments " +
    'go to the group (paymentsToGroup) or to the provider itself (PRV-5). Sent when an affiliation ' +
    'is created and whenever the direction changes.',
  schema: z.object({
    providerId: z.uuid(),
    groupId: z.uuid(),
    affiliationId: z.uuid(),
    affiliationStart: calendarDate,
    affiliationEnd: calendarDate.nullable(),
    effectiveFrom: calendarDate,
    paymentsToGroup: z.boolean(),
  }),
  example: {
    providerId: PROVIDER_ID,
    groupId: GROUP_ID,
    affiliationId: AFFILIATION_ID,
    affiliationStart: '2026-01-01',
    affiliationEnd: null,
    effectiveFrom: '2026-03-01',
    paymentsToGroup: true,
  },
});
