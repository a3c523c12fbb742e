import type { LicenceRenewalInput } from '@platform/contracts/workflows';

/**
 * What one run of the renewal process starts from: the contract's input, plus what a run hands the
 * next when it continues as new (a cycle per period). Starters send only the contract's input.
 */
export interface LicenceRenewalRun extends LicenceRenewalInput {
  /** The licence was suspended when the previous cycle ended (CRD-2). */
  suspended?: boolean;
  /** Request ids of the status signals already handled, so a redelivered one changes nothing. */
  handledRequestIds?: readonly string[];
}
