import type { InvoiceExceptionInput, InvoiceLineFailure } from '@platform/contracts/workflows';

/** What a task shows: its title and the lines the person working it should read. */
export interface TaskContent {
  title: string;
  details: string[];
}

type LineNamed = Pick<
  InvoiceExceptionInput,
  'invoiceId' | 'invoiceReference' | 'lineItemId' | 'lineNumber'
>;

/** The line item in a title or the memo: "Invoice INV-2026-0042 line 3". */
export function lineLabel(line: Pick<LineNamed, 'invoiceReference' | 'lineNumber'>): string {
  return `Invoice ${line.invoiceReference} line ${line.lineNumber}`;
}

/** "1 reason", "2 reasons". */
export function reasonCount(failures: readonly InvoiceLineFailure[]): string {
  return `${failures.length} reason${failures.length === 1 ? '' : 's'}`;
}

/**
 * FIN-6 / WF-4: the exception task says why the line failed — one line per reason, naming its rule
 * and code — and how it ends: modify the line item through the finance API and resubmit it, or
 * deny it with a reason.
 */
export function exceptionTaskContent(
  line: LineNamed,
  failures: readonly InvoiceLineFailure[],
  attempt: number,
): TaskContent {
  return {
    title: `${lineLabel(line)}: failed processing (attempt ${attempt}, ${reasonCount(failures)})`,
    details: [
      ...failures.map((failure) => `${failure.rule} · ${failure.code}: ${failure.message}`),
      `Modify the line item (PATCH /invoices/${line.invoiceId}/line-items/${line.lineItemId}), ` +
        'then resubmit it; or deny it with a reason',
    ],
  };
}

/** WF-4: why the task's details changed, for its history. */
export function stillFailingNote(resubmittedBy: string, attempt: number): string {
  return `Resubmitted by ${resubmittedBy}; still failing (attempt ${attempt})`;
}
