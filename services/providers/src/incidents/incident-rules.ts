import type { Role } from '@platform/contracts';
import { rangeContains, type CalendarDate } from '@platform/kernel';
import type { RuleIssue } from '../shared/rule-issues.js';

/** INC-1: who a participant is — a provider, a provider member, a client, or anyone else. */
export const PARTICIPANT_KINDS = ['provider', 'member', 'client', 'other'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];
/** INC-1: the part a participant played (the reporter is a participant too). */
export const PARTICIPANT_ROLES = ['victim', 'perpetrator', 'reporter', 'witness', 'other'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
export const INJURY_SEVERITIES = ['minor', 'moderate', 'severe', 'critical'] as const;
/** INC-1: restraints by members are physical, mechanical or chemical. */
export const RESTRAINT_KINDS = ['physical', 'mechanical', 'chemical'] as const;
/** INC-1: actions taken against staff because of an incident. */
export const STAFF_ACTION_KINDS = [
  'reprimand',
  'suspension-letter',
  'training',
  'dismissal',
  'other',
] as const;

/** What the rules need to know of a participant. */
export interface ParticipantFacts {
  id: string;
  kind: ParticipantKind;
  role: ParticipantRole;
  providerId: string | null;
  memberId: string | null;
  clientReferenceId: string | null;
  name: string;
}

/** The person (or provider) a participant stands for, whatever their role. */
export function participantIdentity(participant: Omit<ParticipantFacts, 'id' | 'role'>): string {
  switch (participant.kind) {
    case 'provider':
      return `provider:${participant.providerId}`;
    case 'member':
      return `member:${participant.memberId}`;
    case 'client':
      return `client:${participant.clientReferenceId}`;
    case 'other':
      return `other:${participant.name.trim().toLowerCase()}`;
  }
}

/** INC-1: the same person in the same role twice is one participant entered twice. */
export function duplicateParticipant(
  existing: readonly ParticipantFacts[],
  candidate: Omit<ParticipantFacts, 'id'>,
): ParticipantFacts | undefined {
  const identity = participantIdentity(candidate);
  return existing.find(
    (participant) =>
      participant.role === candidate.role && participantIdentity(participant) === identity,
  );
}

/**
 * INC-1: the participants an incident must always have — the provider it is recorded against, and
 * at least one member or client (an incident happens between members, a member and a client, or
 * clients; a provider alone is no incident).
 */
export function participantSetIssues(
  providerId: string,
  participants: readonly Omit<ParticipantFacts, 'id'>[],
  field = 'participants',
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (!participants.some((p) => p.kind === 'provider' && p.providerId === providerId)) {
    issues.push({
      rule: 'INC-1',
      field,
      message: `the provider the incident is recorded against (${providerId}) must be one of its participants`,
    });
  }
  if (!participants.some((p) => p.kind === 'member' || p.kind === 'client')) {
    issues.push({
      rule: 'INC-1',
      field,
      message: 'an incident involves provider members, clients or both: add at least one',
    });
  }
  return issues;
}

/** Why an injury, restraint or staff action keeps a participant from being removed. */
export interface ParticipantReferences {
  injuries: readonly { victimParticipantId: string; responsibleParticipantId: string | null }[];
  restraints: readonly { memberParticipantId: string; restrainedParticipantId: string }[];
  staffActions: readonly { memberParticipantId: string }[];
}

export type RemovalResult = { ok: true } | { ok: false; status: 409 | 422; issue: RuleIssue };

/**
 * INC-1: a participant may be removed unless an injury, restraint or staff action names them
 * (409: remove that first), or the rest would no longer include the provider or any member or
 * client (422).
 */
export function participantRemoval(
  providerId: string,
  participants: readonly ParticipantFacts[],
  removedId: string,
  references: ParticipantReferences,
): RemovalResult {
  const referenced =
    references.injuries.some(
      (injury) =>
        injury.victimParticipantId === removedId || injury.responsibleParticipantId === removedId,
    ) ||
    references.restraints.some(
      (restraint) =>
        restraint.memberParticipantId === removedId ||
        restraint.restrainedParticipantId === removedId,
    ) ||
    references.staffActions.some((action) => action.memberParticipantId === removedId);
  if (referenced) {
    return {
      ok: false,
      status: 409,
      issue: {
        rule: 'INC-1',
        field: 'participantId',
        message:
          'an injury, restraint or staff action of the incident names this participant: remove it first',
      },
    };
  }
  const [issue] = participantSetIssues(
    providerId,
    participants.filter((participant) => participant.id !== removedId),
    'participantId',
  );
  return issue ? { ok: false, status: 422, issue } : { ok: true };
}

const isPerson = (participant: ParticipantFacts) => participant.kind !== 'provider';

function participantIn(
  participants: readonly ParticipantFacts[],
  id: string,
  field: string,
): { participant: ParticipantFacts } | { issue: RuleIssue } {
  const participant = participants.find((candidate) => candidate.id === id);
  return participant
    ? { participant }
    : { issue: { rule: 'INC-1', field, message: 'is not a participant of this incident' } };
}

/** INC-1: an injury belongs to a victim participant (a person); the responsible one participates. */
export function injuryIssues(
  participants: readonly ParticipantFacts[],
  injury: { victimParticipantId: string; responsibleParticipantId: string | null },
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const victim = participantIn(participants, injury.victimParticipantId, 'victimParticipantId');
  if ('issue' in victim) issues.push(victim.issue);
  else if (!isPerson(victim.participant) || victim.participant.role !== 'victim') {
    issues.push({
      rule: 'INC-1',
      field: 'victimParticipantId',
      message: 'the injured party must be a person participating as a victim',
    });
  }
  if (injury.responsibleParticipantId !== null) {
    const responsible = participantIn(
      participants,
      injury.responsibleParticipantId,
      'responsibleParticipantId',
    );
    if ('issue' in responsible) issues.push(responsible.issue);
  }
  return issues;
}

/** INC-1: a member participant restrains another person participating in the incident. */
export function restraintIssues(
  participants: readonly ParticipantFacts[],
  restraint: { memberParticipantId: string; restrainedParticipantId: string },
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const member = participantIn(participants, restraint.memberParticipantId, 'memberParticipantId');
  if ('issue' in member) issues.push(member.issue);
  else if (member.participant.kind !== 'member') {
    issues.push({
      rule: 'INC-1',
      field: 'memberParticipantId',
      message: 'restraints are applied by provider members: choose a member participant',
    });
  }
  const restrained = participantIn(
    participants,
    restraint.restrainedParticipantId,
    'restrainedParticipantId',
  );
  if ('issue' in restrained) issues.push(restrained.issue);
  else if (!isPerson(restrained.participant)) {
    issues.push({
      rule: 'INC-1',
      field: 'restrainedParticipantId',
      message: 'only a person can be restrained',
    });
  } else if (
    'participant' in member &&
    participantIdentity(member.participant) === participantIdentity(restrained.participant)
  ) {
    issues.push({
      rule: 'INC-1',
      field: 'restrainedParticipantId',
      message: 'a member does not restrain themselves',
    });
  }
  return issues;
}

/** INC-1: staff actions are taken against member participants. */
export function staffActionIssues(
  participants: readonly ParticipantFacts[],
  action: { memberParticipantId: string },
): RuleIssue[] {
  const member = participantIn(participants, action.memberParticipantId, 'memberParticipantId');
  if ('issue' in member) return [member.issue];
  if (member.participant.kind !== 'member') {
    return [
      {
        rule: 'INC-1',
        field: 'memberParticipantId',
        message: 'staff actions are taken against provider members: choose a member participant',
      },
    ];
  }
  return [];
}

export type IncidentStatus = 'open' | 'closed';
export type IncidentCommand = 'edit' | 'close' | 'reopen';

export type Transition = { ok: true; to: IncidentStatus } | { ok: false; message: string };

/**
 * INC-2: open → closed (with a reason) → open again (reopen). A closed incident is a finding:
 * it is not edited — no field, participant, injury, restraint or staff action changes — until it
 * is reopened.
 */
export function incidentTransition(status: IncidentStatus, command: IncidentCommand): Transition {
  switch (command) {
    case 'edit':
      return status === 'open'
        ? { ok: true, to: 'open' }
        : { ok: false, message: 'a closed incident cannot be changed; reopen it first' };
    case 'close':
      return status === 'open'
        ? { ok: true, to: 'closed' }
        : { ok: false, message: 'the incident is already closed' };
    case 'reopen':
      return status === 'closed'
        ? { ok: true, to: 'open' }
        : { ok: false, message: 'only a closed incident can be reopened' };
  }
}

/**
 * INC-2 (decision): reopening undoes a finding, so only a resource manager supervisor may do it;
 * resource and facility managers close incidents but ask their supervisor to reopen one.
 */
export const INCIDENT_REOPENERS: Role[] = ['resource-manager-supervisor'];

/** INC-3: a provider's affiliation with a group for a period (end inclusive, null: open). */
export interface GroupAffiliation {
  groupId: string;
  providerId: string;
  start: CalendarDate;
  end: CalendarDate | null;
}

/**
 * INC-3: an incident reported by a provider group may involve only providers affiliated with that
 * group on the day it occurred. Returns the provider ids that were not, in the order given.
 */
export function providersNotAffiliated(
  providerIds: readonly string[],
  groupId: string,
  occurredOn: CalendarDate,
  affiliations: readonly GroupAffiliation[],
): string[] {
  return [...new Set(providerIds)].filter(
    (providerId) =>
      !affiliations.some(
        (affiliation) =>
          affiliation.groupId === groupId &&
          affiliation.providerId === providerId &&
          rangeContains({ start: affiliation.start, end: affiliation.end }, occurredOn),
      ),
  );
}

/** The calendar day of a reported date-time, as the reporter wrote it (their local day). */
export function dayOf(dateTime: string): CalendarDate {
  return dateTime.slice(0, 10) as CalendarDate;
}
