import { condition } from '@temporalio/workflow';
import { msUntil, workflowNow } from './clock.js';

/** The timers of a human step: remind once before the due time, escalate once at it. */
export interface DeadlineSteps {
  /** Workflow time (ms) of the reminder; skipped when it is not in the future when the wait starts. */
  remindAt: number;
  /** Workflow time (ms) the decision is due. */
  dueAt: number;
  remind(): Promise<void>;
  escalate(): Promise<void>;
}

/**
 * Waits until `done()` holds (e.g. a decision arrived), reminding once at `remindAt` and escalating
 * once at `dueAt` while it still does not, then waiting on without further timers (ARCHITECTURE
 * rule 6: overdue tasks remind and escalate on timers). Each timer is a `condition(done, timeout)`,
 * so a decision cancels the pending timer at once instead of leaving it to fire.
 */
export async function awaitWithReminderAndEscalation(
  done: () => boolean,
  steps: DeadlineSteps,
): Promise<void> {
  if (steps.remindAt > workflowNow() && steps.remindAt < steps.dueAt) {
    if (await passesUndone(done, steps.remindAt)) await steps.remind();
  }
  if (await passesUndone(done, steps.dueAt)) await steps.escalate();
  await condition(done);
}

/**
 * True when the time `at` came with `done()` still false. A time already past starts no timer:
 * `condition(fn, 0)` would add a patch marker to the history for nothing.
 */
async function passesUndone(done: () => boolean, at: number): Promise<boolean> {
  if (done()) return false;
  const ms = msUntil(at);
  if (ms <= 0) return true;
  return !(await condition(done, ms));
}
