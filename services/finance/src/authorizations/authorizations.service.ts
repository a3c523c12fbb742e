import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import {
  serviceAuthorizationCancelled,
  serviceAuthorizationCreated,
  type Actor,
} from '@platform/contracts';
import { NotFoundProblem, type Page } from '@platform/http';
import { formatMoney, todayDate, type CalendarDate } from '@platform/kernel';
import { recordEvent } from '@platform/messaging';
import type { EntityManager } from '@platform/persistence';
import { refuse, refuseIfAny } from '@platform/http';
import { uuidArray } from '../shared/sql-arrays.js';
import { authorizationIssues } from './authorization-checks.js';
import { listAuthorizations } from './authorization-list.js';
import { authorizationView } from './authorization-reads.js';
import type {
  CancelBody,
  CreateAuthorizationBody,
  ListAuthorizationsQuery,
} from './authorization.schemas.js';
import type { AuthorizationSummaryView, AuthorizationView } from './authorization.views.js';

async function nextReference(em: EntityManager, today: CalendarDate): Promise<string> {
  const [row] = await em.execute<{ n: string }[]>(
    "select nextval('service_authorization_number')::text as n",
  );
  return `SA-${today.slice(0, 4)}-${String(row?.n).padStart(6, '0')}`;
}

async function viewOrNotFound(
  em: EntityManager,
  id: string,
  asOf: CalendarDate,
): Promise<AuthorizationView> {
  const view = await authorizationView(em, id, asOf);
  if (!view) throw new NotFoundProblem('Service authorization', id);
  return view;
}

/** FIN-1 / FIN-2: service authorizations — create, read with units used, find, cancel. */
@Injectable()
export class AuthorizationsService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /** FIN-1: the authorization, its clients and line items, and its event, in one transaction. */
  create(
    body: CreateAuthorizationBody,
    actor: Actor,
    correlationId?: string,
  ): Promise<AuthorizationView> {
    const today = todayDate();
    return this.orm.em.fork().transactional(async (em) => {
      refuseIfAny(await authorizationIssues(em, body));
      const authorizationId = randomUUID();
      const reference = await nextReference(em, today);
      const lineItems = body.lineItems.map((item, index) => ({
        lineItemId: randomUUID(),
        lineNumber: index + 1,
        serviceProductId: item.serviceProductId,
        providerId: item.providerId ?? null,
        units: item.units ?? null,
        rateCents: item.rate ?? null,
        nomineeId: item.nomineeId ?? null,
        period: item.period ?? body.period,
      }));
      await em.execute(
        `insert into service_authorization
           (authorization_id, reference, case_id, from_date, to_date, created_by)
         values (?, ?, ?, ?, ?, ?)`,
        [
          authorizationId,
          reference,
          body.caseId ?? null,
          body.period.from,
          body.period.to,
          actor.userId,
        ],
      );
      await em.execute(
        'insert into authorization_client (authorization_id, client_id) select ?, unnest(?::uuid[])',
        [authorizationId, uuidArray(body.clientIds)],
      );
      // All line items in one statement, however many there are.
      await em.execute(
        `insert into authorization_line_item
           (line_item_id, authorization_id, line_number, service_product_id, provider_id, units,
            rate_cents, nominee_id, from_date, to_date)
         select l."lineItemId", ?, l."lineNumber", l."serviceProductId", l."providerId", l.units,
                l."rateCents", l."nomineeId", l."from", l."to"
         from jsonb_to_recordset(?::jsonb) as l(
           "lineItemId" uuid, "lineNumber" int, "serviceProductId" uuid, "providerId" uuid,
           units int, "rateCents" bigint, "nomineeId" uuid, "from" date, "to" date)`,
        [
          authorizationId,
          JSON.stringify(
            lineItems.map(({ period, rateCents, ...item }) => ({
              ...item,
              rateCents: rateCents === null ? null : rateCents.toString(),
              from: period.from,
              to: period.to,
            })),
          ),
        ],
      );
      recordEvent(em, serviceAuthorizationCreated, {
        aggregateId: authorizationId,
        actor,
        ...(correlationId ? { correlationId } : {}),
        data: {
          authorizationId,
          reference,
          caseId: body.caseId ?? null,
          clientIds: body.clientIds,
          period: body.period,
          lineItems: lineItems.map(({ lineNumber: _, rateCents, ...item }) => ({
            ...item,
            rate: rateCents === null ? null : formatMoney(rateCents),
          })),
        },
      });
      return viewOrNotFound(em, authorizationId, today);
    });
  }

  get(id: string, asOf: CalendarDate | undefined): Promise<AuthorizationView> {
    return viewOrNotFound(this.orm.em.fork(), id, asOf ?? todayDate());
  }

  list(query: ListAuthorizationsQuery): Promise<Page<AuthorizationSummaryView>> {
    return listAuthorizations(this.orm.em.fork(), query, query.asOf ?? todayDate());
  }

  /** FIN-2: a deleted authorization is cancelled, and so matches no invoice line from now on. */
  cancel(
    id: string,
    body: CancelBody,
    actor: Actor,
    correlationId?: string,
  ): Promise<AuthorizationView> {
    return this.orm.em.fork().transactional(async (em) => {
      // Only an authorization not yet cancelled changes: two cancellations cannot both succeed.
      const changed = await em.execute<{ id: string }[]>(
        `update service_authorization
         set cancelled_at = now(), cancelled_by = ?, cancel_reason = ?
         where authorization_id = ? and cancelled_at is null
         returning authorization_id as id`,
        [actor.userId, body.reason, id],
      );
      if (changed.length === 0) {
        await viewOrNotFound(em, id, todayDate());
        refuse(
          { rule: 'FIN-2', field: 'id', message: 'the authorization is cancelled already' },
          409,
        );
      }
      recordEvent(em, serviceAuthorizationCancelled, {
        aggregateId: id,
        actor,
        ...(correlationId ? { correlationId } : {}),
        data: { authorizationId: id, lineItemId: null, reason: body.reason },
      });
      return viewOrNotFound(em, id, todayDate());
    });
  }

  /** FIN-2: a cancelled line item matches nothing more; the others carry on. */
  cancelLineItem(
    id: string,
    lineItemId: string,
    body: CancelBody,
    actor: Actor,
    correlationId?: string,
  ): Promise<AuthorizationView> {
    return this.orm.em.fork().transactional(async (em) => {
      const changed = await em.execute<{ id: string }[]>(
        `update authorization_line_item li
         set cancelled_at = now(), cancelled_by = ?, cancel_reason = ?
         from service_authorization a
         where li.line_item_id = ? and li.authorization_id = ?
           and a.authorization_id = li.authorization_id
           and li.cancelled_at is null and a.cancelled_at is null
         returning li.line_item_id as id`,
        [actor.userId, body.reason, lineItemId, id],
      );
      if (changed.length === 0) {
        const view = await viewOrNotFound(em, id, todayDate());
        const item = view.lineItems.find((line) => line.lineItemId === lineItemId);
        if (!item) throw new NotFoundProblem('Authorization line item', lineItemId);
        refuse(
          {
            rule: 'FIN-2',
            field: view.cancellation ? 'id' : 'lineItemId',
            message: view.cancellation
              ? 'the authorization is cancelled, and all its line items with it'
              : 'the line item is cancelled already',
          },
          409,
        );
      }
      recordEvent(em, serviceAuthorizationCancelled, {
        aggregateId: id,
        actor,
        ...(correlationId ? { correlationId } : {}),
        data: { authorizationId: id, lineItemId, reason: body.reason },
      });
      return viewOrNotFound(em, id, todayDate());
    });
  }
}
