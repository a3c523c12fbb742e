import { setHandler, upsertMemo, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import {
  invoiceExceptionStateQuery,
  SearchAttributes,
  WorkQueues,
  type InvoiceExceptionInput,
  type InvoiceExceptionResult,
  type InvoiceExceptionState,
  type InvoiceExceptionStatus,
  type TaskDecision,
} from '@platform/contracts/workflows';
import { financeActivities as finance, tasksActivities as tasks } from '../shared/activities.js';
import { calendarDateAt, DAY_MS, workflowNow } from '../shared/clock.js';
import { acceptDecisions } from '../shared/decide-handler.js';
import { awaitWithReminderAndEscalation } from '../shared/deadline.js';
import { taskDecisionFields } from '../shared/decision-rules.js';
import { openTask } from '../shared/open-task.js';
import { clearAssignee, followTaskAssignment } from '../shared/task-assignment.js';
import {
  checkExceptionDecision,
  EXCEPTION_TASK_PRIORITY,
  INVOICE_EXCEPTION_DECISION,
  REMINDER_PRIORITY,
} from './policy.js';
import { invoiceExceptionSummary, type SummaryFacts } from './summary.js';
import { exceptionTaskContent, lineLabel, stillFailingNote } from './task-content.js';

/**
 * WF-4 (FIN-6): a failed invoice line item waits in the finance exception queue until its user
 * modifies it and resubmits it — processing runs again: accepted, the task closes and the line is
 * resolved; still failing, the same task is updated with the new reasons and the wait goes on — or
 * denies it with a reason. The task is reminded before it is due and escalated once overdue; the
 * line stays open until resolved or denied. The finance service records every step; this process
 * orders them and keeps the clock.
 */
export async function invoiceException(
  input: InvoiceExceptionInput,
): Promise<InvoiceExceptionResult> {
  const { workflowId } = workflowInfo();
  const state: InvoiceExceptionState = {
    status: 'awaiting-resolution',
    taskId: null,
    assignee: null,
    attempt: input.attempt,
    failures: input.failures,
    attempts: [],
    escalated: false,
  };
  /** The decision accepted by the `decide` update and not yet carried out. */
  const pending: { decision: TaskDecision | null } = { decision: null };
  const dueAt = workflowNow() + input.resolutionDays * DAY_MS;
  const facts: SummaryFacts = { dueOn: calendarDateAt(dueAt) };
  const label = lineLabel(input);
  let reminded = false;

  const publish = (status: InvoiceExceptionStatus) => {
    state.status = status;
    upsertSearchAttributes([
      { key: SearchAttributes.businessStatus, value: status },
      {
        key: SearchAttributes.workQueue,
        value: state.taskId ? WorkQueues.financeExceptions : null,
      },
    ]);
    upsertMemo({ summary: invoiceExceptionSummary(input, state, facts) });
  };

  setHandler(invoiceExceptionStateQuery, () => state);
  followTaskAssignment(state);
  acceptDecisions(
    (proposed) =>
      checkExceptionDecision(proposed, {
        openTaskId: state.taskId,
        busy: pending.decision !== null || state.status === 'revalidating',
      }),
    (accepted) => {
      pending.decision = accepted;
    },
  );

  upsertSearchAttributes([
    { key: SearchAttributes.providerId, value: input.providerId },
    { key: SearchAttributes.invoiceId, value: input.invoiceId },
  ]);

  const taskId = await openTask(
    {
      requestKey: `${workflowId}/task`,
      workflowId,
      queue: WorkQueues.financeExceptions,
      subject: { type: 'invoice-line-item', id: input.lineItemId },
      priority: EXCEPTION_TASK_PRIORITY,
      dueAt: new Date(dueAt).toISOString(),
      ...exceptionTaskContent(input, state.failures, state.attempt),
      ...taskDecisionFields(INVOICE_EXCEPTION_DECISION),
    },
    (named) => {
      state.taskId = named;
    },
  );
  publish('awaiting-resolution');

  for (let resubmission = 1; ;) {
    await awaitDecision();
    const decision = pending.decision as TaskDecision;
    const decidedBy = decision.decidedBy.userId;

    if (decision.outcome === 'deny') {
      // FIN-6: a denial needs its reason; the validator refused one without.
      const reason = (decision.reason ?? '').trim();
      state.attempts.push({ ...current(), decidedBy, outcome: 'denied' });
      await finance.denyInvoiceLine({ lineItemId: input.lineItemId, reason, deniedBy: decidedBy });
      return close('denied', { outcome: 'deny', decidedBy, reason });
    }

    state.attempts.push({ ...current(), decidedBy, outcome: 'resubmitted' });
    publish('revalidating');
    const processed = await finance.resubmitInvoiceLine({
      lineItemId: input.lineItemId,
      requestKey: `${workflowId}/resubmit/${resubmission}`,
      resubmittedBy: decidedBy,
    });
    state.attempt = processed.attempt;
    switch (processed.outcome) {
      case 'accepted':
        facts.paymentId = processed.paymentId;
        return close('resolved', { outcome: 'resubmitted', decidedBy, reason: null });
      case 'stopped':
        // FIN-5: a fixed-fee contract covers the line; processing stopped for good.
        state.failures = processed.failures;
        return close('stopped', {
          outcome: 'stopped',
          decidedBy,
          reason: processed.failures.map((failure) => failure.message).join('; ') || null,
        });
      case 'denied':
        // Denied already (a retried denial): nothing was processed.
        return close('denied', { outcome: 'denied', decidedBy, reason: null });
      case 'failed':
        state.failures = processed.failures;
        await tasks.updateTaskDetails({
          taskId,
          requestKey: `${workflowId}/details/${resubmission}`,
          ...exceptionTaskContent(input, state.failures, state.attempt),
          note: stillFailingNote(decidedBy, state.attempt),
        });
        resubmission += 1;
        pending.decision = null;
        publish(state.escalated ? 'escalated' : 'awaiting-resolution');
    }
  }

  /**
   * Waits for the next decision on the task, reminding once before it is due and escalating once
   * overdue — each once per process, however many resubmissions failed in between (WF-4).
   */
  async function awaitDecision(): Promise<void> {
    const decided = () => pending.decision !== null;
    await awaitWithReminderAndEscalation(decided, {
      remindAt: dueAt - input.reminderDaysBeforeDue * DAY_MS,
      dueAt,
      remind: async () => {
        if (reminded) return;
        reminded = true;
        await tasks.remindTask({
          taskId,
          requestKey: `${workflowId}/reminder`,
          message: `${label}: resolution due on ${facts.dueOn}`,
          priority: REMINDER_PRIORITY,
        });
      },
      escalate: async () => {
        if (state.escalated) return;
        await tasks.escalateTask({
          taskId,
          requestKey: `${workflowId}/escalation`,
          message: `${label}: resolution overdue since ${facts.dueOn}`,
          ...(input.escalateToRoles ? { toRoles: input.escalateToRoles } : {}),
        });
        state.escalated = true;
        if (!decided()) publish('escalated');
      },
    });
  }

  function current() {
    return { attempt: state.attempt, failures: state.failures };
  }

  /** Closes the task saying how the line ended, and ends the process. */
  async function close(
    status: InvoiceExceptionResult['status'],
    completion: { outcome: string; decidedBy: string; reason: string | null },
  ): Promise<InvoiceExceptionResult> {
    await tasks.completeTask({ taskId, ...completion });
    if (status === 'denied') facts.reason = completion.reason;
    clearAssignee(state);
    publish(status);
    return {
      lineItemId: input.lineItemId,
      status,
      attempts: state.attempt,
      paymentId: facts.paymentId ?? null,
    };
  }
}
