import {
  condition,
  continueAsNew,
  log,
  setHandler,
  upsertMemo,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  licenceRenewalStateQuery,
  reinstateLicenceSignal,
  SearchAttributes,
  suspendLicenceSignal,
  SYSTEM_ACTOR,
  WorkQueues,
  type LicenceForRenewal,
  type LicenceRenewalResult,
  type LicenceRenewalState,
  type TaskDecision,
} from '@platform/contracts/workflows';
import {
  providersActivities as providers,
  tasksActivities as tasks,
} from '../shared/activities.js';
import { acceptDecisions } from '../shared/decide-handler.js';
import { openTask } from '../shared/open-task.js';
import { businessRejectionOf } from '../shared/business-rejection.js';
import { calendarDateAt, msUntil, workflowNow } from '../shared/clock.js';
import { calendarDateInput } from '../shared/invalid-input.js';
import { taskDecisionFields } from '../shared/decision-rules.js';
import { clearAssignee, followTaskAssignment } from '../shared/task-assignment.js';
import {
  checkRenewalDecision,
  LICENCE_RENEWAL_DECISION,
  RENEWAL_TASK_CLOSED_BY_PROCESS,
} from './policy.js';
import { expiryAt, expiryDay, reminderPlan, type PlannedReminder } from './reminder-schedule.js';
import { renewalPeriodEnd } from './renewal-period.js';
import { reminderMessage, renewalTaskDetails } from './renewal-task.js';
import { carriedRequestIds, suspendedAfter, type QueuedStatusSignal } from './status-signals.js';
import { renewalSummary } from './summary.js';
import type { LicenceRenewalRun } from './types.js';

/**
 * WF-2 / CRD-2: one cycle of a licence's renewal process — from the start of its period to its
 * end. Reminders before expiry (the first opens the renewal task, with the CRD-3 training
 * warnings); a resource manager renews or records non-compliance; suspensions and reinstatements
 * arrive as signals; without a decision the licence expires (which tells contracts). A renewal
 * continues as new for the next period, so the history stays small however long the licence lives.
 */
