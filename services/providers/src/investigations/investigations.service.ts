import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import {
  investigationClosed,
  investigationIncidentLinked,
  investigationIncidentUnlinked,
  investigationOpened,
  type Actor,
} from '@platform/contracts';
import { NotFoundProblem, RuleViolation, ValidationProblem, type Page } from '@platform/http';
import type { CalendarDate } from '@platform/kernel';
import { recordEvent } from '@platform/messaging';
import { Incident, IncidentParticipant } from '../incidents/incident.entities.js';
import { providerIdsOf } from '../incidents/incident.lookup.js';
import { throwIfRuleViolated } from '../shared/rule-issues.js';
import { Provider } from '../providers/provider.entity.js';
import { auditView, markUpdated, newAudit } from '../shared/audit.js';
import { eventOrigin } from '../shared/event-origin.js';
import { findPageWithRelated } from '@platform/persistence';
import {
  closingDayIssues,
  investigationAllows,
  linkIssues,
  openingDayIssues,
  type InvestigationCommand,
} from './investigation-rules.js';
import {
  Investigation,
  InvestigationIncident,
  type InvestigationRecord,
} from './investigation.entities.js';
import type {
  CloseInvestigationBody,
  ListInvestigationsQuery,
  OpenInvestigationBody,
  UpdateInvestigationBody,
} from './investigation.schemas.js';

export type InvestigationView = ReturnType<typeof investigationView>;

/** INC-4: an investigation with the incidents linked to it. */
export function investigationView(
  investigation: InvestigationRecord,
  incidentIds: readonly string[],
) {
  return {
    id: investigation.id,
    providerId: investigation.providerId,
    type: investigation.type,
    allegation: investigation.allegation,
    openedOn: investigation.openedOn as CalendarDate,
    assignedInvestigatorId: investigation.assignedInvestigatorId ?? null,
    status: investigation.status,
    outcome: investigation.outcome ?? null,
    findings: investigation.findings ?? null,
    closedOn: (investigation.closedOn ?? null) as CalendarDate | null,
    closedBy: investigation.closedBy ?? null,
    incidentIds: [...incidentIds],
    ...auditView(investigation),
  };
}

