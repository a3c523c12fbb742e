import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import {
  incidentClosed,
  incidentRecorded,
  incidentReopened,
  type Actor,
} from '@platform/contracts';
import { isProviderSelfService, ValidationProblem, type Page } from '@platform/http';
import type { CalendarDate } from '@platform/kernel';
import { recordEvent } from '@platform/messaging';
import { Member } from '../provider-members/provider-members.entities.js';
import { Provider } from '../providers/provider.entity.js';
import { markUpdated, newAudit } from '../shared/audit.js';
import { eventOrigin } from '../shared/event-origin.js';
import { listedProviderId } from '../shared/provider-scope.js';
import { recordsById } from '../shared/lookup.js';
import { emptyPage, findPageBySql } from '@platform/persistence';
import { ruleViolation, throwIfRuleViolated, type RuleIssue } from '../shared/rule-issues.js';
import {
  Incident,
  IncidentParticipant,
  type IncidentParticipantRecord,
  type IncidentRecord,
} from './incident.entities.js';
import {
  assertGroupAffiliation,
  assertIncidentAllows,
  assertMayReadIncident,
  findIncident,
  incidentSubject,
  linkedInvestigations,
  participantsOf,
  partsOf,
  providerIdsOf,
} from './incident.lookup.js';
import {
  duplicateParticipant,
  participantSetIssues,
  type ParticipantFacts,
} from './incident-rules.js';
import {
  OCCURRED_AFTER_REPORTED,
  occurredAfterReported,
  type CloseIncidentBody,
  type ListIncidentsQuery,
  type ParticipantInput,
  type RecordIncidentBody,
  type ReopenIncidentBody,
  type UpdateIncidentBody,
} from './incident.schemas.js';
import {
  incidentSummaryView,
  incidentView,
  type IncidentSummaryView,
  type IncidentView,
} from './incident.views.js';

/** A participant as entered, before its provider or member is looked up (name unknown yet). */
export function enteredFacts(input: ParticipantInput, id = ''): ParticipantFacts {
  return {
    id,
    kind: input.kind,
    role: input.role,
    providerId: input.kind === 'provider' ? input.providerId : null,
    memberId: input.kind === 'member' ? input.memberId : null,
    clientReferenceId: input.kind === 'client' ? input.clientReferenceId : null,
    name: input.kind === 'client' || input.kind === 'other' ? input.name : '',
  };
}

/** The field naming who a participant is, for problems about that participant. */
export function identityField(input: ParticipantInput): string {
  switch (input.kind) {
    case 'provider':
      return 'providerId';
    case 'member':
      return 'memberId';
    case 'client':
      return 'clientReferenceId';
    case 'other':
      return 'name';
  }
}

/**
 * The participant with the name of the provider or member it refers to; 400 naming the field when
 * there is no such provider or member.
 */
export async function resolveParticipant(
  em: EntityManager,
  input: ParticipantInput,
  field: string,
): Promise<ParticipantFacts> {
  const facts = enteredFacts(input);
  if (input.kind === 'provider') {
    const provider = await em.findOne(Provider, { id: input.providerId }, { fields: ['name'] });
    if (!provider) {
      throw new ValidationProblem([{ field: `${field}providerId`, message: 'no such provider' }]);
    }
    return { ...facts, name: provider.name };
  }
  if (input.kind === 'member') {
    const member = await em.findOne(Member, { id: input.memberId }, { fields: ['name'] });
    if (!member) {
      throw new ValidationProblem([{ field: `${field}memberId`, message: 'no such member' }]);
    }
    return { ...facts, name: member.name };
  }
  return facts;
}

export function createParticipant(
  em: EntityManager,
  incidentId: string,
  position: number,
  facts: ParticipantFacts,
  actor: Actor,
): IncidentParticipantRecord {
  return em.create(IncidentParticipant, {
    id: randomUUID(),
    incidentId,
    position,
    kind: facts.kind,
    role: facts.role,
    providerId: facts.providerId,
    memberId: facts.memberId,
    clientReferenceId: facts.clientReferenceId,
    name: facts.name,
    ...newAudit(actor),
  });
}

