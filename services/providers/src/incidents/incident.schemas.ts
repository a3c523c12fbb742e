import { z } from 'zod';
import {
  INCIDENT_CATEGORIES,
  INCIDENT_CLOSE_REASONS,
  INCIDENT_SEVERITIES,
  INCIDENT_STATUSES,
  INCIDENT_TYPES,
} from '@platform/contracts';
import { pageQuery } from '@platform/http';
import { calendarDateInput, changingSomething, idParam } from '../shared/common.schemas.js';
import {
  dayOf,
  INJURY_SEVERITIES,
  PARTICIPANT_ROLES,
  RESTRAINT_KINDS,
  STAFF_ACTION_KINDS,
} from './incident-rules.js';

const text = (max: number) => z.string().trim().min(1, 'must not be blank').max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);
const dateTimeInput = z.iso
  .datetime({
    offset: true,
    error: 'must be a date-time with a time zone, e.g. 2026-03-02T18:30:00Z',
  })
  .meta({ example: '2026-03-02T18:30:00Z' });
const role = z.enum(PARTICIPANT_ROLES);

/**
 * INC-1: a participant is a provider, a provider member, a client (clients live in another
 * context: an opaque reference and the name as reported) or another person (a name).
 */
export const participantInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('provider'), role, providerId: idParam }).strict(),
  z.object({ kind: z.literal('member'), role, memberId: idParam }).strict(),
  z
    .object({ kind: z.literal('client'), role, clientReferenceId: text(100), name: text(200) })
    .strict(),
  z.object({ kind: z.literal('other'), role, name: text(200) }).strict(),
]);
export type ParticipantInput = z.infer<typeof participantInput>;

const incidentFields = {
  reportedByGroupId: idParam.nullable(),
  reportedAt: dateTimeInput,
  occurredOn: calendarDateInput,
  location: text(500),
  description: text(10_000),
  type: z.enum(INCIDENT_TYPES),
  category: z.enum(INCIDENT_CATEGORIES),
  severity: z.enum(INCIDENT_SEVERITIES),
};

/** An incident cannot have occurred after the day it was reported (as the reporter wrote it). */
export function occurredAfterReported(occurredOn: string, reportedAt: string): boolean {
  return occurredOn > dayOf(reportedAt);
}

export const OCCURRED_AFTER_REPORTED = 'the incident cannot have occurred after it was reported';

/** INC-1: an incident against a provider, with its participants (the provider among them). */
export const recordIncidentBody = z
  .object({
    providerId: idParam,
    ...incidentFields,
    reportedByGroupId: incidentFields.reportedByGroupId.default(null),
    participants: z.array(participantInput).min(1, 'give the participants').max(100),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (occurredAfterReported(body.occurredOn, body.reportedAt)) {
      ctx.addIssue({ code: 'custom', path: ['occurredOn'], message: OCCURRED_AFTER_REPORTED });
    }
  });
export type RecordIncidentBody = z.infer<typeof recordIncidentBody>;

/** INC-2: only an open incident changes; the provider it is recorded against never does. */
export const updateIncidentBody = changingSomething(z.object(incidentFields).partial().strict());
export type UpdateIncidentBody = z.infer<typeof updateIncidentBody>;

/**
 * INC-2: closing needs a reason. A missing one is judged by the service (422 naming INC-2); a
 * reason that is not one of the four is refused here (400 naming the field).
 */
export const closeIncidentBody = z
  .object({
    reason: z
      .enum(INCIDENT_CLOSE_REASONS, {
        error: `INC-2: the close reason is one of ${INCIDENT_CLOSE_REASONS.join(', ')}`,
      })
      .optional(),
    notes: optionalText(10_000),
  })
  .strict();
export type CloseIncidentBody = z.infer<typeof closeIncidentBody>;

export const reopenIncidentBody = z.object({ reason: text(2_000) }).strict();
export type ReopenIncidentBody = z.infer<typeof reopenIncidentBody>;

/** INC-1: an injury of a victim participant. */
export const addInjuryBody = z
  .object({
    victimParticipantId: idParam,
    severity: z.enum(INJURY_SEVERITIES),
    cause: text(2_000),
    responsibleParticipantId: idParam.nullable().default(null),
    actionsTaken: optionalText(5_000),
  })
  .strict();
export type AddInjuryBody = z.infer<typeof addInjuryBody>;

