import {
  condition,
  setHandler,
  upsertMemo,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  homeStudyApprovalStateQuery,
  homeStudyDecidedElsewhereSignal,
  homeStudySubmittedSignal,
  SearchAttributes,
  WorkQueues,
  type HomeStudyApprovalInput,
  type HomeStudyApprovalResult,
  type HomeStudyApprovalState,
  type HomeStudyDecidedElsewhere,
  type HomeStudyDecisionOutcome,
  type HomeStudyDecisionSummary,
  type HomeStudySubmission,
  type TaskDecision,
} from '@platform/contracts/workflows';
import {
  providersActivities as providers,
  tasksActivities as tasks,
} from '../shared/activities.js';
import { acceptDecisions } from '../shared/decide-handler.js';
import { openTask } from '../shared/open-task.js';
import { calendarDateAt, DAY_MS, workflowNow } from '../shared/clock.js';
import { awaitWithReminderAndEscalation } from '../shared/deadline.js';
import { taskDecisionFields } from '../shared/decision-rules.js';
import { clearAssignee, followTaskAssignment } from '../shared/task-assignment.js';
import {
  checkHomeStudyDecision,
  DECISION_TASK_PRIORITY,
  ESCALATE_TO,
  HOME_STUDY_DECISION,
  REMINDER_PRIORITY,
  REVISION_ROLES,
} from './policy.js';
import { decisionTaskContent, revisionTaskContent } from './task-content.js';

/**
 * WF-1 (CRD-7): a resource manager submits a home study with a recommendation; the supervisor
 * approves, rejects (with the failure reason) or returns it for further review with comments, in
 * which case the resource manager revises and submits it again and the loop repeats. Reminders
 * and an escalation follow an overdue decision. Approval schedules the periodic re-study. The
 * providers service records every decision and keeps the status history; this process
 * orchestrates.
 *
 * Started by `signalWithStart` with the first submission; later ones arrive as signals, and a
 * submission number already seen (a redelivered `home-study.submitted`) is ignored.
 */
