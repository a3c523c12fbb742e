import { z } from 'zod';
import { DEFAULT_PORTS, kafkaVars, loadConfig, serviceVars } from '@platform/config';
import {
  DEFAULT_INVOICE_EXCEPTION_DAYS,
  DEFAULT_INVOICE_EXCEPTION_REMINDER_DAYS,
  ROLES,
} from '@platform/contracts';

export const financeConfigShape = {
  ...serviceVars('finance', DEFAULT_PORTS.finance),
  ...kafkaVars,
  /** WF-4: days the finance exception queue has to resolve a failed line item before it escalates. */
  INVOICE_EXCEPTION_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(90)
    .default(DEFAULT_INVOICE_EXCEPTION_DAYS),
  /** WF-4: days before that deadline that the queue (or the task's assignee) is reminded. */
  INVOICE_EXCEPTION_REMINDER_DAYS: z.coerce
    .number()
    .int()
    .min(0)
    .max(30)
    .default(DEFAULT_INVOICE_EXCEPTION_REMINDER_DAYS),
  /**
   * WF-4: who an overdue exception task escalates to, comma-separated roles. Empty (default): the
   * queue's supervisor roles, else its members — DOMAIN.md names no finance supervisor.
   */
  INVOICE_EXCEPTION_ESCALATION_ROLES: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part.length > 0),
    )
    .pipe(z.array(z.enum(ROLES))),
  /** Line items validated, matched and priced per set-based batch (ADR 0019). */
  INVOICE_PROCESSING_BATCH_SIZE: z.coerce.number().int().min(1).max(20000).default(1000),
};

export type FinanceConfig = ReturnType<typeof loadFinanceConfig>;

export function loadFinanceConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig('finance', financeConfigShape, env);
}
