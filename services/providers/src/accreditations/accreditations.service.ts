import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import {
  accreditationEnded,
  accreditationRecorded,
  accreditationUpdated,
  type Actor,
} from '@platform/contracts';
import { NotFoundProblem, RuleViolation, ValidationProblem, type Page } from '@platform/http';
import type { CalendarDate } from '@platform/kernel';
import { recordEvent } from '@platform/messaging';
import { findProvider } from '../providers/provider.lookup.js';
import { markUpdated, newAudit } from '../shared/audit.js';
import { changedFields } from '../shared/changed-fields.js';
import { eventOrigin } from '../shared/event-origin.js';
import { findPage } from '@platform/persistence';
import { containsPattern } from '../shared/name-search.js';
import { throwIfRuleIssues } from '../shared/rule-issues.js';
import { Accreditation, type AccreditationRecord } from './accreditation.entity.js';
import { accreditationPeriodIssues, endRefusal } from './accreditation.rules.js';
import type {
  EndAccreditationBody,
  ListAccreditationsQuery,
  RecordAccreditationBody,
  UpdateAccreditationBody,
} from './accreditation.schemas.js';
import { accreditationView, type AccreditationView } from './accreditation.view.js';

/** CRD-1: accreditations of providers, with their start and expiry dates. */
@Injectable()
export class AccreditationsService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  async record(
    providerId: string,
    body: RecordAccreditationBody,
    actor: Actor,
    today: CalendarDate,
    correlationId?: string,
  ): Promise<AccreditationView> {
    return this.orm.em.fork().transactional(async (em) => {
      await findProvider(em, providerId);
      const accreditation = em.create(Accreditation, {
        id: randomUUID(),
        providerId,
        ...body,
        endDate: null,
        endReason: null,
        ...newAudit(actor),
      });
      recordEvent(em, accreditationRecorded, {
        aggregateId: providerId,
        ...eventOrigin(actor, correlationId),
        data: { ...details(accreditation) },
      });
      return accreditationView(accreditation, today);
    });
  }

  /** CRD-1: corrects an accreditation that has not been ended; the period must stay valid. */
  async update(
    providerId: string,
    accreditationId: string,
    body: UpdateAccreditationBody,
    actor: Actor,
    today: CalendarDate,
    correlationId?: string,
  ): Promise<AccreditationView> {
    return this.orm.em.fork().transactional(async (em) => {
      await findProvider(em, providerId);
      const accreditation = await findAccreditation(em, providerId, accreditationId, true);
      if (accreditation.endDate != null) {
        throw new RuleViolation(
          'CRD-1',
          `CRD-1: the accreditation was ended on ${accreditation.endDate}; an ended accreditation is not changed`,
        );
      }
      const before = details(accreditation);
      const after = { ...before, ...body };
      throwIfRuleIssues(
        accreditationPeriodIssues({
          startDate: after.startDate as CalendarDate,
          expiryDate: after.expiryDate as CalendarDate,
        }).map((issue) => ({
          rule: 'CRD-1',
          ...issue,
          field: body.expiryDate === undefined && body.startDate ? 'startDate' : issue.field,
        })),
      );
      const changed = changedFields(before, after);
      if (changed.length === 0) return accreditationView(accreditation, today);
      em.assign(accreditation, body);
      markUpdated(accreditation, actor);
      recordEvent(em, accreditationUpdated, {
        aggregateId: providerId,
        ...eventOrigin(actor, correlationId),
        data: { ...details(accreditation), changedFields: changed },
      });
      return accreditationView(accreditation, today);
    });
  }

  /** CRD-1: ends an accreditation early (e.g. withdrawn): its last current day and why. */
  async end(
    providerId: string,
    accreditationId: string,
    body: EndAccreditationBody,
    actor: Actor,
    today: CalendarDate,
    correlationId?: string,
  ): Promise<AccreditationView> {
    return this.orm.em.fork().transactional(async (em) => {
      await findProvider(em, providerId);
      const accreditation = await findAccreditation(em, providerId, accreditationId, true);
      const refusal = endRefusal(
        {
          startDate: accreditation.startDate as CalendarDate,
          expiryDate: accreditation.expiryDate as CalendarDate,
          endDate: (accreditation.endDate ?? null) as CalendarDate | null,
        },
        body.endDate,
      );
      if (refusal?.field) {
        throw new ValidationProblem([{ field: refusal.field, message: refusal.message }]);
      }
      if (refusal) throw new RuleViolation('CRD-1', refusal.message);
      accreditation.endDate = body.endDate;
      accreditation.endReason = body.reason;
      markUpdated(accreditation, actor);
      recordEvent(em, accreditationEnded, {
        aggregateId: providerId,
        ...eventOrigin(actor, correlationId),
        data: {
          providerId,
          accreditationId: accreditation.id,
          endDate: body.endDate,
          expiryDate: accreditation.expiryDate,
          reason: body.reason,
        },
      });
      return accreditationView(accreditation, today);
    });
  }

  /** CRD-1: the provider's accreditations, latest expiry first, by status on a date (ROLE-2). */
  async list(
    providerId: string,
    query: ListAccreditationsQuery,
    actor: Actor,
    today: CalendarDate,
  ): Promise<Page<AccreditationView>> {
    const em = this.orm.em.fork();
    await findProvider(em, providerId, { readBy: actor });
    const onDate = query.onDate ?? today;
    const byStatus = {
      'not-yet-current': { startDate: { $gt: onDate } },
      current: {
        startDate: { $lte: onDate },
        $or: [{ endDate: null, expiryDate: { $gte: onDate } }, { endDate: { $gte: onDate } }],
      },
      expired: { endDate: null, expiryDate: { $lt: onDate } },
      ended: { endDate: { $lt: onDate } },
    };
    const where = {
      providerId,
      ...(query.status ? byStatus[query.status] : {}),
      ...(query.accreditingBody
        ? { accreditingBody: { $ilike: containsPattern(query.accreditingBody) } }
        : {}),
    };
    return findPage(em, Accreditation, where, query, { expiryDate: 'desc', id: 'asc' }, (found) =>
      accreditationView(found, onDate),
    );
  }

  async get(
    providerId: string,
    accreditationId: string,
    actor: Actor,
    onDate: CalendarDate,
  ): Promise<AccreditationView> {
    const em = this.orm.em.fork();
    await findProvider(em, providerId, { readBy: actor });
    return accreditationView(await findAccreditation(em, providerId, accreditationId), onDate);
  }
}

async function findAccreditation(
  em: EntityManager,
  providerId: string,
  accreditationId: string,
  forUpdate = false,
): Promise<AccreditationRecord> {
  const accreditation = await em.findOne(
    Accreditation,
    { id: accreditationId, providerId },
    forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
  );
  if (!accreditation) throw new NotFoundProblem('Accreditation', accreditationId);
  return accreditation;
}

function details(accreditation: AccreditationRecord) {
  return {
    providerId: accreditation.providerId,
    accreditationId: accreditation.id,
    accreditingBody: accreditation.accreditingBody,
    accreditationType: accreditation.accreditationType,
    reference: accreditation.reference ?? null,
    startDate: accreditation.startDate,
    expiryDate: accreditation.expiryDate,
  };
}
