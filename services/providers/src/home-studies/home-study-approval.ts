import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  homeStudyDecided,
  SYSTEM_ACTOR,
  type Actor,
  type HomeStudyDecisionOutcome,
  type HomeStudyDecisionRecorded,
  type HomeStudyForApproval,
  type HomeStudyType,
  type ReStudyScheduled,
  type Role,
  type ScheduleReStudyInput,
} from '@platform/contracts';
import { parseCalendarDate, type CalendarDate } from '@platform/kernel';
import { recordEvent } from '@platform/messaging';
import { Provider } from '../providers/provider.entity.js';
import { markUpdated, newAudit } from '../shared/audit.js';
import { applyHomeStudyAction, type HomeStudyStatus } from './home-study-lifecycle.js';
import {
  approvalWarnings,
  openCorrectiveActions,
  reStudyDueOn,
  type AssessmentFacts,
} from './home-study-rules.js';
import {
  HomeStudy,
  HomeStudyAssessment,
  HomeStudyCorrectiveAction,
  HomeStudyDocument,
  HomeStudyStatusChange,
  HomeStudyVisit,
  type HomeStudyAssessmentRecord,
  type HomeStudyCorrectiveActionRecord,
  type HomeStudyRecord,
  type HomeStudyStatusChangeRecord,
} from './home-study.entities.js';

/**
 * CRD-7 / WF-1: the home study's approval — the supervisor's decision, what the decision task
 * shows, and the re-study that follows an approval. One implementation serves both entry points:
 * the providers activities (the approval workflow, the normal path) and the HTTP decision endpoint
 * (usable before the workflow exists). Refusals are thrown as `HomeStudyRefusal`, which each entry
 * point translates: problem+json for HTTP, a non-retryable business rejection for Temporal.
 */

/** Only a resource manager supervisor approves, rejects or returns a home study (ROLE, WF-1). */
export const HOME_STUDY_DECIDER: Role = 'resource-manager-supervisor';

export type RefusalKind = 'not-found' | 'forbidden' | 'invalid' | 'conflict';

export class HomeStudyRefusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    /** The DOMAIN.md rule (CRD-7, WF-1), or `HomeStudyNotFound`. */
    readonly rule: string,
    message: string,
    /** The request field to change, for `invalid`. */
    readonly field?: string,
    /** The id that was not found, for `not-found`. */
    readonly subjectId?: string,
  ) {
    super(message);
    this.name = 'HomeStudyRefusal';
  }
}

function notFound(homeStudyId: string): HomeStudyRefusal {
  return new HomeStudyRefusal(
    'not-found',
    'HomeStudyNotFound',
    `No home study with id ${homeStudyId}`,
    undefined,
    homeStudyId,
  );
}

/**
 * The home study, locked for update so its status moves one at a time; with `providerId`, one of
 * that provider only (a path naming another provider finds nothing).
 */
