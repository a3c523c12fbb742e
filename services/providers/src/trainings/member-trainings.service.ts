import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { memberTrainingCompleted, memberTrainingWaived, type Actor } from '@platform/contracts';
import {
  assertMayAccessProvider,
  NotFoundProblem,
  RuleViolation,
  ValidationProblem,
  type Page,
} from '@platform/http';
import type { CalendarDate } from '@platform/kernel';
import { recordEvent } from '@platform/messaging';
import { findMember } from '../provider-members/provider-members.service.js';
import { findProvider } from '../providers/provider.lookup.js';
import {
  Member,
  ProviderMembership,
  type MemberRecord,
} from '../provider-members/provider-members.entities.js';
import { Provider } from '../providers/provider.entity.js';
import { markUpdated, newAudit } from '../shared/audit.js';
import { eventOrigin } from '../shared/event-origin.js';
import { findPage } from '@platform/persistence';
import { findMemberFor } from './member-records.js';
import { MemberTraining, TrainingCourse, type MemberTrainingRecord } from './training.entities.js';
import {
  sumCredits,
  TRAINING_ACTION_RESULT,
  trainingActionRefusal,
  trainingCredits,
  type ProviderClassification,
  type TrainingAction,
} from './training.rules.js';
import type {
  AssignProviderTrainingBody,
  CompleteTrainingBody,
  ListMemberTrainingsQuery,
  ListProviderTrainingsQuery,
  ManagedTrainingBody,
  RecordMemberTrainingBody,
  TrainingCreditsQuery,
  UnmanagedTrainingBody,
  WaiveTrainingBody,
} from './training.schemas.js';
import { memberTrainingView, trainingDetails, type MemberTrainingView } from './training.views.js';

export interface TrainingCreditsView {
  memberId: string;
  providerId: string | null;
  categoryCode: string | null;
  typeCode: string | null;
  onDate: CalendarDate;
  since: CalendarDate | null;
  total: number;
  trainings: {
    trainingId: string;
    courseCode: string | null;
    courseName: string;
    completedOn: CalendarDate;
    credits: number;
  }[];
}

