import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import {
  memberCertificationRecorded,
  memberCertificationRemoved,
  memberCertificationRenewed,
  type Actor,
} from '@platform/contracts';
import {
  assertMayAccessProvider,
  NotFoundProblem,
  RuleViolation,
  ValidationProblem,
  type Page,
} from '@platform/http';
import { rangesOverlap, dateRange, type CalendarDate } from '@platform/kernel';
import { recordEvent } from '@platform/messaging';
import { Member } from '../provider-members/provider-members.entities.js';
import { markUpdated, newAudit } from '../shared/audit.js';
import { eventOrigin } from '../shared/event-origin.js';
import { findOrNotFound, recordsById } from '../shared/lookup.js';
import { findPage, findPageWithRelated } from '@platform/persistence';
import { containsPattern } from '../shared/name-search.js';
import { withUniqueName } from '../shared/unique-name.js';
import { findMemberFor } from '../trainings/member-records.js';
import { memberCredits, providerClassification } from '../trainings/member-trainings.service.js';
import {
  CertificationType,
  MemberCertification,
  type CertificationTypeRecord,
  type MemberCertificationRecord,
} from './certification.entities.js';
import { creditShortfall, renewalRefusal, validityEnd } from './certification.rules.js';
import type {
  CreateCertificationTypeBody,
  ListCertificationsQuery,
  ListCertificationTypesQuery,
  RecordCertificationBody,
  RenewCertificationBody,
  UpdateCertificationTypeBody,
} from './certification.schemas.js';
import {
  certificationTypeView,
  certificationView,
  type CertificationTypeView,
  type CertificationView,
} from './certification.views.js';

const TYPE = 'Certification type';

/** CRD-5: certification types, configured by administrators. */
@Injectable()
export class CertificationTypesService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  async create(body: CreateCertificationTypeBody, actor: Actor): Promise<CertificationTypeView> {
    return withUniqueName(TYPE, body.name, () =>
      this.orm.em.fork().transactional(async (em) => {
        const type = em.create(CertificationType, {
          id: randomUUID(),
          ...body,
          ...newAudit(actor),
        });
        await em.flush();
        return certificationTypeView(type);
      }),
    );
  }

  async update(
    id: string,
    body: UpdateCertificationTypeBody,
    actor: Actor,
  ): Promise<CertificationTypeView> {
    return withUniqueName(TYPE, body.name ?? '', () =>
      this.orm.em.fork().transactional(async (em) => {
        const type = await findOrNotFound(em, CertificationType, TYPE, id);
        em.assign(type, body);
        markUpdated(type, actor);
        await em.flush();
        return certificationTypeView(type);
      }),
    );
  }

  async get(id: string): Promise<CertificationTypeView> {
    return certificationTypeView(
      await findOrNotFound(this.orm.em.fork(), CertificationType, TYPE, id),
    );
  }

  async list(query: ListCertificationTypesQuery): Promise<Page<CertificationTypeView>> {
    const where = {
      ...(query.name ? { name: { $ilike: containsPattern(query.name) } } : {}),
      ...(query.issuer ? { issuer: query.issuer } : {}),
      ...(query.active !== undefined ? { active: query.active } : {}),
    };
    return findPage(
      this.orm.em.fork(),
      CertificationType,
      where,
      query,
      { name: 'asc', id: 'asc' },
      certificationTypeView,
    );
  }
}

