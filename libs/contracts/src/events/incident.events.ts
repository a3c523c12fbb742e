import { z } from 'zod';
import { defineEvent } from '../event-definition.js';

/**
 * INC-1/INC-2: an incident is its own aggregate (`providers.incident`, keyed by incident id): it
 * may involve several providers, so it cannot belong to one provider's stream. Every event names
 * the provider it is recorded against (`providerId`) and every provider participant
 * (`providerIds`), so the performance context (PRF-2: incidents, incidents requiring
 * investigation per provider) can count without asking back.
 */
const incident = { owner: 'providers', aggregateType: 'incident' } as const;

/**
 * INC-4: an investigation of a provider is its own aggregate (`providers.investigation`, keyed by
 * investigation id); links to incidents are facts of the investigation.
 */
const investigation = { owner: 'providers', aggregateType: 'investigation' } as const;

export const INCIDENT_TYPES = [
  'accident',
  'assault',
  'abuse',
  'neglect',
  'missing-client',
  'property-damage',
  'medication-error',
  'self-harm',
  'other',
] as const;
export const INCIDENT_CATEGORIES = [
  'client-to-client',
  'staff-to-client',
  'client-to-staff',
  'staff-to-staff',
  'other',
] as const;
export const INCIDENT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const INCIDENT_STATUSES = ['open', 'closed'] as const;
/** INC-2: why an incident was closed, based on what was found. */
export const INCIDENT_CLOSE_REASONS = [
  'substantiated',
  'unsubstantiated',
  'withdrawn',
  'requires-investigation',
] as const;
export const INVESTIGATION_TYPES = [
  'child-welfare',
  'authorization-violation',
  'licensing',
  'benefit-fraud',
  'other',
] as const;
export const INVESTIGATION_STATUSES = ['open', 'closed'] as const;
/** INC-4: what an investigation concluded about the allegation. */
export const INVESTIGATION_OUTCOMES = [
  'substantiated',
  'unsubstantiated',
  'inconclusive',
  'withdrawn',
] as const;

const EXAMPLE_INCIDENT_ID = '0199a3c2-9a10-7cc0-8d5e-000000000401';
const EXAMPLE_INVESTIGATION_ID = '0199a3c2-9a10-7cc0-8d5e-000000000501';
const EXAMPLE_PROVIDER_ID = '0199a3c2-9a10-7cc0-8d5e-000000000001';
const EXAMPLE_GROUP_ID = '0199a3c2-9a10-7cc0-8d5e-000000000601';

const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const providers = {
  /** The provider the incident is recorded against (INC-1: always one of `providerIds`). */
  providerId: z.uuid(),
  /** Every provider participant of the incident when the event happened. */
  providerIds: z.array(z.uuid()).min(1),
};

/** INC-1: an incident was recorded against a provider, with its participants. */
export const incidentRecorded = defineEvent({
  ...incident,
  type: 'incident.recorded',
  version: 1,
  description:
    'An incident was recorded against a provider (INC-1): type, category, severity, the day it ' +
    'occurred and when it was reported. `providerIds` are all provider participants; ' +
    '`reportedByGroupId` is set for an incident reported by a provider group (INC-3). ' +
    '`memberCount` and `clientCount` are the member and client participants (at least one).',
  schema: z.object({
    incidentId: z.uuid(),
    ...providers,
    reportedByGroupId: z.uuid().nullable(),
    type: z.enum(INCIDENT_TYPES),
    category: z.enum(INCIDENT_CATEGORIES),
    severity: z.enum(INCIDENT_SEVERITIES),
    occurredOn: calendarDate,
    reportedAt: z.iso.datetime({ offset: true }),
    memberCount: z.number().int().min(0),
    clientCount: z.number().int().min(0),
  }),
  example: {
    incidentId: EXAMPLE_INCIDENT_ID,
    providerId: EXAMPLE_PROVIDER_ID,
    providerIds: [EXAMPLE_PROVIDER_ID],
    reportedByGroupId: EXAMPLE_GROUP_ID,
    type: 'assault',
    category: 'client-to-client',
    severity: 'high',
    occurredOn: '2026-03-02',
    reportedAt: '2026-03-02T18:30:00.000Z',
    memberCount: 1,
    clientCount: 2,
  },
});