/** CRD-4: trainings of members — managed ones arranged for a provider, and unmanaged ones. */
@Injectable()
export class MemberTrainingsService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /** CRD-4: records a training of the member, managed (assigned) or unmanaged (completed). */
  async record(
    memberId: string,
    body: RecordMemberTrainingBody,
    actor: Actor,
    today: CalendarDate,
    correlationId?: string,
  ): Promise<MemberTrainingView> {
    return this.orm.em.fork().transactional(async (em) => {
      const member = await findMember(em, memberId);
      if (body.kind === 'unmanaged') {
        return this.recordUnmanaged(em, member, body, actor, today, correlationId);
      }
      const [training] = await this.assign(em, body.providerId, [member], body, actor, today, {
        providerField: 'providerId',
      });
      return memberTrainingView(training as MemberTrainingRecord);
    });
  }

  /** CRD-4: a managed training of the provider for each participant (members of it). */
  async assignForProvider(
    providerId: string,
    body: AssignProviderTrainingBody,
    actor: Actor,
    today: CalendarDate,
  ): Promise<{ items: MemberTrainingView[] }> {
    return this.orm.em.fork().transactional(async (em) => {
      await findProvider(em, providerId);
      const found = await em.find(Member, { id: { $in: body.participantIds } });
      const byId = new Map(found.map((member) => [member.id, member]));
      const missing = body.participantIds.flatMap((id, index) =>
        byId.has(id)
          ? []
          : [{ field: `participantIds.${index}`, message: `no member with id ${id}` }],
      );
      if (missing.length > 0) throw new ValidationProblem(missing);
      const members = body.participantIds.map((id) => byId.get(id) as MemberRecord);
      const trainings = await this.assign(em, providerId, members, body, actor, today, {});
      return { items: trainings.map(memberTrainingView) };
    });
  }

  async approve(
    memberId: string,
    trainingId: string,
    actor: Actor,
    today: CalendarDate,
  ): Promise<MemberTrainingView> {
    return this.transition(memberId, trainingId, 'approve', actor, (training) => {
      training.approvedBy = actor.userId;
      training.approvedOn = today;
    });
  }

  /** CRD-4: records the completion date and units of an approved managed training. */
  async complete(
    memberId: string,
    trainingId: string,
    body: CompleteTrainingBody,
    actor: Actor,
    today: CalendarDate,
    correlationId?: string,
  ): Promise<MemberTrainingView> {
    refuseFutureCompletion(body.completedOn, today);
    return this.transition(memberId, trainingId, 'complete', actor, (training, em) => {
      training.completedOn = body.completedOn;
      training.units = body.units;
      completedEvent(em, training, actor, correlationId);
    });
  }

  /** CRD-4: the member need not complete the training; the reason is required. */
  async waive(
    memberId: string,
    trainingId: string,
    body: WaiveTrainingBody,
    actor: Actor,
    today: CalendarDate,
    correlationId?: string,
  ): Promise<MemberTrainingView> {
    return this.transition(memberId, trainingId, 'waive', actor, (training, em) => {
      training.waiverReason = body.reason;
      training.waivedBy = actor.userId;
      training.waivedOn = body.waivedOn ?? today;
      recordEvent(em, memberTrainingWaived, {
        aggregateId: training.memberId,
        ...eventOrigin(actor, correlationId),
        data: {
          memberId: training.memberId,
          trainingId: training.id,
          courseCode: training.courseCode as string,
          courseName: training.courseName,
          providerId: training.providerId as string,
          serviceProductId: training.serviceProductId as string,
          requirement: training.requirement as 'mandatory' | 'recommended',
          reason: body.reason,
          waivedOn: training.waivedOn,
        },
      });
    });
  }

  /** CRD-4: the member's trainings, the latest first (SS-3: a provider sees its members' only). */
  async list(
    memberId: string,
    query: ListMemberTrainingsQuery,
    actor: Actor,
  ): Promise<Page<MemberTrainingView>> {
    const em = this.orm.em.fork();
    await findMemberFor(em, memberId, actor);
    return findPage(
      em,
      MemberTraining,
      {
        memberId,
        ...(query.kind ? { kind: query.kind } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(query.courseCode ? { courseCode: query.courseCode } : {}),
        ...(query.providerId ? { providerId: query.providerId } : {}),
      },
      query,
      { createdAt: 'desc', id: 'asc' },
      memberTrainingView,
    );
  }

  async get(memberId: string, trainingId: string, actor: Actor): Promise<MemberTrainingView> {
    const em = this.orm.em.fork();
    await findMemberFor(em, memberId, actor);
    return memberTrainingView(await findTraining(em, memberId, trainingId));
  }

  /** CRD-4: the managed trainings arranged for the provider, by required completion date. */
  async listOfProvider(
    providerId: string,
    query: ListProviderTrainingsQuery,
    actor: Actor,
  ): Promise<Page<MemberTrainingView>> {
    const em = this.orm.em.fork();
    await findProvider(em, providerId, { readBy: actor });
    return findPage(
      em,
      MemberTraining,
      {
        providerId,
        ...(query.status ? { status: query.status } : {}),
        ...(query.requirement ? { requirement: query.requirement } : {}),
        ...(query.memberId ? { memberId: query.memberId } : {}),
        ...(query.serviceProductId ? { serviceProductId: query.serviceProductId } : {}),
        ...(query.requiredBy ? { requiredBy: { $lte: query.requiredBy } } : {}),
      },
      query,
      { requiredBy: 'asc', createdAt: 'asc', id: 'asc' },
      memberTrainingView,
    );
  }

  /**
   * CRD-4: the credits the member earned by trainings completed on or before `onDate` (and on or
   * after `since`), each course weighted for the provider's category and type when one is given.
   */
  async credits(
    memberId: string,
    query: TrainingCreditsQuery,
    actor: Actor,
    today: CalendarDate,
  ): Promise<TrainingCreditsView> {
    const em = this.orm.em.fork();
    if (query.providerId) assertMayAccessProvider(actor, query.providerId);
    await findMemberFor(em, memberId, actor);
    const classification = query.providerId
      ? await providerClassification(em, query.providerId)
      : null;
    const onDate = query.onDate ?? today;
    return {
      memberId,
      providerId: query.providerId ?? null,
      categoryCode: classification?.categoryCode ?? null,
      typeCode: classification?.typeCode ?? null,
      onDate,
      since: query.since ?? null,
      ...(await memberCredits(em, memberId, classification, onDate, query.since ?? null)),
    };
  }

  private async recordUnmanaged(
    em: EntityManager,
    member: MemberRecord,
    body: UnmanagedTrainingBody,
    actor: Actor,
    today: CalendarDate,
    correlationId?: string,
  ): Promise<MemberTrainingView> {
    refuseFutureCompletion(body.completedOn, today);
    let courseName = body.courseName as string;
    if (body.courseCode !== undefined) {
      const course = await em.findOne(TrainingCourse, { code: body.courseCode });
      if (!course) {
        throw new ValidationProblem([
          { field: 'courseCode', message: `no training course with code ${body.courseCode}` },
        ]);
      }
      courseName = course.name;
    }
    const training = em.create(MemberTraining, {
      id: randomUUID(),
      memberId: member.id,
      kind: 'unmanaged',
      courseCode: body.courseCode ?? null,
      courseName,
      trainingProviderName: body.trainingProviderName,
      providerId: null,
      serviceProductId: null,
      requirement: null,
      requiredBy: null,
      status: 'completed',
      completedOn: body.completedOn,
      units: body.units,
      ...newAudit(actor),
    });
    completedEvent(em, training, actor, correlationId);
    return memberTrainingView(training);
  }

  /**
   * CRD-4: assigns the course of the training service product to members of the provider. Each
   * must be a member of it today or later (not one whose membership has ended), and must not
   * already have an open (assigned or approved) training of that course there.
   */
  private async assign(
    em: EntityManager,
    providerId: string,
    members: readonly MemberRecord[],
    body: Pick<ManagedTrainingBody, 'serviceProductId' | 'requirement' | 'requiredBy'>,
    actor: Actor,
    today: CalendarDate,
    options: { providerField?: string },
  ): Promise<MemberTrainingRecord[]> {
    const provider = await em.findOne(Provider, { id: providerId }, { fields: ['id'] });
    if (!provider) {
      if (options.providerField) {
        throw new ValidationProblem([
          { field: options.providerField, message: `no provider with id ${providerId}` },
        ]);
      }
      throw new NotFoundProblem('Provider', providerId);
    }
    const course = await em.findOne(TrainingCourse, {
      serviceProductId: body.serviceProductId,
      active: true,
    });
    if (!course) {
      throw new ValidationProblem([
        {
          field: 'serviceProductId',
          message:
            'CRD-4: a managed training is a training service product: no active training course ' +
            `is delivered by service product ${body.serviceProductId}`,
        },
      ]);
    }
    const memberIds = members.map((member) => member.id);
    const current = await em.find(ProviderMembership, {
      providerId,
      memberId: { $in: memberIds },
      $or: [{ to: null }, { to: { $gte: today } }],
    });
    const notMembers = members.filter(
      (member) => !current.some((membership) => membership.memberId === member.id),
    );
    if (notMembers.length > 0) {
      throw new RuleViolation(
        'CRD-4',
        `${names(notMembers)} ${notMembers.length === 1 ? 'is' : 'are'} not a current member of ` +
          'this provider; managed trainings are arranged for its members',
      );
    }
    const open = await em.find(MemberTraining, {
      providerId,
      memberId: { $in: memberIds },
      courseCode: course.code,
      status: { $in: ['assigned', 'approved'] },
    });
    if (open.length > 0) {
      const already = members.filter((member) => open.some((t) => t.memberId === member.id));
      throw new RuleViolation(
        'CRD-4',
        `${names(already)} already ${already.length === 1 ? 'has' : 'have'} an open training of ` +
          `${course.code} at this provider`,
      );
    }
    return members.map((member) =>
      em.create(MemberTraining, {
        id: randomUUID(),
        memberId: member.id,
        kind: 'managed',
        courseCode: course.code,
        courseName: course.name,
        trainingProviderName: null,
        providerId,
        serviceProductId: body.serviceProductId,
        requirement: body.requirement,
        requiredBy: body.requiredBy,
        status: 'assigned',
        ...newAudit(actor),
      }),
    );
  }

  private async transition(
    memberId: string,
    trainingId: string,
    action: TrainingAction,
    actor: Actor,
    apply: (training: MemberTrainingRecord, em: EntityManager) => void,
  ): Promise<MemberTrainingView> {
    return this.orm.em.fork().transactional(async (em) => {
      await findMember(em, memberId);
      const training = await findTraining(em, memberId, trainingId, { forUpdate: true });
      const refusal = trainingActionRefusal(training, action);
      if (refusal) throw new RuleViolation('CRD-4', refusal);
      training.status = TRAINING_ACTION_RESULT[action];
      apply(training, em);
      markUpdated(training, actor);
      return memberTrainingView(training);
    });
  }
}