export async function licenceRenewal(input: LicenceRenewalRun): Promise<LicenceRenewalResult> {
  const { workflowId } = workflowInfo();
  const { licenceId, cycle } = input;
  const periodTo = calendarDateInput('periodTo', input.periodTo);

  const state: LicenceRenewalState = {
    status: input.suspended ? 'suspended' : 'active',
    cycle,
    periodTo,
    taskId: null,
    assignee: null,
    remindersSent: [],
    trainingWarnings: [],
  };
  let suspended = input.suspended ?? false;
  const handledRequestIds = new Set(input.handledRequestIds ?? []);
  const statusSignals: QueuedStatusSignal[] = [];
  let decision: TaskDecision | undefined;
  /** Set once the process settles the cycle at expiry: nobody decides the task from then on. */
  let settling = false;
  let refusals = 0;
  /** The licence as read when the renewal task opened. */
  let licence = null as LicenceForRenewal | null;

  const restingStatus = (): LicenceRenewalState['status'] =>
    suspended ? 'suspended' : state.taskId !== null ? 'renewal-due' : 'active';

  const publish = (status: LicenceRenewalState['status'] = state.status, detail?: string) => {
    state.status = status;
    upsertSearchAttributes([{ key: SearchAttributes.businessStatus, value: status }]);
    upsertMemo({ summary: renewalSummary(licence?.number ?? licenceId, state, detail) });
  };

  setHandler(licenceRenewalStateQuery, () => state);
  acceptDecisions(
    (proposed) =>
      checkRenewalDecision(
        proposed,
        decision === undefined && !settling ? state.taskId : null,
        suspendedAfter(suspended, statusSignals, handledRequestIds),
      ),
    (accepted) => {
      decision = accepted;
    },
  );
  // Signals only queue: the main loop records them one by one, in order, between its steps.
  setHandler(
    suspendLicenceSignal,
    (signal) => void statusSignals.push({ change: 'suspend', signal }),
  );
  setHandler(
    reinstateLicenceSignal,
    (signal) => void statusSignals.push({ change: 'reinstate', signal }),
  );
  followTaskAssignment(state, () => publish());

  upsertSearchAttributes([
    { key: SearchAttributes.providerId, value: input.providerId },
    { key: SearchAttributes.licenceId, value: licenceId },
  ]);
  publish();

  /** CRD-2: records (unless the providers service already has) each queued suspension/reinstatement. */
  async function applyStatusSignals(): Promise<void> {
    for (let next = statusSignals.shift(); next; next = statusSignals.shift()) {
      const { change, signal } = next;
      if (handledRequestIds.has(signal.requestId)) continue;
      handledRequestIds.add(signal.requestId);
      if (!signal.alreadyRecorded) {
        const decided = {
          licenceId,
          requestId: signal.requestId,
          decidedBy: signal.decidedBy,
          decidedByRoles: signal.decidedByRoles,
          workflowId,
        };
        try {
          if (change === 'suspend') {
            await providers.suspendLicence({ ...decided, reason: signal.reason ?? '' });
          } else {
            await providers.reinstateLicence({ ...decided, reason: signal.reason });
          }
        } catch (error) {
          const rejection = businessRejectionOf(error);
          if (!rejection) throw error;
          // The licence's status forbids the move (CRD-2), or the sender may not make it (ROLE):
          // nothing changed, so neither does the process.
          log.warn(`Licence ${change} refused: ${rejection.message}`, {
            requestId: signal.requestId,
            rule: rejection.type,
          });
          continue;
        }
      }
      suspended = change === 'suspend';
      if (['active', 'renewal-due', 'suspended'].includes(state.status)) publish(restingStatus());
    }
  }

  /** Waits until `at`, handling status signals meanwhile; returns early once a decision is made. */
  async function waitUntil(at: number): Promise<'decided' | 'due'> {
    for (;;) {
      await applyStatusSignals();
      if (decision !== undefined) return 'decided';
      const ms = msUntil(at);
      if (ms <= 0) return 'due';
      await condition(() => statusSignals.length > 0 || decision !== undefined, ms);
    }
  }

  /** WF-2 / CRD-3: the first reminder opens the renewal task, showing the training warnings. */
  async function openRenewalTask(first: PlannedReminder): Promise<string> {
    const read = await providers.getLicenceForRenewal({
      licenceId,
      onDate: calendarDateAt(workflowNow()),
    });
    const renewalTo = renewalPeriodEnd(periodTo, read.defaultValidityMonths);
    const taskId = await openTask(
      {
        requestKey: `${workflowId}/cycle/${cycle}/renewal`,
        workflowId,
        queue: WorkQueues.licenceRenewals,
        title: `Licence ${read.number} (${read.licenceTypeName}) expires on ${periodTo}: renew or record non-compliance`,
        subject: { type: 'licence', id: licenceId },
        priority: first.priority,
        dueAt: new Date(expiryAt(periodTo)).toISOString(),
        ...taskDecisionFields(LICENCE_RENEWAL_DECISION),
        details: renewalTaskDetails(read, periodTo, renewalTo),
      },
      (named) => {
        state.taskId = named;
      },
    );
    licence = read;
    state.trainingWarnings = [...read.trainingWarnings];
    upsertSearchAttributes([
      { key: SearchAttributes.workQueue, value: WorkQueues.licenceRenewals },
    ]);
    publish(restingStatus());
    return taskId;
  }

  async function sendReminder(taskId: string, reminder: PlannedReminder): Promise<void> {
    await tasks.remindTask({
      taskId,
      requestKey: `${workflowId}/cycle/${cycle}/reminder/${reminder.offsetDays}`,
      message: reminderMessage(
        licence?.number ?? licenceId,
        periodTo,
        calendarDateAt(workflowNow()),
      ),
      priority: reminder.priority,
    });
    state.remindersSent.push(reminder.offsetDays);
    publish();
  }

  /** Closes the open renewal task with how the process (or a person) ended it. */
  async function closeTask(outcome: string, decidedBy: string, reason: string | null) {
    if (state.taskId === null) return;
    await tasks.completeTask({ taskId: state.taskId, outcome, decidedBy, reason });
    upsertSearchAttributes([{ key: SearchAttributes.workQueue, value: null }]);
    clearAssignee(state);
  }

  /** The next cycle continues as new, so history stays small (one run per period). */
  async function nextCycle(newPeriodTo: string): Promise<never> {
    await applyStatusSignals();
    return continueAsNew<typeof licenceRenewal>({
      ...input,
      periodTo: newPeriodTo,
      cycle: cycle + 1,
      suspended,
      handledRequestIds: carriedRequestIds(handledRequestIds),
    });
  }

  /**
   * CRD-2: records the decision. A refusal by the providers service (the licence moved on
   * meanwhile) leaves the task open to decide again and tells whoever works it why.
   */
  async function recordDecision(decided: TaskDecision, opened: LicenceForRenewal) {
    const by = {
      licenceId,
      requestId: decided.taskId,
      decidedBy: decided.decidedBy.userId,
      decidedByRoles: decided.decidedBy.roles,
      workflowId,
    };
    const reason = decided.reason?.trim() || null;
    publish('recording-decision');
    try {
      if (decided.outcome === 'renew') {
        const recorded = await providers.renewLicence({
          ...by,
          newTo: renewalPeriodEnd(periodTo, opened.defaultValidityMonths),
          onDate: calendarDateAt(workflowNow()),
        });
        await closeTask('renew', by.decidedBy, reason);
        publish('renewed', `to ${recorded.period.to} by ${by.decidedBy}`);
        return await nextCycle(recorded.period.to);
      }
      await providers.recordLicenceNonCompliance({ ...by, reason: reason ?? '' });
      await closeTask('record-non-compliance', by.decidedBy, reason);
      publish('non-compliant', `(${reason}) by ${by.decidedBy}`);
      return { licenceId, status: 'non-compliant', cycle } satisfies LicenceRenewalResult;
    } catch (error) {
      const rejection = businessRejectionOf(error);
      if (!rejection || state.taskId === null) throw error;
      refusals += 1;
      await tasks.remindTask({
        taskId: state.taskId,
        requestKey: `${workflowId}/cycle/${cycle}/refused/${refusals}`,
        message: `The decision "${decided.outcome}" could not be recorded: ${rejection.message}`,
        priority: 'high',
      });
      decision = undefined;
      publish(restingStatus());
      return null;
    }
  }

  /**
   * WF-2 / CRD-2: the period ended without a decision in the process. The licence may have been
   * renewed or closed over the providers API meanwhile; otherwise it expires, which announces
   * `licence.expired` to the contracts that require it.
   */
  async function settleAtExpiry(): Promise<LicenceRenewalResult> {
    settling = true;
    const onDate = expiryDay(periodTo);
    const read = () => providers.getLicenceForRenewal({ licenceId, onDate });
    const renewedElsewhere = async (current: LicenceForRenewal) => {
      suspended = current.status === 'suspended';
      await closeTask(RENEWAL_TASK_CLOSED_BY_PROCESS.renewedElsewhere, SYSTEM_ACTOR.userId, null);
      publish('renewed', `to ${current.period.to} outside the process`);
      return nextCycle(current.period.to);
    };

    const current = await read();
    if (current.period.to > periodTo) return renewedElsewhere(current);
    if (current.status === 'non-compliant' || current.status === 'expired') {
      const outcome =
        current.status === 'expired'
          ? RENEWAL_TASK_CLOSED_BY_PROCESS.expired
          : RENEWAL_TASK_CLOSED_BY_PROCESS.closedElsewhere;
      await closeTask(outcome, SYSTEM_ACTOR.userId, null);
      publish(current.status, 'outside the process');
      return { licenceId, status: current.status, cycle };
    }
    try {
      await providers.expireLicence({ licenceId, onDate, workflowId });
    } catch (error) {
      // CRD-2 refuses to expire a licence whose period covers the day: renewed since the read.
      if (!businessRejectionOf(error)) throw error;
      const again = await read();
      if (again.period.to > periodTo) return renewedElsewhere(again);
      throw error;
    }
    await closeTask(
      RENEWAL_TASK_CLOSED_BY_PROCESS.expired,
      SYSTEM_ACTOR.userId,
      `The period ended on ${periodTo} without renewal (CRD-2)`,
    );
    publish('expired', `on ${onDate}`);
    return { licenceId, status: 'expired', cycle };
  }

  const plan = reminderPlan(periodTo, input.reminderOffsetsDays, workflowNow());
  let next = 0;
  for (;;) {
    const reminder = plan[next];
    const woke = await waitUntil(reminder ? reminder.at : expiryAt(periodTo));
    if (woke === 'decided') {
      // The validator accepts a decision only while the task is open, so the licence was read.
      const result = await recordDecision(decision as TaskDecision, licence as LicenceForRenewal);
      if (result) return result;
      continue;
    }
    if (!reminder) return settleAtExpiry();
    await sendReminder(state.taskId ?? (await openRenewalTask(reminder)), reminder);
    next += 1;
  }
}
