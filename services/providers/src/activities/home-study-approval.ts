import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type {
  HomeStudyDecisionRecorded,
  HomeStudyForApproval,
  ReStudyScheduled,
  RecordHomeStudyDecisionInput,
  ScheduleReStudyInput,
} from '@platform/contracts';
import type { CalendarDate } from '@platform/kernel';
import { businessRejection } from '@platform/temporal';
import {
  decideHomeStudy,
  homeStudyForApproval,
  HomeStudyRefusal,
  scheduleReStudy as scheduleReStudyIn,
} from '../home-studies/home-study-approval.js';
import { todayDate } from '../shared/today.js';

/**
 * A refusal of the home study rules cannot be fixed by retrying: a non-retryable failure whose type
 * names the rule (CRD-7, WF-1) or HomeStudyNotFound (ARCHITECTURE rule 5).
 */
function rejected(error: unknown): unknown {
  return error instanceof HomeStudyRefusal ? businessRejection(error.rule, error.message) : error;
}

/**
 * Runs the unit of work once more when a unique index caught a concurrent twin (the same decision
 * or re-study written by a parallel attempt): the second run finds what the first one wrote.
 */
async function once<T>(orm: MikroORM, work: (em: EntityManager) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await orm.em.fork().transactional(work);
    } catch (error) {
      if (attempt === 1 && error instanceof UniqueConstraintViolationException) continue;
      throw rejected(error);
    }
  }
}

/**
 * WF-1: the supervisor's decision on a submitted home study (approve, reject with the failure
 * reason, return with comments), recorded in its status history with `home-study.decided`.
 * Idempotent on `decisionId`; a conflicting decision, a decider who is not a resource manager
 * supervisor, or a missing reason is a non-retryable business rejection.
 */
export function recordHomeStudyDecision(
  orm: MikroORM,
  input: RecordHomeStudyDecisionInput,
  today: CalendarDate = todayDate(),
): Promise<HomeStudyDecisionRecorded> {
  return once<HomeStudyDecisionRecorded>(orm, (em) =>
    decideHomeStudy(
      em,
      {
        homeStudyId: input.homeStudyId,
        decisionId: input.decisionId,
        outcome: input.outcome,
        reason: input.reason,
        decidedBy: input.decidedBy,
        decidedByRoles: input.decidedByRoles,
        workflowId: input.workflowId,
      },
      today,
    ),
  );
}

/** WF-1: what the supervisor's decision task shows about the home study (CRD-7). */
export async function getHomeStudyForApproval(
  orm: MikroORM,
  homeStudyId: string,
  today: CalendarDate = todayDate(),
): Promise<HomeStudyForApproval> {
  try {
    return await homeStudyForApproval(orm.em.fork(), homeStudyId, today);
  } catch (error) {
    throw rejected(error);
  }
}

/** CRD-7: the re-study that follows an approved home study; idempotent. */
export function scheduleReStudy(
  orm: MikroORM,
  input: ScheduleReStudyInput,
): Promise<ReStudyScheduled> {
  return once<ReStudyScheduled>(orm, (em) => scheduleReStudyIn(em, input));
}