/** CRD-5: the certifications members hold. */
@Injectable()
export class MemberCertificationsService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /**
   * CRD-5: records a certification valid for the type's validity period. The member must have
   * earned the credits the type requires by the issue date, and must not hold another (not
   * removed) certification of the type for any of the same days: renew it, or remove it first.
   */
  async record(
    memberId: string,
    body: RecordCertificationBody,
    actor: Actor,
    today: CalendarDate,
    correlationId?: string,
  ): Promise<CertificationView> {
    if (body.issuedOn > today) {
      throw new ValidationProblem([
        { field: 'issuedOn', message: 'CRD-5: a certification cannot be issued in the future' },
      ]);
    }
    return this.orm.em.fork().transactional(async (em) => {
      await lockMember(em, memberId);
      const type = await em.findOne(CertificationType, { id: body.certificationTypeId });
      if (!type) {
        throw new ValidationProblem([
          {
            field: 'certificationTypeId',
            message: `no certification type with id ${body.certificationTypeId}`,
          },
        ]);
      }
      if (!type.active) {
        throw new ValidationProblem([
          {
            field: 'certificationTypeId',
            message: `CRD-5: certification type ${type.name} is no longer in use`,
          },
        ]);
      }
      if (body.providerId) assertMayAccessProvider(actor, body.providerId);
      const classification = body.providerId
        ? await providerClassification(em, body.providerId)
        : null;
      const { total: creditsEarned } = await memberCredits(
        em,
        memberId,
        classification,
        body.issuedOn,
        null,
      );
      const shortfall = creditShortfall(type.name, Number(type.requiredCredits), creditsEarned);
      if (shortfall) throw new RuleViolation('CRD-5', shortfall, 422);

      const validFrom = body.validFrom ?? body.issuedOn;
      const validTo = validityEnd(validFrom, type.validityMonths);
      await refuseOverlap(em, memberId, type, validFrom, validTo);
      const certification = em.create(MemberCertification, {
        id: randomUUID(),
        memberId,
        certificationTypeId: type.id,
        issuedBy: body.issuedBy,
        issuedOn: body.issuedOn,
        validFrom,
        validTo,
        creditsEarned,
        renewalCount: 0,
        ...newAudit(actor),
      });
      recordEvent(em, memberCertificationRecorded, {
        aggregateId: memberId,
        ...eventOrigin(actor, correlationId),
        data: {
          ...certificationSubject(certification, type),
          issuer: type.issuer,
          issuedBy: body.issuedBy,
          issuedOn: body.issuedOn,
          validFrom,
          validTo,
          creditsEarned,
          requiredCredits: Number(type.requiredCredits),
        },
      });
      return certificationView(certification, type, today);
    });
  }

  /** CRD-5: an expired certification is modified with a new validity period. */
  async renew(
    memberId: string,
    certificationId: string,
    body: RenewCertificationBody,
    actor: Actor,
    today: CalendarDate,
    correlationId?: string,
  ): Promise<CertificationView> {
    return this.orm.em.fork().transactional(async (em) => {
      await lockMember(em, memberId);
      const certification = await findCertification(em, memberId, certificationId);
      const type = await em.findOneOrFail(CertificationType, {
        id: certification.certificationTypeId,
      });
      const previousValidFrom = certification.validFrom as CalendarDate;
      const previousValidTo = certification.validTo as CalendarDate;
      const refusal = renewalRefusal(
        {
          validFrom: previousValidFrom,
          validTo: previousValidTo,
          removed: certification.removedAt != null,
        },
        body.validFrom,
        today,
      );
      if (refusal) throw new RuleViolation('CRD-5', refusal);
      const validTo = body.validTo ?? validityEnd(body.validFrom, type.validityMonths);
      await refuseOverlap(em, memberId, type, body.validFrom, validTo, certification.id);
      certification.validFrom = body.validFrom;
      certification.validTo = validTo;
      certification.renewalCount += 1;
      markUpdated(certification, actor);
      recordEvent(em, memberCertificationRenewed, {
        aggregateId: memberId,
        ...eventOrigin(actor, correlationId),
        data: {
          ...certificationSubject(certification, type),
          validFrom: body.validFrom,
          validTo,
          previousValidFrom,
          previousValidTo,
        },
      });
      return certificationView(certification, type, today);
    });
  }

  /** CRD-5: deletes a certification — kept, marked removed with who, when and why. */
  async remove(
    memberId: string,
    certificationId: string,
    reason: string,
    actor: Actor,
    today: CalendarDate,
    correlationId?: string,
  ): Promise<CertificationView> {
    return this.orm.em.fork().transactional(async (em) => {
      await lockMember(em, memberId);
      const certification = await findCertification(em, memberId, certificationId);
      if (certification.removedAt != null) {
        throw new RuleViolation('CRD-5', 'CRD-5: the certification was already removed');
      }
      const type = await em.findOneOrFail(CertificationType, {
        id: certification.certificationTypeId,
      });
      certification.removedAt = new Date();
      certification.removedBy = actor.userId;
      certification.removalReason = reason;
      markUpdated(certification, actor);
      recordEvent(em, memberCertificationRemoved, {
        aggregateId: memberId,
        ...eventOrigin(actor, correlationId),
        data: {
          ...certificationSubject(certification, type),
          reason,
        },
      });
      return certificationView(certification, type, today);
    });
  }

  /** CRD-5: the member's certifications with their status on a date (SS-3 for provider users). */
  async list(
    memberId: string,
    query: ListCertificationsQuery,
    actor: Actor,
    today: CalendarDate,
  ): Promise<Page<CertificationView>> {
    const em = this.orm.em.fork();
    await findMemberFor(em, memberId, actor);
    const onDate = query.onDate ?? today;
    const kept = { removedAt: null };
    const byStatus = {
      valid: { ...kept, validFrom: { $lte: onDate }, validTo: { $gte: onDate } },
      expired: { ...kept, validTo: { $lt: onDate } },
      'not-yet-valid': { ...kept, validFrom: { $gt: onDate } },
      removed: { removedAt: { $ne: null } },
    } as const;
    const where = {
      memberId,
      ...(query.certificationTypeId ? { certificationTypeId: query.certificationTypeId } : {}),
      ...(query.status ? byStatus[query.status] : query.includeRemoved ? {} : kept),
    };
    return findPageWithRelated(
      em,
      MemberCertification,
      where,
      query,
      { validTo: 'desc', id: 'asc' },
      async (certifications, snapshot) => {
        const types = await typesOf(snapshot, certifications);
        return certifications.map((certification) =>
          certificationView(
            certification,
            types.get(certification.certificationTypeId) as CertificationTypeRecord,
            onDate,
          ),
        );
      },
    );
  }

  async get(
    memberId: string,
    certificationId: string,
    actor: Actor,
    onDate: CalendarDate,
  ): Promise<CertificationView> {
    const em = this.orm.em.fork();
    await findMemberFor(em, memberId, actor);
    const certification = await findCertification(em, memberId, certificationId);
    const types = await typesOf(em, [certification]);
    return certificationView(
      certification,
      types.get(certification.certificationTypeId) as CertificationTypeRecord,
      onDate,
    );
  }
}