/** INC-1: a restraint applied by a member participant for a defined time. */
export const addRestraintBody = z
  .object({
    memberParticipantId: idParam,
    restrainedParticipantId: idParam,
    kind: z.enum(RESTRAINT_KINDS),
    startedAt: dateTimeInput,
    durationMinutes: z
      .number('must be a whole number of minutes')
      .int('must be a whole number of minutes')
      .min(1, 'INC-1: a restraint lasts at least one minute')
      .max(24 * 60),
  })
  .strict();
export type AddRestraintBody = z.infer<typeof addRestraintBody>;

/** INC-1: an action taken against a member participant (reprimand, suspension letter …). */
export const addStaffActionBody = z
  .object({
    memberParticipantId: idParam,
    action: z.enum(STAFF_ACTION_KINDS),
    takenOn: calendarDateInput,
    notes: optionalText(5_000),
  })
  .strict();
export type AddStaffActionBody = z.infer<typeof addStaffActionBody>;

export const listIncidentsQuery = pageQuery
  .extend({
    /** Incidents in which this provider participates. */
    providerId: idParam.optional(),
    /** INC-3: incidents reported by the group or involving a provider affiliated with it then. */
    groupId: idParam.optional(),
    type: z.enum(INCIDENT_TYPES).optional(),
    category: z.enum(INCIDENT_CATEGORIES).optional(),
    severity: z.enum(INCIDENT_SEVERITIES).optional(),
    status: z.enum(INCIDENT_STATUSES).optional(),
    closeReason: z.enum(INCIDENT_CLOSE_REASONS).optional(),
    /** First day of the period the incident occurred in (inclusive). */
    occurredFrom: calendarDateInput.optional(),
    /** Last day of the period the incident occurred in (inclusive). */
    occurredTo: calendarDateInput.optional(),
  })
  .superRefine((query, ctx) => {
    if (query.occurredFrom && query.occurredTo && query.occurredTo < query.occurredFrom) {
      ctx.addIssue({
        code: 'custom',
        path: ['occurredTo'],
        message: 'the period cannot end before it starts',
      });
    }
  });
export type ListIncidentsQuery = z.infer<typeof listIncidentsQuery>;

const EXAMPLE_PROVIDER_ID = '0199a3c2-9a10-7cc0-8d5e-000000000001';

export const recordIncidentExample: z.input<typeof recordIncidentBody> = {
  providerId: EXAMPLE_PROVIDER_ID,
  reportedAt: '2026-03-02T18:30:00Z',
  occurredOn: '2026-03-02',
  location: 'Dormitory B, Hillside Youth Detention Centre',
  description: 'Two residents fought; staff intervened and held one resident on the floor.',
  type: 'assault',
  category: 'client-to-client',
  severity: 'high',
  participants: [
    { kind: 'provider', role: 'other', providerId: EXAMPLE_PROVIDER_ID },
    { kind: 'client', role: 'perpetrator', clientReferenceId: 'CL-10023', name: 'J. Doe' },
    { kind: 'client', role: 'victim', clientReferenceId: 'CL-10031', name: 'K. Roe' },
    { kind: 'member', role: 'witness', memberId: '0199a3c2-9a10-7cc0-8d5e-000000000101' },
  ],
};

export const addInjuryExample: z.input<typeof addInjuryBody> = {
  victimParticipantId: '0199a3c2-9a10-7cc0-8d5e-000000000701',
  severity: 'moderate',
  cause: 'Punched in the face during the fight',
  responsibleParticipantId: '0199a3c2-9a10-7cc0-8d5e-000000000702',
  actionsTaken: 'First aid on site; seen by the facility nurse',
};

export const addRestraintExample: z.input<typeof addRestraintBody> = {
  memberParticipantId: '0199a3c2-9a10-7cc0-8d5e-000000000703',
  restrainedParticipantId: '0199a3c2-9a10-7cc0-8d5e-000000000702',
  kind: 'physical',
  startedAt: '2026-03-02T18:05:00Z',
  durationMinutes: 2,
};

export const addStaffActionExample: z.input<typeof addStaffActionBody> = {
  memberParticipantId: '0199a3c2-9a10-7cc0-8d5e-000000000703',
  action: 'reprimand',
  takenOn: '2026-03-10',
  notes: 'Letter of reprimand for late intervention',
};
