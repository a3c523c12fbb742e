import { condition } from '@temporalio/workflow';

/**
 * One change at a time inside a process: update handlers and the process's own timed steps
 * (reminders, escalation, closing) each take the turn before changing state or calling an
 * activity, so one never observes the other half done — e.g. an escalation task being opened while
 * a signature closes it. Waiters are served as the turn frees up; the check and the take happen in
 * the same synchronous step, so two waiters woken together cannot both take it.
 */
export class Turn {
  private holder: string | null = null;

  async take(who: string): Promise<void> {
    while (this.holder !== null) await condition(() => this.holder === null);
    this.holder = who;
  }

  release(): void {
    this.holder = null;
  }

  /** Runs `body` holding the turn. */
  async with<T>(who: string, body: () => Promise<T>): Promise<T> {
    await this.take(who);
    try {
      return await body();
    } finally {
      this.release();
    }
  }
}
