import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { backgroundCheckRecorded, type Actor } from '@platform/contracts';
import { NotFoundProblem, type Page } from '@platform/http';
import { recordEvent } from '@platform/messaging';
import { newAudit } from '../shared/audit.js';
import { eventOrigin } from '../shared/event-origin.js';
import { findPage } from '@platform/persistence';
import { BackgroundCheck } from './provider-members.entities.js';
import type {
  ListBackgroundChecksQuery,
  RecordBackgroundCheckBody,
} from './provider-member.schemas.js';
import { backgroundCheckView, type BackgroundCheckView } from './provider-member.views.js';
import { findMember } from './provider-members.service.js';

/** CRD-6: background checks of members, with their validity and result. */
@Injectable()
export class BackgroundChecksService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /** CRD-6: records a check (the body rules already hold: failed ⇒ failure reason, …). */
  async record(
    memberId: string,
    body: RecordBackgroundCheckBody,
    actor: Actor,
    correlationId?: string,
  ): Promise<BackgroundCheckView> {
    return this.orm.em.fork().transactional(async (em) => {
      await findMember(em, memberId);
      const failureReason = body.result === 'failed' ? body.failureReason?.trim() || null : null;
      const check = em.create(BackgroundCheck, {
        id: randomUUID(),
        memberId,
        ...body,
        failureReason,
        ...newAudit(actor),
      });
      recordEvent(em, backgroundCheckRecorded, {
        aggregateId: memberId,
        ...eventOrigin(actor, correlationId),
        data: {
          memberId,
          backgroundCheckId: check.id,
          checkType: body.checkType,
          result: body.result,
          failureReason,
          requestedOn: body.requestedOn,
          completedOn: body.completedOn,
          validFrom: body.validFrom,
          validTo: body.validTo,
        },
      });
      return backgroundCheckView(check);
    });
  }

  async list(
    memberId: string,
    query: ListBackgroundChecksQuery,
  ): Promise<Page<BackgroundCheckView>> {
    const em = this.orm.em.fork();
    await findMember(em, memberId);
    return findPage(
      em,
      BackgroundCheck,
      {
        memberId,
        ...(query.checkType ? { checkType: query.checkType } : {}),
        ...(query.result ? { result: query.result } : {}),
      },
      query,
      { requestedOn: 'desc', id: 'asc' },
      backgroundCheckView,
    );
  }

  async get(memberId: string, checkId: string): Promise<BackgroundCheckView> {
    const em = this.orm.em.fork();
    await findMember(em, memberId);
    const check = await em.findOne(BackgroundCheck, { id: checkId, memberId });
    if (!check) throw new NotFoundProblem('Background check', checkId);
    return backgroundCheckView(check);
  }
}