export async function homeStudyApproval(
  input: HomeStudyApprovalInput,
): Promise<HomeStudyApprovalResult> {
  const { workflowId } = workflowInfo();
  const state: HomeStudyApprovalState = {
    status: 'awaiting-submission',
    submission: 0,
    taskId: null,
    assignee: null,
    decisions: [],
    reStudy: null,
  };
  /** The newest submission received and not yet handled. */
  const inbox: { next: HomeStudySubmission | null } = { next: null };
  /**
   * The supervisor's decision on the open task, once accepted by the `decide` update — or one
   * recorded outside the process (the providers service's own endpoint), which the process follows.
   */
  const pending: {
    decision: TaskDecision | null;
    elsewhere: HomeStudyDecidedElsewhere | null;
  } = { decision: null, elsewhere: null };
  const undecided = () => pending.decision === null && pending.elsewhere === null;
  const progress = {
    openDecisionTaskId: null as string | null,
    revisionTaskId: null as string | null,
    decidedTaskIds: [] as string[],
  };
  let subject = `Home study ${input.homeStudyId}`;

  const publish = (status: HomeStudyApprovalState['status'], detail: string) => {
    state.status = status;
    upsertSearchAttributes([{ key: SearchAttributes.businessStatus, value: status }]);
    upsertMemo({ summary: `${subject} (submission ${state.submission}): ${detail}` });
  };
  const showQueue = (queue: string | null) =>
    upsertSearchAttributes([{ key: SearchAttributes.workQueue, value: queue }]);

  setHandler(homeStudyApprovalStateQuery, () => state);
  setHandler(homeStudySubmittedSignal, (submitted) => {
    const seen = Math.max(state.submission, inbox.next?.submission ?? 0);
    if (submitted.submission > seen) inbox.next = submitted;
  });
  setHandler(homeStudyDecidedElsewhereSignal, (recorded) => {
    if (recorded.submission === state.submission && progress.openDecisionTaskId !== null) {
      if (undecided()) pending.elsewhere = recorded;
    }
  });
  followTaskAssignment(state);
  acceptDecisions(
    (proposed) =>
      checkHomeStudyDecision(proposed, {
        ...progress,
        openDecisionTaskId: undecided() ? progress.openDecisionTaskId : null,
      }),
    (accepted) => {
      pending.decision = accepted;
    },
  );

  upsertSearchAttributes([
    { key: SearchAttributes.providerId, value: input.providerId },
    { key: SearchAttributes.homeStudyId, value: input.homeStudyId },
  ]);
  publish('awaiting-submission', 'awaiting its submission');

  for (;;) {
    await condition(() => inbox.next !== null);
    const submitted = inbox.next as HomeStudySubmission;
    inbox.next = null;
    state.submission = submitted.submission;

    // A resubmission is what the revision task asked for: it closes with it.
    if (progress.revisionTaskId !== null) {
      await tasks.completeTask({
        taskId: progress.revisionTaskId,
        outcome: 'resubmitted',
        decidedBy: submitted.submittedBy,
        reason: null,
      });
      progress.revisionTaskId = null;
      clearAssignee(state);
    }

    const study = await providers.getHomeStudyForApproval(input.homeStudyId);
    subject = `Home study of ${study.providerName}`;
    const dueAt = workflowNow() + input.decisionDays * DAY_MS;
    const dueOn = calendarDateAt(dueAt);
    pending.decision = null;
    pending.elsewhere = null;
    const taskId = await openTask(
      {
        requestKey: `${workflowId}/decision/${submitted.submission}`,
        workflowId,
        queue: WorkQueues.supervisorApprovals,
        subject: { type: 'home-study', id: input.homeStudyId },
        priority: DECISION_TASK_PRIORITY,
        dueAt: new Date(dueAt).toISOString(),
        ...decisionTaskContent(study, submitted, state.decisions),
        ...taskDecisionFields(HOME_STUDY_DECISION),
      },
      (named) => {
        progress.openDecisionTaskId = named;
        state.taskId = named;
      },
    );
    const task = { taskId };
    showQueue(WorkQueues.supervisorApprovals);
    publish('awaiting-decision', `awaiting the supervisor's decision, due ${dueOn}`);

    await awaitWithReminderAndEscalation(() => !undecided(), {
      remindAt: dueAt - input.reminderDaysBeforeDue * DAY_MS,
      dueAt,
      remind: async () => {
        await tasks.remindTask({
          taskId: task.taskId,
          requestKey: `${workflowId}/reminder/${submitted.submission}`,
          message: `${subject}: decision due on ${dueOn}`,
          priority: REMINDER_PRIORITY,
        });
      },
      escalate: async () => {
        await tasks.escalateTask({
          taskId: task.taskId,
          requestKey: `${workflowId}/escalation/${submitted.submission}`,
          message: `${subject}: decision overdue since ${dueOn}`,
          toRoles: input.escalateToRoles ?? ESCALATE_TO,
        });
        if (undecided()) {
          publish(
            'escalated',
            `decision overdue since ${dueOn}, escalated to ${(input.escalateToRoles ?? ESCALATE_TO).join(', ')}`,
          );
        }
      },
    });

    progress.openDecisionTaskId = null;
    progress.decidedTaskIds.push(task.taskId);
    // Widened: the compiler cannot see that the handlers above set these while the process waited.
    const decided = pending.decision as TaskDecision | null;
    const elsewhere = pending.elsewhere as HomeStudyDecidedElsewhere | null;
    const recorded = decided
      ? await recordDecision(task.taskId, decided)
      : (elsewhere as HomeStudyDecidedElsewhere);
    const { outcome, reason, decidedBy } = recorded;
    await tasks.completeTask({
      taskId: task.taskId,
      // A task nobody decided says why it closed; the decision itself is in the history.
      outcome: decided ? outcome : 'decided-elsewhere',
      decidedBy,
      reason,
    });
    clearAssignee(state);
    const summary: HomeStudyDecisionSummary = {
      submission: submitted.submission,
      outcome,
      reason,
      decidedBy,
    };
    state.decisions.push(summary);

    if (outcome === 'approve') {
      // CRD-7: an approved home study is repeated at the interval the providers service keeps.
      if (recorded.reStudyDueOn !== null) {
        state.reStudy = await providers.scheduleReStudy({
          homeStudyId: input.homeStudyId,
          dueOn: recorded.reStudyDueOn,
        });
      }
      showQueue(null);
      const reStudy = state.reStudy ? `; re-study due ${state.reStudy.dueOn}` : '';
      publish('approved', `approved by ${summary.decidedBy}${reStudy}`);
      return finished('approved');
    }
    if (outcome === 'reject') {
      showQueue(null);
      publish('rejected', `rejected by ${summary.decidedBy}: ${reason ?? ''}`);
      return finished('rejected');
    }

    const revisionDueAt = workflowNow() + input.revisionDays * DAY_MS;
    const revision = await tasks.createTask({
      requestKey: `${workflowId}/revision/${submitted.submission}`,
      workflowId,
      queue: WorkQueues.homeStudyRevisions,
      subject: { type: 'home-study', id: input.homeStudyId },
      dueAt: new Date(revisionDueAt).toISOString(),
      assignee: submitted.submittedBy,
      ...revisionTaskContent(study.providerName, summary),
      allowedOutcomes: [],
      outcomesRequiringReason: [],
      deciderRoles: REVISION_ROLES,
    });
    progress.revisionTaskId = revision.taskId;
    state.taskId = revision.taskId;
    state.assignee = submitted.submittedBy;
    upsertSearchAttributes([{ key: SearchAttributes.assignee, value: submitted.submittedBy }]);
    showQueue(WorkQueues.homeStudyRevisions);
    publish(
      'returned',
      `returned for further review by ${summary.decidedBy}, ` +
        `awaiting resubmission by ${submitted.submittedBy} (due ${calendarDateAt(revisionDueAt)})`,
    );
  }

  /** Records the supervisor's decision on the task in the providers service (CRD-7). */
  async function recordDecision(taskId: string, decided: TaskDecision) {
    const outcome = decided.outcome as HomeStudyDecisionOutcome;
    publish('recording-decision', `recording the supervisor's decision (${outcome})`);
    // A return records the supervisor's comments as its reason (CRD-7 status history).
    return providers.recordHomeStudyDecision({
      homeStudyId: input.homeStudyId,
      decisionId: taskId,
      outcome,
      reason: (outcome === 'return' ? decided.comment : decided.reason) ?? null,
      decidedBy: decided.decidedBy.userId,
      decidedByRoles: decided.decidedBy.roles,
      workflowId,
    });
  }

  function finished(status: HomeStudyApprovalResult['status']): HomeStudyApprovalResult {
    return {
      homeStudyId: input.homeStudyId,
      status,
      submissions: state.submission,
      reStudy: state.reStudy,
    };
  }
}