/** INC-4: investigations of providers and their links to incidents. */
@Injectable()
export class InvestigationsService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /** INC-4: opens an investigation of a provider, linked to the incidents that led to it. */
  async open(
    body: OpenInvestigationBody,
    today: CalendarDate,
    actor: Actor,
    correlationId?: string,
  ): Promise<InvestigationView> {
    const openedOn = body.openedOn ?? today;
    throwIfRuleViolated(openingDayIssues(openedOn, today));
    return this.orm.em.fork().transactional(async (em) => {
      const provider = await em.findOne(Provider, { id: body.providerId }, { fields: ['id'] });
      if (!provider) {
        throw new ValidationProblem([{ field: 'providerId', message: 'no such provider' }]);
      }
      for (const [index, incidentId] of body.incidentIds.entries()) {
        await this.assertLinkable(em, body.providerId, incidentId, `incidentIds.${index}`);
      }
      const investigation = em.create(Investigation, {
        id: randomUUID(),
        providerId: body.providerId,
        type: body.type,
        allegation: body.allegation,
        openedOn,
        assignedInvestigatorId: body.assignedInvestigatorId,
        status: 'open',
        outcome: null,
        findings: null,
        closedOn: null,
        closedBy: null,
        ...newAudit(actor),
      });
      for (const incidentId of body.incidentIds) {
        em.create(InvestigationIncident, {
          id: randomUUID(),
          investigationId: investigation.id,
          incidentId,
          linkedBy: actor.userId,
        });
      }
      recordEvent(em, investigationOpened, {
        aggregateId: investigation.id,
        ...eventOrigin(actor, correlationId),
        data: {
          investigationId: investigation.id,
          providerId: investigation.providerId,
          type: investigation.type,
          openedOn,
          assignedInvestigatorId: investigation.assignedInvestigatorId ?? null,
          incidentIds: body.incidentIds,
        },
      });
      return investigationView(investigation, body.incidentIds);
    });
  }

  async get(id: string): Promise<InvestigationView> {
    const em = this.orm.em.fork();
    const investigation = await findInvestigation(em, id);
    return investigationView(investigation, await linkedIncidentIds(em, id));
  }

  /** INC-4: investigations by provider, type, status, outcome, investigator, incident, period. */
  async list(query: ListInvestigationsQuery): Promise<Page<InvestigationView>> {
    const em = this.orm.em.fork();
    const linked = query.incidentId
      ? (await em.find(InvestigationIncident, { incidentId: query.incidentId })).map(
          (link) => link.investigationId,
        )
      : undefined;
    const openedOn = {
      ...(query.openedFrom ? { $gte: query.openedFrom } : {}),
      ...(query.openedTo ? { $lte: query.openedTo } : {}),
    };
    const where = {
      ...(query.providerId ? { providerId: query.providerId } : {}),
      ...(query.type ? { type: query.type } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.outcome ? { outcome: query.outcome } : {}),
      ...(query.assignedInvestigatorId
        ? { assignedInvestigatorId: query.assignedInvestigatorId }
        : {}),
      ...(linked ? { id: { $in: linked } } : {}),
      ...(Object.keys(openedOn).length > 0 ? { openedOn } : {}),
    };
    return findPageWithRelated(
      em,
      Investigation,
      where,
      query,
      { openedOn: 'desc', id: 'asc' },
      async (investigations, snapshot) => {
        const links =
          investigations.length > 0
            ? await snapshot.find(
                InvestigationIncident,
                { investigationId: { $in: investigations.map((found) => found.id) } },
                { orderBy: { linkedAt: 'asc', id: 'asc' } },
              )
            : [];
        return investigations.map((investigation) =>
          investigationView(
            investigation,
            links
              .filter((link) => link.investigationId === investigation.id)
              .map((link) => link.incidentId),
          ),
        );
      },
    );
  }

  /** INC-4: changes the type, allegation or investigator of an open investigation. */
  async update(
    id: string,
    body: UpdateInvestigationBody,
    actor: Actor,
  ): Promise<InvestigationView> {
    return this.orm.em.fork().transactional(async (em) => {
      const investigation = await lockOpen(em, id, 'edit');
      em.assign(investigation, body);
      markUpdated(investigation, actor);
      return investigationView(investigation, await linkedIncidentIds(em, id));
    });
  }

  /** INC-4: closes an open investigation with its findings and outcome. */
  async close(
    id: string,
    body: CloseInvestigationBody,
    today: CalendarDate,
    actor: Actor,
    correlationId?: string,
  ): Promise<InvestigationView> {
    return this.orm.em.fork().transactional(async (em) => {
      const investigation = await lockOpen(em, id, 'close');
      const closedOn = body.closedOn ?? today;
      throwIfRuleViolated(
        closingDayIssues(investigation.openedOn as CalendarDate, closedOn, today),
      );
      Object.assign(investigation, {
        status: 'closed',
        outcome: body.outcome,
        findings: body.findings,
        closedOn,
        closedBy: actor.userId,
      });
      markUpdated(investigation, actor);
      const incidentIds = await linkedIncidentIds(em, id);
      recordEvent(em, investigationClosed, {
        aggregateId: id,
        ...eventOrigin(actor, correlationId),
        data: {
          investigationId: id,
          providerId: investigation.providerId,
          outcome: body.outcome,
          closedOn,
          incidentIds,
        },
      });
      return investigationView(investigation, incidentIds);
    });
  }

  /**
   * INC-4: links an incident the provider takes part in to its open investigation (409 naming
   * INC-4 if already linked).
   */
  async link(
    id: string,
    incidentId: string,
    actor: Actor,
    correlationId?: string,
  ): Promise<InvestigationView> {
    return this.orm.em.fork().transactional(async (em) => {
      const investigation = await lockOpen(em, id, 'link');
      await this.assertLinkable(em, investigation.providerId, incidentId, 'incidentId');
      const incidentIds = await linkedIncidentIds(em, id);
      if (incidentIds.includes(incidentId)) {
        throw new RuleViolation('INC-4', `incident ${incidentId} is already linked`);
      }
      em.create(InvestigationIncident, {
        id: randomUUID(),
        investigationId: id,
        incidentId,
        linkedBy: actor.userId,
      });
      recordEvent(em, investigationIncidentLinked, {
        aggregateId: id,
        ...eventOrigin(actor, correlationId),
        data: { investigationId: id, providerId: investigation.providerId, incidentId },
      });
      return investigationView(investigation, [...incidentIds, incidentId]);
    });
  }

  /** INC-4: removes the link between an open investigation and an incident (404 if none). */
  async unlink(
    id: string,
    incidentId: string,
    actor: Actor,
    correlationId?: string,
  ): Promise<void> {
    await this.orm.em.fork().transactional(async (em) => {
      const investigation = await lockOpen(em, id, 'unlink');
      const link = await em.findOne(InvestigationIncident, { investigationId: id, incidentId });
      if (!link) throw new NotFoundProblem('Linked incident', incidentId);
      em.remove(link);
      recordEvent(em, investigationIncidentUnlinked, {
        aggregateId: id,
        ...eventOrigin(actor, correlationId),
        data: { investigationId: id, providerId: investigation.providerId, incidentId },
      });
    });
  }

  /** The incident exists (422 naming the field) and the provider takes part in it (INC-4). */
  private async assertLinkable(
    em: EntityManager,
    providerId: string,
    incidentId: string,
    field: string,
  ): Promise<void> {
    const incident = await em.findOne(Incident, { id: incidentId }, { fields: ['id'] });
    if (!incident) {
      throwIfRuleViolated([{ rule: 'INC-4', field, message: `no incident ${incidentId}` }]);
    }
    const providers = await em.find(IncidentParticipant, { incidentId, kind: 'provider' });
    throwIfRuleViolated(linkIssues(providerId, providerIdsOf(providers), field));
  }
}

async function findInvestigation(
  em: EntityManager,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<InvestigationRecord> {
  const investigation = await em.findOne(
    Investigation,
    { id },
    options.forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
  );
  if (!investigation) throw new NotFoundProblem('Investigation', id);
  return investigation;
}

/** The investigation, locked, if it allows the command (404; 409 naming INC-4 otherwise). */
async function lockOpen(
  em: EntityManager,
  id: string,
  command: InvestigationCommand,
): Promise<InvestigationRecord> {
  const investigation = await findInvestigation(em, id, { forUpdate: true });
  const allowed = investigationAllows(investigation.status, command);
  if (!allowed.ok) throw new RuleViolation('INC-4', allowed.message);
  return investigation;
}

async function linkedIncidentIds(em: EntityManager, investigationId: string): Promise<string[]> {
  const links = await em.find(
    InvestigationIncident,
    { investigationId },
    { orderBy: { linkedAt: 'asc', id: 'asc' } },
  );
  return links.map((link) => link.incidentId);
}
