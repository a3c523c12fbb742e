import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '@platform/contracts';
import type { Page } from '@platform/http';
import { markUpdated, newAudit } from '../../shared/audit.js';
import { findOrNotFound } from '../../shared/lookup.js';
import { findPage } from '@platform/persistence';
import { containsPattern } from '../../shared/name-search.js';
import { withUniqueName } from '../../shared/unique-name.js';
import { AbsenceReason } from './absence-reason.entity.js';
import type {
  CreateAbsenceReasonBody,
  ListAbsenceReasonsQuery,
  UpdateAbsenceReasonBody,
} from './absence-reason.schemas.js';
import { absenceReasonView, type AbsenceReasonView } from './absence-reason.view.js';

const WHAT = 'Absence reason';

@Injectable()
export class AbsenceReasonsService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /** SVC-11: names are unique so a roster's absence reads unambiguously. */
  async create(body: CreateAbsenceReasonBody, actor: Actor): Promise<AbsenceReasonView> {
    return withUniqueName(WHAT, body.name, () =>
      this.orm.em.fork().transactional(async (em) => {
        const reason = em.create(AbsenceReason, {
          id: randomUUID(),
          ...body,
          ...newAudit(actor),
        });
        await em.flush();
        return absenceReasonView(reason);
      }),
    );
  }

  async update(
    id: string,
    body: UpdateAbsenceReasonBody,
    actor: Actor,
  ): Promise<AbsenceReasonView> {
    return withUniqueName(WHAT, body.name ?? '', () =>
      this.orm.em.fork().transactional(async (em) => {
        const reason = await findOrNotFound(em, AbsenceReason, WHAT, id);
        em.assign(reason, body);
        markUpdated(reason, actor);
        await em.flush();
        return absenceReasonView(reason);
      }),
    );
  }

  async get(id: string): Promise<AbsenceReasonView> {
    return absenceReasonView(await findOrNotFound(this.orm.em.fork(), AbsenceReason, WHAT, id));
  }

  async list(query: ListAbsenceReasonsQuery): Promise<Page<AbsenceReasonView>> {
    const where = {
      ...(query.name ? { name: { $ilike: containsPattern(query.name) } } : {}),
      ...(query.payable !== undefined ? { payable: query.payable } : {}),
      ...(query.deductible !== undefined ? { deductible: query.deductible } : {}),
    };
    return findPage(
      this.orm.em.fork(),
      AbsenceReason,
      where,
      query,
      { name: 'asc', id: 'asc' },
      absenceReasonView,
    );
  }
}