export async function lockHomeStudy(
  em: EntityManager,
  homeStudyId: string,
  providerId?: string,
): Promise<HomeStudyRecord> {
  const study = await em.findOne(
    HomeStudy,
    { id: homeStudyId, ...(providerId ? { providerId } : {}) },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  if (!study) throw notFound(homeStudyId);
  return study;
}

export interface HomeStudyDecisionCommand {
  homeStudyId: string;
  /** When decided through a provider's path: the home study must be that provider's. */
  providerId?: string;
  decisionId: string;
  outcome: HomeStudyDecisionOutcome;
  reason: string | null;
  decidedBy: string;
  decidedByRoles: readonly Role[];
  /** The approval workflow that decided, or null when decided over HTTP. */
  workflowId: string | null;
  /** The request's correlation id (HTTP); the workflow id takes precedence. */
  correlationId?: string;
}

function decisionResult(
  study: HomeStudyRecord,
  change: HomeStudyStatusChangeRecord,
): HomeStudyDecisionRecorded {
  const outcome = change.action as HomeStudyDecisionOutcome;
  return {
    homeStudyId: study.id,
    providerId: study.providerId,
    decisionId: change.decisionId as string,
    outcome,
    status: change.toStatus as HomeStudyDecisionRecorded['status'],
    reason: change.reason ?? null,
    decidedBy: change.actor,
    decidedOn: change.decidedOn as string,
    reStudyDueOn: outcome === 'approve' ? (study.reStudyDueOn ?? null) : null,
    submission: change.submission,
  };
}

const DECIDED_STATUS = { approve: 'approved', reject: 'rejected', return: 'returned' } as const;

/**
 * WF-1: records the supervisor's decision on a submitted home study — approve, reject with the
 * failure reason (CRD-7 non-compliance) or return with comments for further review — in its
 * status history, with the `home-study.decided` event, in the caller's transaction.
 *
 * Idempotent on `decisionId`: the same decision again returns what was recorded the first time and
 * records nothing; the same id with another outcome, or a new decision on a home study that is
 * not awaiting one (decided, returned, in progress), is refused (CRD-7).
 */
export async function decideHomeStudy(
  em: EntityManager,
  command: HomeStudyDecisionCommand,
  today: CalendarDate,
): Promise<HomeStudyDecisionRecorded> {
  const study = await lockHomeStudy(em, command.homeStudyId, command.providerId);
  if (!command.decidedByRoles.includes(HOME_STUDY_DECIDER)) {
    throw new HomeStudyRefusal(
      'forbidden',
      'WF-1',
      `Only a resource manager supervisor may approve, reject or return a home study (WF-1, ROLE); ` +
        `${command.decidedBy} has the roles ${command.decidedByRoles.join(', ') || 'none'}`,
    );
  }

  const earlier = await em.findOne(HomeStudyStatusChange, { decisionId: command.decisionId });
  if (earlier) {
    if (earlier.homeStudyId === study.id && earlier.action === command.outcome) {
      return decisionResult(study, earlier);
    }
    throw new HomeStudyRefusal(
      'conflict',
      'CRD-7',
      earlier.homeStudyId === study.id
        ? `Decision ${command.decisionId} was recorded as ${earlier.action} on ${earlier.decidedOn}; ` +
            `it cannot also be ${command.outcome}`
        : `Decision ${command.decisionId} was recorded for another home study (${earlier.homeStudyId})`,
    );
  }

  const move = applyHomeStudyAction(
    study.status as HomeStudyStatus,
    command.outcome,
    command.reason,
  );
  if (!move.ok) {
    throw move.field === 'reason'
      ? new HomeStudyRefusal('invalid', 'CRD-7', move.message, 'reason')
      : new HomeStudyRefusal('conflict', 'CRD-7', `Home study ${study.id}: ${move.message}`);
  }

  const reason = command.reason?.trim() || null;
  const actor: Actor = { userId: command.decidedBy, roles: [...command.decidedByRoles] };
  const decidedAt = new Date();
  study.status = move.to;
  if (command.outcome === 'return') {
    study.returnComments = reason;
  } else {
    study.decidedBy = command.decidedBy;
    study.decidedOn = today;
    study.decidedAt = decidedAt;
    if (command.outcome === 'approve') study.reStudyDueOn = reStudyDueOn(today);
    else study.failureReason = reason;
  }
  markUpdated(study, actor, decidedAt);
  const change = em.create(HomeStudyStatusChange, {
    homeStudyId: study.id,
    action: command.outcome,
    fromStatus: move.from,
    toStatus: move.to,
    reason,
    recommendation: null,
    submission: study.submission,
    actor: command.decidedBy,
    decisionId: command.decisionId,
    decidedOn: today,
    workflowId: command.workflowId,
    at: decidedAt,
  });
  const correlationId = command.workflowId ?? command.correlationId;
  recordEvent(em, homeStudyDecided, {
    aggregateId: study.id,
    actor,
    ...(correlationId ? { correlationId } : {}),
    data: {
      homeStudyId: study.id,
      providerId: study.providerId,
      decisionId: command.decisionId,
      submission: study.submission,
      outcome: DECIDED_STATUS[command.outcome],
      reason,
      decidedBy: command.decidedBy,
      decidedOn: today,
      reStudyDueOn: study.reStudyDueOn ?? null,
    },
  });
  return decisionResult(study, change);
}

/** The assessments of home studies with their corrective actions, as the rules read them. */
export function assessmentFacts(
  assessments: readonly HomeStudyAssessmentRecord[],
  actions: readonly HomeStudyCorrectiveActionRecord[],
): AssessmentFacts[] {
  return assessments.map((assessment) => ({
    assessmentType: assessment.assessmentType,
    result: assessment.result,
    assessedOn: assessment.assessedOn as CalendarDate,
    correctiveActions: actions
      .filter((action) => action.assessmentId === assessment.id)
      .map((action) => ({
        description: action.description,
        dueOn: action.dueOn as CalendarDate,
        completedOn: (action.completedOn ?? null) as CalendarDate | null,
      })),
  }));
}

/**
 * WF-1: what the supervisor's decision task shows — the provider, the recommendation, a summary
 * of assessments and visits, and warnings such as unresolved corrective actions (CRD-7).
 */
export async function homeStudyForApproval(
  em: EntityManager,
  homeStudyId: string,
  today: CalendarDate,
): Promise<HomeStudyForApproval> {
  const study = await em.findOne(HomeStudy, { id: homeStudyId });
  if (!study) throw notFound(homeStudyId);
  const [provider, assessments, actions, visits, documents] = await Promise.all([
    em.findOneOrFail(Provider, { id: study.providerId }),
    em.find(
      HomeStudyAssessment,
      { homeStudyId },
      { orderBy: { assessedOn: 'asc', createdAt: 'asc', id: 'asc' } },
    ),
    em.find(
      HomeStudyCorrectiveAction,
      { homeStudyId },
      { orderBy: { dueOn: 'asc', createdAt: 'asc', id: 'asc' } },
    ),
    em.find(HomeStudyVisit, { homeStudyId }, { orderBy: { visitedOn: 'asc', id: 'asc' } }),
    em.count(HomeStudyDocument, { homeStudyId }),
  ]);
  const facts = assessmentFacts(assessments, actions);
  const recommendation = study.recommendation ?? null;
  return {
    homeStudyId: study.id,
    providerId: study.providerId,
    providerName: provider.name,
    providerStatus: provider.status,
    type: study.type as HomeStudyType,
    status: study.status as HomeStudyStatus,
    previousHomeStudyId: study.previousHomeStudyId ?? null,
    dueOn: study.dueOn ?? null,
    submission: study.submission,
    recommendation,
    recommendationText: study.recommendationText ?? null,
    submittedBy: study.submittedBy ?? null,
    submittedAt: study.submittedAt?.toISOString() ?? null,
    assessments: {
      total: assessments.length,
      passed: assessments.filter((a) => a.result === 'pass').length,
      failed: assessments.filter((a) => a.result === 'fail').length,
      conditionallyPassed: assessments.filter((a) => a.result === 'conditional-pass').length,
      openCorrectiveActions: openCorrectiveActions(facts),
    },
    visits: { total: visits.length, lastVisitedOn: visits.at(-1)?.visitedOn ?? null },
    documents,
    warnings: approvalWarnings(
      { recommendation, assessments: facts, visits: visits.length },
      today,
    ),
  };
}

function reStudyResult(study: HomeStudyRecord): ReStudyScheduled {
  return {
    homeStudyId: study.id,
    previousHomeStudyId: study.previousHomeStudyId as string,
    providerId: study.providerId,
    dueOn: study.dueOn as string,
  };
}

/**
 * CRD-7 "repeated at intervals after approval": creates the re-study of an approved home study —
 * a new home study, in progress, linked to it and due on `dueOn`. Idempotent: an approved home
 * study has at most one re-study, so asking again (or after a resource manager started it by hand)
 * returns that one.
 */
export async function scheduleReStudy(
  em: EntityManager,
  input: ScheduleReStudyInput,
): Promise<ReStudyScheduled> {
  let dueOn: CalendarDate;
  try {
    dueOn = parseCalendarDate(input.dueOn);
  } catch {
    throw new HomeStudyRefusal(
      'invalid',
      'CRD-7',
      `dueOn must be a date like 2027-03-15, not ${input.dueOn}`,
      'dueOn',
    );
  }
  const previous = await lockHomeStudy(em, input.homeStudyId);
  const existing = await em.findOne(HomeStudy, {
    previousHomeStudyId: previous.id,
    type: 're-study',
  });
  if (existing) return reStudyResult(existing);
  if (previous.status !== 'approved') {
    throw new HomeStudyRefusal(
      'conflict',
      'CRD-7',
      `Home study ${previous.id} is ${previous.status}; only an approved home study is repeated by a re-study`,
    );
  }
  const study = em.create(HomeStudy, {
    id: randomUUID(),
    providerId: previous.providerId,
    type: 're-study',
    status: 'in-progress',
    dueOn,
    previousHomeStudyId: previous.id,
    notes: null,
    submission: 0,
    ...newAudit(SYSTEM_ACTOR),
  });
  em.create(HomeStudyStatusChange, {
    homeStudyId: study.id,
    action: 'schedule',
    fromStatus: null,
    toStatus: 'in-progress',
    reason: `Re-study of home study ${previous.id} (approved ${previous.decidedOn}), due ${dueOn}`,
    recommendation: null,
    submission: 0,
    actor: SYSTEM_ACTOR.userId,
    decisionId: null,
    decidedOn: null,
    workflowId: null,
    at: new Date(),
  });
  return reStudyResult(study);
}
