import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '@platform/contracts';
import { NotFoundProblem, type Page } from '@platform/http';
import type { EntityManager } from '@platform/persistence';
import type { CloseCaseBody, CreateCaseBody, ListCasesQuery } from './participant.schemas.js';
import { CASE_COLUMNS, type CaseView } from './participant.views.js';
import { participantKinds, unregisteredIssues } from './registered-participants.js';
import { refuse, refuseIfAny } from '@platform/http';
import { uuidArray } from '../shared/sql-arrays.js';

async function caseById(em: EntityManager, id: string): Promise<CaseView | null> {
  const [row] = await em.execute<CaseView[]>(
    `select ${CASE_COLUMNS} from client_case c where c.case_id = ?`,
    [id],
  );
  return row ?? null;
}

/** FIN-4 "case valid": the cases clients are served under, open from a day until closed. */
@Injectable()
export class CasesService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  create(body: CreateCaseBody, actor: Actor): Promise<CaseView> {
    return this.orm.em.fork().transactional(async (em) => {
      const kinds = await participantKinds(em, body.clientIds);
      refuseIfAny(
        unregisteredIssues(
          kinds,
          body.clientIds.map((id, index) => ({ id, field: `clientIds[${index}]` })),
          'client',
        ),
      );
      const caseId = randomUUID();
      // The unique reference decides a race between two creations: one row, the other a 409.
      const inserted = await em.execute<{ caseId: string }[]>(
        `insert into client_case
           (case_id, reference, status, opened_on, created_by, updated_by)
         values (?, ?, 'open', ?, ?, ?)
         on conflict (reference) do nothing
         returning case_id as "caseId"`,
        [caseId, body.reference, body.openedOn, actor.userId, actor.userId],
      );
      if (inserted.length === 0) {
        refuse(
          { rule: 'FIN-4', field: 'reference', message: `a case ${body.reference} exists already` },
          409,
        );
      }
      await em.execute(
        `insert into case_client (case_id, client_id)
         select ?, unnest(?::uuid[])`,
        [caseId, uuidArray(body.clientIds)],
      );
      return (await caseById(em, caseId)) as CaseView;
    });
  }

  async get(id: string): Promise<CaseView> {
    const found = await caseById(this.orm.em.fork(), id);
    if (!found) throw new NotFoundProblem('Case', id);
    return found;
  }

  async list(query: ListCasesQuery): Promise<Page<CaseView>> {
    const em = this.orm.em.fork();
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.clientId) {
      where.push(
        'exists (select 1 from case_client f where f.case_id = c.case_id and f.client_id = ?)',
      );
      params.push(query.clientId);
    }
    if (query.status) {
      where.push('c.status = ?');
      params.push(query.status);
    }
    if (query.reference) {
      where.push('lower(c.reference) = lower(?)');
      params.push(query.reference);
    }
    const filter = where.length ? `where ${where.join(' and ')}` : '';
    const [count] = await em.execute<{ total: string }[]>(
      `select count(*)::text as total from client_case c ${filter}`,
      params,
    );
    const items = await em.execute<CaseView[]>(
      `select ${CASE_COLUMNS} from client_case c ${filter}
       order by c.opened_on desc, c.reference limit ? offset ?`,
      [...params, query.limit, query.offset],
    );
    return { items, total: Number(count?.total ?? 0), limit: query.limit, offset: query.offset };
  }

  /** FIN-4: a closed case stays valid only for periods that ended by its closing day. */
  close(id: string, body: CloseCaseBody, actor: Actor): Promise<CaseView> {
    return this.orm.em.fork().transactional(async (em) => {
      const [current] = await em.execute<{ status: string; openedOn: string }[]>(
        'select status, opened_on::text as "openedOn" from client_case where case_id = ? for update',
        [id],
      );
      if (!current) throw new NotFoundProblem('Case', id);
      if (current.status === 'closed') {
        refuse({ rule: 'FIN-4', field: 'id', message: 'the case is closed already' }, 409);
      }
      if (body.closedOn < current.openedOn) {
        refuse({
          rule: 'FIN-4',
          field: 'closedOn',
          message: `a case cannot close before it opened (${current.openedOn})`,
        });
      }
      await em.execute(
        `update client_case set status = 'closed', closed_on = ?, closed_reason = ?,
                updated_at = now(), updated_by = ?
         where case_id = ?`,
        [body.closedOn, body.reason, actor.userId, id],
      );
      return (await caseById(em, id)) as CaseView;
    });
  }
}