async function findTraining(
  em: EntityManager,
  memberId: string,
  trainingId: string,
  options: { forUpdate?: boolean } = {},
): Promise<MemberTrainingRecord> {
  const training = await em.findOne(
    MemberTraining,
    { id: trainingId, memberId },
    options.forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
  );
  if (!training) throw new NotFoundProblem('Training', trainingId);
  return training;
}

/** CRD-4: a training is recorded as completed once it was, never ahead of time. */
function refuseFutureCompletion(completedOn: CalendarDate, today: CalendarDate): void {
  if (completedOn > today) {
    throw new ValidationProblem([
      { field: 'completedOn', message: 'CRD-4: a training cannot be completed in the future' },
    ]);
  }
}

function completedEvent(
  em: EntityManager,
  training: MemberTrainingRecord,
  actor: Actor,
  correlationId?: string,
): void {
  recordEvent(em, memberTrainingCompleted, {
    aggregateId: training.memberId,
    ...eventOrigin(actor, correlationId),
    data: {
      memberId: training.memberId,
      trainingId: training.id,
      ...trainingDetails(training),
      completedOn: training.completedOn as string,
      units:
        training.units === null || training.units === undefined ? null : Number(training.units),
    },
  });
}

function names(members: readonly MemberRecord[]): string {
  return members.map((member) => `${member.name} (member ${member.id})`).join(', ');
}

