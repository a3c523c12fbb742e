import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '@platform/contracts';
import { isProviderSelfService, NotFoundProblem, RuleViolation } from '@platform/http';
import type { CalendarDate } from '@platform/kernel';
import { Investigation, InvestigationIncident } from '../investigations/investigation.entities.js';
import { ProviderAffiliation, ProviderGroup } from '../provider-groups/provider-group.entities.js';
import {
  Incident,
  IncidentInjury,
  IncidentParticipant,
  IncidentRestraint,
  IncidentStaffAction,
  type IncidentRecord,
} from './incident.entities.js';
import {
  incidentTransition,
  providersNotAffiliated,
  type IncidentCommand,
} from './incident-rules.js';
import type { IncidentParts, LinkedInvestigationView } from './incident.views.js';
import { ruleViolation, throwIfRuleViolated } from '../shared/rule-issues.js';

/** The incident, or 404; `forUpdate` serialises changes to it and its parts. */
export async function findIncident(
  em: EntityManager,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<IncidentRecord> {
  const incident = await em.findOne(
    Incident,
    { id },
    options.forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
  );
  if (!incident) throw new NotFoundProblem('Incident', id);
  return incident;
}

export function participantsOf(em: EntityManager, incidentId: string) {
  return em.find(IncidentParticipant, { incidentId }, { orderBy: { position: 'asc' } });
}

export async function partsOf(em: EntityManager, incidentId: string): Promise<IncidentParts> {
  const order = { orderBy: { createdAt: 'asc', id: 'asc' } } as const;
  const [participants, injuries, restraints, staffActions] = await Promise.all([
    participantsOf(em, incidentId),
    em.find(IncidentInjury, { incidentId }, order),
    em.find(IncidentRestraint, { incidentId }, order),
    em.find(IncidentStaffAction, { incidentId }, order),
  ]);
  return { participants, injuries, restraints, staffActions };
}

/** What every incident event starts with: the incident and each provider taking part (INC-1). */
export function incidentSubject(
  incident: Pick<IncidentRecord, 'id' | 'providerId'>,
  participants: readonly { kind: string; providerId?: string | null }[],
) {
  return {
    incidentId: incident.id,
    providerId: incident.providerId,
    providerIds: providerIdsOf(participants),
  };
}

/** Every distinct provider participating, in the order they were added. */
export function providerIdsOf(
  participants: readonly { kind: string; providerId?: string | null }[],
) {
  return [
    ...new Set(
      participants
        .filter((participant) => participant.kind === 'provider')
        .map((participant) => participant.providerId as string),
    ),
  ];
}

/**
 * SS-3 / ROLE-2: a provider's own user reads only incidents in which its provider participates;
 * any other answers 404, as for an unknown id.
 */
export function assertMayReadIncident(
  actor: Actor,
  incidentId: string,
  participants: readonly { kind: string; providerId?: string | null }[],
): void {
  if (
    isProviderSelfService(actor) &&
    !providerIdsOf(participants).includes(actor.providerId ?? '')
  ) {
    throw new NotFoundProblem('Incident', incidentId);
  }
}

/** INC-2: refuses a command the incident's status does not allow (409 naming INC-2). */
export function assertIncidentAllows(incident: IncidentRecord, command: IncidentCommand): void {
  const transition = incidentTransition(incident.status, command);
  if (!transition.ok) throw new RuleViolation('INC-2', transition.message);
}

/**
 * INC-3: an incident reported by a provider group involves only providers affiliated with the
 * group on the day it occurred (the group must exist: 422 naming the field otherwise).
 */
export async function assertGroupAffiliation(
  em: EntityManager,
  groupId: string,
  occurredOn: CalendarDate,
  providerIds: readonly string[],
): Promise<void> {
  const group = await em.findOne(ProviderGroup, { id: groupId }, { fields: ['id'] });
  if (!group) {
    throw ruleViolation([
      { rule: 'INC-3', field: 'reportedByGroupId', message: `no provider group ${groupId}` },
    ]);
  }
  const affiliations = await em.find(ProviderAffiliation, {
    groupId,
    providerId: { $in: [...providerIds] },
  });
  const outside = providersNotAffiliated(
    providerIds,
    groupId,
    occurredOn,
    affiliations.map((affiliation) => ({
      groupId: affiliation.groupId,
      providerId: affiliation.providerId,
      start: affiliation.startDate as CalendarDate,
      end: (affiliation.endDate ?? null) as CalendarDate | null,
    })),
  );
  throwIfRuleViolated(
    outside.length > 0
      ? [
          {
            rule: 'INC-3',
            field: 'reportedByGroupId',
            message:
              `an incident reported by group ${groupId} involves only providers affiliated with ` +
              `it on ${occurredOn}; not affiliated then: ${outside.join(', ')}`,
          },
        ]
      : [],
  );
}

/** INC-4: the investigations linked to each incident, earliest opened first. */
export async function linkedInvestigations(
  em: EntityManager,
  incidentIds: readonly string[],
): Promise<Map<string, LinkedInvestigationView[]>> {
  const result = new Map<string, LinkedInvestigationView[]>(incidentIds.map((id) => [id, []]));
  if (incidentIds.length === 0) return result;
  const links = await em.find(InvestigationIncident, { incidentId: { $in: [...incidentIds] } });
  if (links.length === 0) return result;
  const investigations = await em.find(
    Investigation,
    { id: { $in: [...new Set(links.map((link) => link.investigationId))] } },
    { orderBy: { openedOn: 'asc', id: 'asc' } },
  );
  for (const investigation of investigations) {
    for (const link of links.filter(
      (candidate) => candidate.investigationId === investigation.id,
    )) {
      result.get(link.incidentId)?.push({
        id: investigation.id,
        type: investigation.type,
        status: investigation.status,
        outcome: investigation.outcome ?? null,
        openedOn: investigation.openedOn,
      });
    }
  }
  return result;
}
