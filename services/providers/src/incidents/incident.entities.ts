import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import {
  INCIDENT_CATEGORIES,
  INCIDENT_CLOSE_REASONS,
  INCIDENT_SEVERITIES,
  INCIDENT_STATUSES,
  INCIDENT_TYPES,
} from '@platform/contracts';
import { auditProperties } from '../shared/audit.js';
import {
  INJURY_SEVERITIES,
  PARTICIPANT_KINDS,
  PARTICIPANT_ROLES,
  RESTRAINT_KINDS,
  STAFF_ACTION_KINDS,
} from './incident-rules.js';

/**
 * INC-1: a negative or adverse interaction recorded against a provider (`providerId`, always one
 * of its provider participants). INC-2: open → closed with a reason; reopened by a supervisor.
 * INC-3: `reportedByGroupId` is set when a provider group reported it.
 */
export const Incident = defineEntity({
  name: 'Incident',
  tableName: 'incident',
  properties: {
    id: p.uuid().primary(),
    providerId: p.uuid().fieldName('provider_id'),
    reportedByGroupId: p.uuid().fieldName('reported_by_group_id').nullable(),
    reportedAt: p.datetime().fieldName('reported_at'),
    occurredOn: p.date().fieldName('occurred_on'),
    location: p.text(),
    description: p.text(),
    type: p.enum(INCIDENT_TYPES),
    category: p.enum(INCIDENT_CATEGORIES),
    severity: p.enum(INCIDENT_SEVERITIES),
    status: p.enum(INCIDENT_STATUSES).default('open'),
    closeReason: p.enum(INCIDENT_CLOSE_REASONS).fieldName('close_reason').nullable(),
    closeNotes: p.text().fieldName('close_notes').nullable(),
    closedAt: p.datetime().fieldName('closed_at').nullable(),
    closedBy: p.text().fieldName('closed_by').nullable(),
    reopenReason: p.text().fieldName('reopen_reason').nullable(),
    ...auditProperties,
  },
});
export type IncidentRecord = InferEntity<typeof Incident>;

/**
 * INC-1: someone involved in an incident, in a role: a provider, a provider member (`memberId`),
 * a client (an opaque reference into the context that owns clients, with the name as reported) or
 * another person (a name). `name` is a snapshot for display.
 */
export const IncidentParticipant = defineEntity({
  name: 'IncidentParticipant',
  tableName: 'incident_participant',
  properties: {
    id: p.uuid().primary(),
    incidentId: p.uuid().fieldName('incident_id'),
    /** Order of entry within the incident (0, 1, …), so participants list as they were given. */
    position: p.integer(),
    kind: p.enum(PARTICIPANT_KINDS),
    role: p.enum(PARTICIPANT_ROLES),
    providerId: p.uuid().fieldName('provider_id').nullable(),
    memberId: p.uuid().fieldName('member_id').nullable(),
    clientReferenceId: p.text().fieldName('client_reference_id').nullable(),
    name: p.text(),
    ...auditProperties,
  },
});
export type IncidentParticipantRecord = InferEntity<typeof IncidentParticipant>;

/** INC-1: an injury of a victim participant: severity, cause, who was responsible, actions. */
export const IncidentInjury = defineEntity({
  name: 'IncidentInjury',
  tableName: 'incident_injury',
  properties: {
    id: p.uuid().primary(),
    incidentId: p.uuid().fieldName('incident_id'),
    victimParticipantId: p.uuid().fieldName('victim_participant_id'),
    severity: p.enum(INJURY_SEVERITIES),
    cause: p.text(),
    responsibleParticipantId: p.uuid().fieldName('responsible_participant_id').nullable(),
    actionsTaken: p.text().fieldName('actions_taken').nullable(),
    ...auditProperties,
  },
});
export type IncidentInjuryRecord = InferEntity<typeof IncidentInjury>;

/** INC-1: a restraint a member participant applied to another participant, and for how long. */
export const IncidentRestraint = defineEntity({
  name: 'IncidentRestraint',
  tableName: 'incident_restraint',
  properties: {
    id: p.uuid().primary(),
    incidentId: p.uuid().fieldName('incident_id'),
    memberParticipantId: p.uuid().fieldName('member_participant_id'),
    restrainedParticipantId: p.uuid().fieldName('restrained_participant_id'),
    kind: p.enum(RESTRAINT_KINDS),
    startedAt: p.datetime().fieldName('started_at'),
    durationMinutes: p.integer().fieldName('duration_minutes'),
    ...auditProperties,
  },
});
export type IncidentRestraintRecord = InferEntity<typeof IncidentRestraint>;

/** INC-1: an action taken against a member participant because of the incident. */
export const IncidentStaffAction = defineEntity({
  name: 'IncidentStaffAction',
  tableName: 'incident_staff_action',
  properties: {
    id: p.uuid().primary(),
    incidentId: p.uuid().fieldName('incident_id'),
    memberParticipantId: p.uuid().fieldName('member_participant_id'),
    action: p.enum(STAFF_ACTION_KINDS),
    takenOn: p.date().fieldName('taken_on'),
    notes: p.text().nullable(),
    ...auditProperties,
  },
});
export type IncidentStaffActionRecord = InferEntity<typeof IncidentStaffAction>;

export const INCIDENT_ENTITIES = [
  Incident,
  IncidentParticipant,
  IncidentInjury,
  IncidentRestraint,
  IncidentStaffAction,
];
