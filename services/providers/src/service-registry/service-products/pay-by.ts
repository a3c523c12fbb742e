import type { PaymentChannel } from '@platform/contracts';
import type { RuleIssue } from '../../shared/rule-issues.js';

/** SVC-4: chosen when the product is created and never changed afterwards. */
export interface PayByFlags {
  payBasedOnAttendance: boolean;
  payBasedOnPlacement: boolean;
}

export const PAY_BY_FLAGS = ['payBasedOnAttendance', 'payBasedOnPlacement'] as const;

/**
 * SVC-4: how deliveries of the product may be paid. Invoices need no flag; a product paid by
 * placement cannot be paid by invoice or roster; one paid by attendance (rosters) cannot be paid by
 * invoice. (A fixed-fee contract pays regardless of the product, CTR-1, so it is no channel here.)
 */
export function paymentChannels(flags: PayByFlags): PaymentChannel[] {
  if (flags.payBasedOnPlacement) return ['placement'];
  if (flags.payBasedOnAttendance) return ['roster'];
  return ['invoice'];
}

/** SVC-4: paid by attendance means paid by roster, which a placement-paid product cannot be. */
export function payByIssues(flags: PayByFlags): RuleIssue[] {
  if (flags.payBasedOnAttendance && flags.payBasedOnPlacement) {
    return [
      {
        rule: 'SVC-4',
        field: 'payBasedOnPlacement',
        message:
          'a product paid by placement cannot be paid by roster, so it cannot also be paid based on attendance',
      },
    ];
  }
  return [];
}

/**
 * SVC-4: the flags a change asks to alter. They are fixed at creation; a product set up wrongly is
 * replaced by a new one with the right payment configuration, as the guide says.
 */
export function changedPayByFlags(
  stored: PayByFlags,
  requested: Partial<PayByFlags>,
): (keyof PayByFlags)[] {
  return PAY_BY_FLAGS.filter(
    (flag) => requested[flag] !== undefined && requested[flag] !== stored[flag],
  );
}