/** PRV-3: the provider's category and type, which weight course credits (CRD-4). */
export async function providerClassification(
  em: EntityManager,
  providerId: string,
): Promise<ProviderClassification> {
  const provider = await findProvider(em, providerId);
  return { categoryCode: provider.categoryCode ?? null, typeCode: provider.typeCode ?? null };
}

/**
 * CRD-4 / CRD-5: the member's credits from trainings completed on or before `onDate` (and on or
 * after `since` when given), weighted for the provider classification when given.
 */
export async function memberCredits(
  em: EntityManager,
  memberId: string,
  classification: ProviderClassification | null,
  onDate: CalendarDate,
  since: CalendarDate | null,
): Promise<Pick<TrainingCreditsView, 'total' | 'trainings'>> {
  const completed = await em.find(
    MemberTraining,
    {
      memberId,
      status: 'completed',
      completedOn: since ? { $lte: onDate, $gte: since } : { $lte: onDate },
    },
    { orderBy: { completedOn: 'asc', id: 'asc' } },
  );
  const codes = [
    ...new Set(completed.flatMap((training) => (training.courseCode ? [training.courseCode] : []))),
  ];
  const courses = new Map(
    (codes.length > 0 ? await em.find(TrainingCourse, { code: { $in: codes } }) : []).map(
      (course) => [course.code, course],
    ),
  );
  const trainings = completed.map((training) => {
    const course = training.courseCode ? courses.get(training.courseCode) : undefined;
    return {
      trainingId: training.id,
      courseCode: training.courseCode ?? null,
      courseName: training.courseName,
      completedOn: training.completedOn as CalendarDate,
      credits: trainingCredits(
        {
          status: training.status,
          completedOn: (training.completedOn ?? null) as CalendarDate | null,
          courseCode: training.courseCode ?? null,
          units:
            training.units === null || training.units === undefined ? null : Number(training.units),
        },
        course
          ? {
              defaultCredits: Number(course.defaultCredits),
              creditVariations: course.creditVariations,
            }
          : undefined,
        classification,
        onDate,
      ),
    };
  });
  return { total: sumCredits(trainings.map((training) => training.credits)), trainings };
}