/** Serialises certification changes of one member, so the overlap check holds. */
async function lockMember(em: EntityManager, memberId: string): Promise<void> {
  const member = await em.findOne(
    Member,
    { id: memberId },
    { fields: ['id'], lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  if (!member) throw new NotFoundProblem('Member', memberId);
}

async function findCertification(
  em: EntityManager,
  memberId: string,
  certificationId: string,
): Promise<MemberCertificationRecord> {
  const certification = await em.findOne(MemberCertification, { id: certificationId, memberId });
  if (!certification) throw new NotFoundProblem('Certification', certificationId);
  return certification;
}

/** CRD-5: one (not removed) certification of a type for a member on any day. */
async function refuseOverlap(
  em: EntityManager,
  memberId: string,
  type: CertificationTypeRecord,
  validFrom: CalendarDate,
  validTo: CalendarDate,
  exceptId?: string,
): Promise<void> {
  const others = await em.find(MemberCertification, {
    memberId,
    certificationTypeId: type.id,
    removedAt: null,
    ...(exceptId ? { id: { $ne: exceptId } } : {}),
  });
  const clash = others.find((other) =>
    rangesOverlap(
      dateRange(validFrom, validTo),
      dateRange(other.validFrom as CalendarDate, other.validTo as CalendarDate),
    ),
  );
  if (clash) {
    throw new RuleViolation(
      'CRD-5',
      `CRD-5: the member already holds a ${type.name} certification valid ${clash.validFrom} to ` +
        `${clash.validTo} (certification ${clash.id}); renew it, or remove it and add a new one`,
    );
  }
}

/** What every certification event starts with: whose certification it is, and of which type. */
function certificationSubject(
  certification: MemberCertificationRecord,
  type: CertificationTypeRecord,
) {
  return {
    memberId: certification.memberId,
    certificationId: certification.id,
    certificationTypeId: type.id,
    certificationTypeName: type.name,
  };
}

function typesOf(
  em: EntityManager,
  certifications: readonly MemberCertificationRecord[],
): Promise<Map<string, CertificationTypeRecord>> {
  return recordsById(
    em,
    CertificationType,
    certifications.map((certification) => certification.certificationTypeId),
  );
}
