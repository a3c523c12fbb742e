import {
  condition,
  setHandler,
  upsertMemo,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  inquiryTriageStateQuery,
  SearchAttributes,
  WorkQueues,
  type InquiryOutcome,
  type InquiryOutcomeRecorded,
  type InquiryTriageInput,
  type InquiryTriageState,
  type TaskDecision,
} from '@platform/contracts/workflows';
import {
  providersActivities as providers,
  tasksActivities as tasks,
} from '../shared/activities.js';
import { acceptDecisions } from '../shared/decide-handler.js';
import { DAY_MS } from '../shared/clock.js';
import { openTask } from '../shared/open-task.js';
import { checkDecision, taskDecisionFields } from '../shared/decision-rules.js';
import { INQUIRY_DECISION, INQUIRY_TASK_PRIORITY } from './policy.js';

/**
 * PRV-2: an inquiry waits in the inquiry work queue until a resource manager converts it into an
 * enrolled provider or closes it. The workflow owns the decision; the providers service records it.
 */
export async function inquiryTriage(input: InquiryTriageInput): Promise<InquiryOutcomeRecorded> {
  const { workflowId, startTime } = workflowInfo();
  const state: InquiryTriageState = { status: 'awaiting-decision', taskId: null, outcome: null };
  let decision: TaskDecision | undefined;

  setHandler(inquiryTriageStateQuery, () => state);
  acceptDecisions(
    (proposed) =>
      checkDecision(proposed, INQUIRY_DECISION, decision === undefined ? state.taskId : null),
    (accepted) => {
      decision = accepted;
    },
  );

  upsertSearchAttributes([
    { key: SearchAttributes.inquiryId, value: input.inquiryId },
    { key: SearchAttributes.businessStatus, value: state.status },
    { key: SearchAttributes.workQueue, value: WorkQueues.providerInquiries },
  ]);
  upsertMemo({ summary: `Inquiry from ${input.name} (${input.source}): awaiting a decision` });

  const taskId = await openTask(
    {
      requestKey: `${workflowId}/decision`,
      workflowId,
      queue: WorkQueues.providerInquiries,
      title: `Provider inquiry: ${input.name}`,
      subject: { type: 'provider-inquiry', id: input.inquiryId },
      priority: INQUIRY_TASK_PRIORITY,
      dueAt: new Date(startTime.getTime() + input.decisionDays * DAY_MS).toISOString(),
      ...taskDecisionFields(INQUIRY_DECISION),
    },
    (named) => {
      state.taskId = named;
    },
  );
  const task = { taskId };

  await condition(() => decision !== undefined);
  const decided = decision as TaskDecision;
  state.outcome = decided.outcome as InquiryOutcome;
  setStatus(state, 'recording-outcome', `Inquiry from ${input.name}: recording ${decided.outcome}`);

  const recorded = await providers.recordInquiryOutcome({
    inquiryId: input.inquiryId,
    outcome: state.outcome,
    reason: decided.reason ?? null,
    decidedBy: decided.decidedBy.userId,
    decidedByRoles: decided.decidedBy.roles,
    workflowId,
  });
  await tasks.completeTask({
    taskId: task.taskId,
    outcome: decided.outcome,
    decidedBy: decided.decidedBy.userId,
    reason: decided.reason ?? null,
  });

  setStatus(
    state,
    recorded.status,
    `Inquiry from ${input.name}: ${recorded.status} by ${decided.decidedBy.userId}`,
  );
  return recorded;
}

function setStatus(
  state: InquiryTriageState,
  status: InquiryTriageState['status'],
  summary: string,
) {
  state.status = status;
  upsertSearchAttributes([{ key: SearchAttributes.businessStatus, value: status }]);
  upsertMemo({ summary });
}
