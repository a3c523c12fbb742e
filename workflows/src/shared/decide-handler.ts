import { ApplicationFailure, setHandler } from '@temporalio/workflow';
import { decideUpdate, type TaskDecision } from '@platform/contracts/workflows';
import type { Rejection } from './decision-rules.js';

/**
 * Installs the process's `decide` update handler (ARCHITECTURE rule 6). `check` is its validator:
 * it runs before anything reaches the history, so a refused decision (wrong role, missing reason,
 * a task already decided) leaves the process exactly as it was; the caller sees the rejection as a
 * non-retryable ApplicationFailure of the rejection's type. `accept` takes an accepted decision.
 */
export function acceptDecisions(
  check: (proposed: TaskDecision) => Rejection | null,
  accept: (decision: TaskDecision) => void,
): void {
  setHandler(
    decideUpdate,
    (accepted) => {
      accept(accepted);
      return { taskId: accepted.taskId, outcome: accepted.outcome };
    },
    {
      validator: (proposed) => {
        const rejection = check(proposed);
        if (rejection) throw ApplicationFailure.create({ ...rejection, nonRetryable: true });
      },
    },
  );
}
