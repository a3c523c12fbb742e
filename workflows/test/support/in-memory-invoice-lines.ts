import type {
  DenyInvoiceLineInput,
  FinanceActivities,
  FinanceProviderSummary,
  InvoiceLineFailure,
  ResubmitInvoiceLineInput,
  ResubmitInvoiceLineOutcome,
} from '@platform/contracts';

/** What processing makes of the next resubmission of a line, as a test scripts it. */
export type ScriptedProcessing =
  | { outcome: 'accepted'; paymentId: string }
  | { outcome: 'failed' | 'stopped'; failures: InvoiceLineFailure[] };

interface StoredLine {
  /** The latest processing attempt (1 = the first submission). */
  attempt: number;
  status: 'open' | 'resolved' | 'stopped' | 'denied';
  /** What the next resubmissions give, in order; an unscripted one fails with the same reasons. */
  script: ScriptedProcessing[];
  lastFailures: InvoiceLineFailure[];
  denial: DenyInvoiceLineInput | null;
}

/**
 * The finance service's WF-4 activities in memory: failed invoice lines whose resubmissions give
 * what a test scripts (accepted with a payment, still failing with new reasons, stopped by FIN-5),
 * and denials. Idempotent like the real ones: a resubmission retried with its request key answers
 * what the first run decided, a repeated denial changes nothing, and a denied line is not processed
 * again. Every call is recorded (the finance service's own tests cover the real rules).
 */
export class InMemoryInvoiceLines implements FinanceActivities {
  readonly resubmissions: ResubmitInvoiceLineInput[] = [];
  readonly denials: DenyInvoiceLineInput[] = [];
  private readonly lines = new Map<string, StoredLine>();
  private readonly decided = new Map<string, ResubmitInvoiceLineOutcome>();
  private held: Promise<void> | null = null;

  /** A line item that failed processing `attempt` for `failures`; resubmissions give `script`. */
  addFailedLine(
    lineItemId: string,
    failures: InvoiceLineFailure[],
    script: ScriptedProcessing[] = [],
    attempt = 1,
  ): void {
    this.lines.set(lineItemId, {
      attempt,
      status: 'open',
      script: [...script],
      lastFailures: failures,
      denial: null,
    });
  }

  /** A denial recorded outside the process (e.g. a retried deny that reached the service). */
  markDenied(lineItemId: string, denial: DenyInvoiceLineInput): void {
    const line = this.line(lineItemId);
    line.status = 'denied';
    line.denial = denial;
  }

  status(lineItemId: string): StoredLine['status'] {
    return this.line(lineItemId).status;
  }

  denialOf(lineItemId: string): DenyInvoiceLineInput | null {
    return this.line(lineItemId).denial;
  }

  /**
   * Holds the next resubmission until the returned function is called, so a test can act while a
   * line is being processed again.
   */
  holdNextResubmission(): () => void {
    let release = () => {};
    this.held = new Promise<void>((resolve) => {
      release = resolve;
    });
    return release;
  }

  async resubmitInvoiceLine(input: ResubmitInvoiceLineInput): Promise<ResubmitInvoiceLineOutcome> {
    this.resubmissions.push(input);
    const held = this.held;
    this.held = null;
    if (held) await held;
    const earlier = this.decided.get(input.requestKey);
    if (earlier) return earlier;
    const line = this.line(input.lineItemId);
    const outcome = this.process(line);
    this.decided.set(input.requestKey, outcome);
    return outcome;
  }

  async denyInvoiceLine(input: DenyInvoiceLineInput): Promise<void> {
    this.denials.push(input);
    const line = this.line(input.lineItemId);
    if (line.status === 'denied') return;
    line.status = 'denied';
    line.denial = input;
  }

  async describeProvider(input: { providerId: string }): Promise<FinanceProviderSummary | null> {
    return { providerId: input.providerId, name: null, status: 'approved' };
  }

  private process(line: StoredLine): ResubmitInvoiceLineOutcome {
    if (line.status === 'denied') return { outcome: 'denied', attempt: line.attempt };
    line.attempt += 1;
    const next = line.script.shift() ?? { outcome: 'failed', failures: line.lastFailures };
    const { attempt } = line;
    switch (next.outcome) {
      case 'accepted':
        line.status = 'resolved';
        return { outcome: 'accepted', attempt, paymentId: next.paymentId };
      case 'stopped':
        line.status = 'stopped';
        return { outcome: 'stopped', attempt, failures: next.failures };
      case 'failed':
        line.lastFailures = next.failures;
        return { outcome: 'failed', attempt, failures: next.failures };
    }
  }

  private line(lineItemId: string): StoredLine {
    const line = this.lines.get(lineItemId);
    if (!line) throw new Error(`no invoice line item ${lineItemId}`);
    return line;
  }
}