/** INC-2: an incident was closed with a reason. */
export const incidentClosed = defineEvent({
  ...incident,
  type: 'incident.closed',
  version: 1,
  description:
    'An open incident was closed with a reason (INC-2). A reason of `requires-investigation` ' +
    'counts towards the "incidents requiring investigation" measure (PRF-2).',
  schema: z.object({
    incidentId: z.uuid(),
    ...providers,
    reason: z.enum(INCIDENT_CLOSE_REASONS),
    closedAt: z.iso.datetime({ offset: true }),
  }),
  example: {
    incidentId: EXAMPLE_INCIDENT_ID,
    providerId: EXAMPLE_PROVIDER_ID,
    providerIds: [EXAMPLE_PROVIDER_ID],
    reason: 'requires-investigation',
    closedAt: '2026-03-20T10:00:00.000Z',
  },
});

/** INC-2: a closed incident was reopened by a supervisor. */
export const incidentReopened = defineEvent({
  ...incident,
  type: 'incident.reopened',
  version: 1,
  description:
    'A closed incident was reopened by a resource manager supervisor (INC-2); `previousReason` ' +
    'is the close reason it no longer has.',
  schema: z.object({
    incidentId: z.uuid(),
    ...providers,
    previousReason: z.enum(INCIDENT_CLOSE_REASONS),
    reason: z.string().min(1),
  }),
  example: {
    incidentId: EXAMPLE_INCIDENT_ID,
    providerId: EXAMPLE_PROVIDER_ID,
    providerIds: [EXAMPLE_PROVIDER_ID],
    previousReason: 'unsubstantiated',
    reason: 'A new witness came forward',
  },
});

/** INC-4: an investigation of a provider was opened, possibly linked to incidents already. */
export const investigationOpened = defineEvent({
  ...investigation,
  type: 'investigation.opened',
  version: 1,
  description:
    'An investigation of a provider was opened (INC-4); `incidentIds` are the incidents linked ' +
    'to it from the start (later links are `investigation.incident-linked`).',
  schema: z.object({
    investigationId: z.uuid(),
    providerId: z.uuid(),
    type: z.enum(INVESTIGATION_TYPES),
    openedOn: calendarDate,
    assignedInvestigatorId: z.string().min(1).nullable(),
    incidentIds: z.array(z.uuid()),
  }),
  example: {
    investigationId: EXAMPLE_INVESTIGATION_ID,
    providerId: EXAMPLE_PROVIDER_ID,
    type: 'child-welfare',
    openedOn: '2026-03-21',
    assignedInvestigatorId: 'sup.sato',
    incidentIds: [EXAMPLE_INCIDENT_ID],
  },
});

/** INC-4: an investigation was closed with its findings and outcome. */
export const investigationClosed = defineEvent({
  ...investigation,
  type: 'investigation.closed',
  version: 1,
  description: 'An open investigation was closed with its findings and outcome (INC-4).',
  schema: z.object({
    investigationId: z.uuid(),
    providerId: z.uuid(),
    outcome: z.enum(INVESTIGATION_OUTCOMES),
    closedOn: calendarDate,
    incidentIds: z.array(z.uuid()),
  }),
  example: {
    investigationId: EXAMPLE_INVESTIGATION_ID,
    providerId: EXAMPLE_PROVIDER_ID,
    outcome: 'substantiated',
    closedOn: '2026-04-15',
    incidentIds: [EXAMPLE_INCIDENT_ID],
  },
});

const link = {
  investigationId: z.uuid(),
  /** The provider under investigation. */
  providerId: z.uuid(),
  incidentId: z.uuid(),
};
const linkExample = {
  investigationId: EXAMPLE_INVESTIGATION_ID,
  providerId: EXAMPLE_PROVIDER_ID,
  incidentId: EXAMPLE_INCIDENT_ID,
};

/** INC-4: an incident was linked to an investigation. */
export const investigationIncidentLinked = defineEvent({
  ...investigation,
  type: 'investigation.incident-linked',
  version: 1,
  description: 'An incident involving the provider was linked to its investigation (INC-4).',
  schema: z.object(link),
  example: linkExample,
});

/** INC-4: a link between an incident and an investigation was removed. */
export const investigationIncidentUnlinked = defineEvent({
  ...investigation,
  type: 'investigation.incident-unlinked',
  version: 1,
  description: 'An incident was unlinked from an investigation (INC-4).',
  schema: z.object(link),
  example: linkExample,
});
