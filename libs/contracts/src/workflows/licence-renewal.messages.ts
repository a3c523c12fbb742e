import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { Role } from '../roles.js';

/** WF-2: one renewal process per licence, from its approval to its end; a cycle per period. */
export const LICENCE_RENEWAL_WORKFLOW = 'licenceRenewal';

/** Deterministic id (ARCHITECTURE rule 4): an approved licence has one renewal process. */
export function licenceRenewalWorkflowId(licenceId: string): string {
  return `licence-renewal/${licenceId}`;
}

/** CRD-2 / WF-2: reminders before expiry, in days; the first one opens the renewal task. */
export const DEFAULT_LICENCE_REMINDER_OFFSETS_DAYS = [90, 60, 30] as const;

export interface LicenceRenewalInput {
  licenceId: string;
  providerId: string;
  /** YYYY-MM-DD: the last day of the current period; the cycle's reminders count back from it. */
  periodTo: string;
  /** Days before `periodTo` to remind, e.g. [90, 60, 30]; any order, duplicates ignored. */
  reminderOffsetsDays: readonly number[];
  /** 1 for the licence's first period, +1 for each renewal (the process continues as new). */
  cycle: number;
}

/**
 * A suspension or reinstatement of the licence (CRD-2) sent to its renewal process. Operators and
 * other processes send it to have the process record it (through the providers service); the
 * providers service sends it with `alreadyRecorded` after recording one made over its HTTP API,
 * so the process only follows.
 */
export interface LicenceStatusSignal {
  /** Idempotency key of the decision. */
  requestId: string;
  reason: string | null;
  decidedBy: string;
  decidedByRoles: readonly Role[];
  alreadyRecorded?: boolean;
}

export const suspendLicenceSignal = defineSignal<[LicenceStatusSignal]>('suspend');
export const reinstateLicenceSignal = defineSignal<[LicenceStatusSignal]>('reinstate');

/** WF-2: the renewal task's outcomes; a non-compliance needs a reason (CRD-2). */
export type LicenceRenewalOutcome = 'renew' | 'record-non-compliance';

export type LicenceRenewalStatus =
  | 'active'
  | 'renewal-due'
  | 'suspended'
  | 'recording-decision'
  | 'renewed'
  | 'non-compliant'
  | 'expired';

export interface LicenceRenewalState {
  status: LicenceRenewalStatus;
  cycle: number;
  periodTo: string;
  /** The renewal task, opened at the first reminder. */
  taskId: string | null;
  assignee: string | null;
  /** Offsets (days before expiry) whose reminders were sent this cycle. */
  remindersSent: number[];
  /** CRD-3 warnings shown with the renewal task (as of its opening). */
  trainingWarnings: string[];
}

export const licenceRenewalStateQuery = defineQuery<LicenceRenewalState>('state');

export interface LicenceRenewalResult {
  licenceId: string;
  status: 'non-compliant' | 'expired';
  cycle: number;
}
