import type { CalendarDate } from '@platform/kernel';
import { auditView } from '../shared/audit.js';
import { instantOrNull } from '../shared/view-values.js';
import type { ParticipantFacts } from './incident-rules.js';
import type {
  IncidentInjuryRecord,
  IncidentParticipantRecord,
  IncidentRecord,
  IncidentRestraintRecord,
  IncidentStaffActionRecord,
} from './incident.entities.js';

export type ParticipantView = ReturnType<typeof participantView>;

/** Who takes part and in which role: what the INC-1 rules judge and what its view starts with. */
export function factsOf(participant: IncidentParticipantRecord): ParticipantFacts {
  return {
    id: participant.id,
    kind: participant.kind,
    role: participant.role,
    providerId: participant.providerId ?? null,
    memberId: participant.memberId ?? null,
    clientReferenceId: participant.clientReferenceId ?? null,
    name: participant.name,
  };
}

export function participantView(participant: IncidentParticipantRecord) {
  return { ...factsOf(participant), ...auditView(participant) };
}

export type InjuryView = ReturnType<typeof injuryView>;

export function injuryView(injury: IncidentInjuryRecord) {
  return {
    id: injury.id,
    victimParticipantId: injury.victimParticipantId,
    severity: injury.severity,
    cause: injury.cause,
    responsibleParticipantId: injury.responsibleParticipantId ?? null,
    actionsTaken: injury.actionsTaken ?? null,
    ...auditView(injury),
  };
}

export type RestraintView = ReturnType<typeof restraintView>;

export function restraintView(restraint: IncidentRestraintRecord) {
  return {
    id: restraint.id,
    memberParticipantId: restraint.memberParticipantId,
    restrainedParticipantId: restraint.restrainedParticipantId,
    kind: restraint.kind,
    startedAt: restraint.startedAt.toISOString(),
    durationMinutes: restraint.durationMinutes,
    ...auditView(restraint),
  };
}

export type StaffActionView = ReturnType<typeof staffActionView>;

export function staffActionView(action: IncidentStaffActionRecord) {
  return {
    id: action.id,
    memberParticipantId: action.memberParticipantId,
    action: action.action,
    takenOn: action.takenOn as CalendarDate,
    notes: action.notes ?? null,
    ...auditView(action),
  };
}

/** INC-4: an investigation an incident is linked to, as the incident shows it. */
export interface LinkedInvestigationView {
  id: string;
  type: string;
  status: string;
  outcome: string | null;
  openedOn: string;
}

export type IncidentSummaryView = ReturnType<typeof incidentSummaryView>;

/** INC-1/INC-2: the incident's own facts and every provider participating (list items). */
export function incidentSummaryView(incident: IncidentRecord, providerIds: readonly string[]) {
  return {
    id: incident.id,
    providerId: incident.providerId,
    providerIds: [...providerIds],
    reportedByGroupId: incident.reportedByGroupId ?? null,
    reportedAt: incident.reportedAt.toISOString(),
    occurredOn: incident.occurredOn as CalendarDate,
    location: incident.location,
    description: incident.description,
    type: incident.type,
    category: incident.category,
    severity: incident.severity,
    status: incident.status,
    closeReason: incident.closeReason ?? null,
    closeNotes: incident.closeNotes ?? null,
    closedAt: instantOrNull(incident.closedAt),
    closedBy: incident.closedBy ?? null,
    reopenReason: incident.reopenReason ?? null,
    ...auditView(incident),
  };
}

export interface IncidentParts {
  participants: readonly IncidentParticipantRecord[];
  injuries: readonly IncidentInjuryRecord[];
  restraints: readonly IncidentRestraintRecord[];
  staffActions: readonly IncidentStaffActionRecord[];
}

export type IncidentView = IncidentSummaryView & {
  participants: ParticipantView[];
  injuries: InjuryView[];
  restraints: RestraintView[];
  staffActions: StaffActionView[];
  /**
   * INC-4: the investigations linked to the incident (staff only: a provider's own user does not
   * see investigations). With `awaitingInvestigation`: closed as requires-investigation and no
   * investigation linked yet.
   */
  investigations?: LinkedInvestigationView[];
  awaitingInvestigation?: boolean;
};

/** INC-1…INC-4: an incident with everything recorded about it. */
export function incidentView(
  incident: IncidentRecord,
  parts: IncidentParts,
  investigations: readonly LinkedInvestigationView[] | null,
): IncidentView {
  const providerIds = parts.participants
    .filter((participant) => participant.kind === 'provider')
    .map((participant) => participant.providerId as string);
  return {
    ...incidentSummaryView(incident, [...new Set(providerIds)]),
    participants: parts.participants.map(participantView),
    injuries: parts.injuries.map(injuryView),
    restraints: parts.restraints.map(restraintView),
    staffActions: parts.staffActions.map(staffActionView),
    ...(investigations
      ? {
          investigations: [...investigations],
          awaitingInvestigation:
            incident.status === 'closed' &&
            incident.closeReason === 'requires-investigation' &&
            investigations.length === 0,
        }
      : {}),
  };
}