/** INC-1…INC-3: recording, changing, closing and reopening incidents. */
@Injectable()
export class IncidentsService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /**
   * INC-1: records an incident against a provider with its participants — the provider among
   * them, and at least one member or client. INC-3: when a group reported it, every provider
   * participant was affiliated with the group on the day it occurred.
   */
  async record(
    body: RecordIncidentBody,
    actor: Actor,
    correlationId?: string,
  ): Promise<IncidentView> {
    return this.orm.em.fork().transactional(async (em) => {
      const entered = body.participants.map((input) => enteredFacts(input));
      const duplicates: RuleIssue[] = [];
      entered.forEach((facts, index) => {
        const earlier = entered.slice(0, index).map((other, i) => ({ ...other, id: String(i) }));
        const input = body.participants[index] as ParticipantInput;
        if (duplicateParticipant(earlier, facts)) {
          duplicates.push({
            rule: 'INC-1',
            field: `participants.${index}.${identityField(input)}`,
            message: `the same participant is already listed as ${facts.role}`,
          });
        }
      });
      throwIfRuleViolated(duplicates);
      throwIfRuleViolated(participantSetIssues(body.providerId, entered));

      const participants: ParticipantFacts[] = [];
      for (const [index, input] of body.participants.entries()) {
        participants.push(await resolveParticipant(em, input, `participants.${index}.`));
      }
      if (body.reportedByGroupId) {
        await assertGroupAffiliation(
          em,
          body.reportedByGroupId,
          body.occurredOn,
          providerIdsOf(participants),
        );
      }

      const incident = em.create(Incident, {
        id: randomUUID(),
        providerId: body.providerId,
        reportedByGroupId: body.reportedByGroupId,
        reportedAt: new Date(body.reportedAt),
        occurredOn: body.occurredOn,
        location: body.location,
        description: body.description,
        type: body.type,
        category: body.category,
        severity: body.severity,
        status: 'open',
        closeReason: null,
        closeNotes: null,
        closedAt: null,
        closedBy: null,
        reopenReason: null,
        ...newAudit(actor),
      });
      const records = participants.map((facts, position) =>
        createParticipant(em, incident.id, position, facts, actor),
      );
      recordEvent(em, incidentRecorded, {
        aggregateId: incident.id,
        ...eventOrigin(actor, correlationId),
        data: {
          ...incidentSubject(incident, participants),
          reportedByGroupId: incident.reportedByGroupId ?? null,
          type: incident.type,
          category: incident.category,
          severity: incident.severity,
          occurredOn: body.occurredOn,
          reportedAt: incident.reportedAt.toISOString(),
          memberCount: participants.filter((p) => p.kind === 'member').length,
          clientCount: participants.filter((p) => p.kind === 'client').length,
        },
      });
      return incidentView(
        incident,
        { participants: records, injuries: [], restraints: [], staffActions: [] },
        [],
      );
    });
  }

  /** SS-3: one incident; a provider's own user gets 404 unless its provider participates. */
  async get(id: string, actor: Actor): Promise<IncidentView> {
    const em = this.orm.em.fork();
    const incident = await findIncident(em, id);
    return this.view(em, incident, actor);
  }

  /**
   * INC-1…INC-3: incidents by participating provider, group (reported by it, or involving a
   * provider affiliated with it on the day), type, category, severity, status, close reason and
   * the period they occurred in; latest first. A provider's own user sees only incidents its
   * provider participates in (SS-3).
   */
  async list(query: ListIncidentsQuery, actor: Actor): Promise<Page<IncidentSummaryView>> {
    const providerId = listedProviderId(actor, query.providerId);
    if (providerId === '') return emptyPage(query);
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (providerId) {
      params.push(providerId);
      conditions.push(`exists (select 1 from incident_participant ip
        where ip.incident_id = i.id and ip.kind = 'provider' and ip.provider_id = ?)`);
    }
    if (query.groupId) {
      // INC-3: reported by the group, or involving a provider affiliated with it that day
      params.push(query.groupId, query.groupId);
      conditions.push(`(i.reported_by_group_id = ? or exists (
        select 1 from incident_participant ip
          join provider_affiliation pa on pa.provider_id = ip.provider_id
        where ip.incident_id = i.id and ip.kind = 'provider' and pa.group_id = ?
          and pa.start_date <= i.occurred_on
          and (pa.end_date is null or pa.end_date >= i.occurred_on)))`);
    }
    for (const [column, value] of [
      ['type', query.type],
      ['category', query.category],
      ['severity', query.severity],
      ['status', query.status],
      ['close_reason', query.closeReason],
    ] as const) {
      if (value) {
        params.push(value);
        conditions.push(`i.${column} = ?`);
      }
    }
    if (query.occurredFrom) {
      params.push(query.occurredFrom);
      conditions.push('i.occurred_on >= ?::date');
    }
    if (query.occurredTo) {
      params.push(query.occurredTo);
      conditions.push('i.occurred_on <= ?::date');
    }
    const filter = {
      from: 'incident i',
      conditions,
      params,
      id: 'i.id',
      orderBy: 'i.occurred_on desc, i.reported_at desc, i.id',
    };
    return findPageBySql(this.orm.em.fork(), filter, query, async (ids, em) => {
      const incidents = await recordsById(em, Incident, ids);
      const providers =
        ids.length > 0
          ? await em.find(
              IncidentParticipant,
              { incidentId: { $in: ids }, kind: 'provider' },
              { orderBy: { position: 'asc' } },
            )
          : [];
      return ids.map((id) =>
        incidentSummaryView(
          incidents.get(id) as IncidentRecord,
          providerIdsOf(providers.filter((participant) => participant.incidentId === id)),
        ),
      );
    });
  }

  /**
   * INC-2: changes the facts of an open incident (409 once closed). INC-3: a group-reported
   * incident is checked again when its group or occurrence day changes.
   */
  async update(id: string, body: UpdateIncidentBody, actor: Actor): Promise<IncidentView> {
    return this.orm.em.fork().transactional(async (em) => {
      const incident = await findIncident(em, id, { forUpdate: true });
      assertIncidentAllows(incident, 'edit');
      const occurredOn = (body.occurredOn ?? incident.occurredOn) as CalendarDate;
      const reportedAt = body.reportedAt ?? incident.reportedAt.toISOString();
      if (
        (body.occurredOn !== undefined || body.reportedAt !== undefined) &&
        occurredAfterReported(occurredOn, reportedAt)
      ) {
        throw new ValidationProblem([{ field: 'occurredOn', message: OCCURRED_AFTER_REPORTED }]);
      }
      const groupId =
        body.reportedByGroupId === undefined ? incident.reportedByGroupId : body.reportedByGroupId;
      if (groupId && (body.reportedByGroupId !== undefined || body.occurredOn !== undefined)) {
        const participants = await participantsOf(em, id);
        await assertGroupAffiliation(em, groupId, occurredOn, providerIdsOf(participants));
      }
      const { reportedAt: reportedAtText, ...fields } = body;
      em.assign(incident, {
        ...fields,
        ...(reportedAtText !== undefined ? { reportedAt: new Date(reportedAtText) } : {}),
      });
      markUpdated(incident, actor);
      return this.view(em, incident, actor);
    });
  }

  /** INC-2: an open incident is closed with a reason (422 without one; 409 if already closed). */
  async close(
    id: string,
    body: CloseIncidentBody,
    actor: Actor,
    correlationId?: string,
  ): Promise<IncidentView> {
    return this.orm.em.fork().transactional(async (em) => {
      const incident = await findIncident(em, id, { forUpdate: true });
      assertIncidentAllows(incident, 'close');
      if (!body.reason) {
        throw ruleViolation([
          {
            rule: 'INC-2',
            field: 'reason',
            message:
              'closing an incident needs a reason: substantiated, unsubstantiated, withdrawn ' +
              'or requires-investigation',
          },
        ]);
      }
      const now = new Date();
      Object.assign(incident, {
        status: 'closed',
        closeReason: body.reason,
        closeNotes: body.notes,
        closedAt: now,
        closedBy: actor.userId,
      });
      markUpdated(incident, actor, now);
      recordEvent(em, incidentClosed, {
        aggregateId: id,
        ...eventOrigin(actor, correlationId),
        data: {
          ...incidentSubject(incident, await participantsOf(em, id)),
          reason: body.reason,
          closedAt: now.toISOString(),
        },
      });
      return this.view(em, incident, actor);
    });
  }

  /** INC-2: a supervisor reopens a closed incident, giving why; the close reason is cleared. */
  async reopen(
    id: string,
    body: ReopenIncidentBody,
    actor: Actor,
    correlationId?: string,
  ): Promise<IncidentView> {
    return this.orm.em.fork().transactional(async (em) => {
      const incident = await findIncident(em, id, { forUpdate: true });
      assertIncidentAllows(incident, 'reopen');
      const previousReason = incident.closeReason as NonNullable<IncidentRecord['closeReason']>;
      Object.assign(incident, {
        status: 'open',
        closeReason: null,
        closeNotes: null,
        closedAt: null,
        closedBy: null,
        reopenReason: body.reason,
      });
      markUpdated(incident, actor);
      recordEvent(em, incidentReopened, {
        aggregateId: id,
        ...eventOrigin(actor, correlationId),
        data: {
          ...incidentSubject(incident, await participantsOf(em, id)),
          previousReason,
          reason: body.reason,
        },
      });
      return this.view(em, incident, actor);
    });
  }

  private async view(
    em: EntityManager,
    incident: IncidentRecord,
    actor: Actor,
  ): Promise<IncidentView> {
    const parts = await partsOf(em, incident.id);
    assertMayReadIncident(actor, incident.id, parts.participants);
    const investigations = isProviderSelfService(actor)
      ? null
      : ((await linkedInvestigations(em, [incident.id])).get(incident.id) ?? []);
    return incidentView(incident, parts, investigations);
  }
}
