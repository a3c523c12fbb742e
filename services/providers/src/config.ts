import { z } from 'zod';
import { DEFAULT_PORTS, kafkaVars, loadConfig, serviceVars } from '@platform/config';
import { ROLES } from '@platform/contracts';

/** CTR-4: the agency a contract document names when AGENCY_NAME is not configured. */
export const DEFAULT_AGENCY_NAME = 'County Department of Human Services';

export const providersConfigShape = {
  ...serviceVars('providers', DEFAULT_PORTS.providers),
  ...kafkaVars,
  /** PRV-2: how many days a resource manager has to decide an inquiry. */
  INQUIRY_DECISION_DAYS: z.coerce.number().int().min(1).max(90).default(5),
  /**
   * PRV-10: a waitlist entry's review date, when none is given, is this many days before its
   * expiry date (a service-level setting, the same for every waitlist).
   */
  WAITLIST_REVIEW_DAYS_BEFORE_EXPIRY: z.coerce.number().int().min(0).max(365).default(14),
  /** WF-1: days the supervisor has to decide a submitted home study. */
  HOME_STUDY_DECISION_DAYS: z.coerce.number().int().min(1).max(90).default(10),
  /** WF-1: days before the decision is due that the supervisor (or the queue) is reminded. */
  HOME_STUDY_REMINDER_DAYS_BEFORE_DUE: z.coerce.number().int().min(0).max(30).default(2),
  /**
   * WF-1: who an overdue home study decision is escalated to, comma-separated roles (a named
   * escalation role); default: the supervisors of the approvals queue.
   */
  HOME_STUDY_ESCALATION_ROLES: z
    .string()
    .default('resource-manager-supervisor')
    .transform((value) => value.split(',').map((part) => part.trim()))
    .pipe(z.array(z.enum(ROLES)).min(1)),
  /** WF-1: days the resource manager has to revise a home study the supervisor returned. */
  HOME_STUDY_REVISION_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  /** WF-2: days before a licence expires that renewal reminders go out, comma-separated. */
  LICENCE_REMINDER_OFFSETS_DAYS: z
    .string()
    .default('90,60,30')
    .transform((value) => value.split(',').map((part) => Number(part.trim())))
    .pipe(z.array(z.number().int().min(1).max(365)).min(1)),
  /** CTR-4 / WF-3: the agency named as a party in contract documents. */
  AGENCY_NAME: z.string().min(1).default(DEFAULT_AGENCY_NAME),
  /** WF-3: days the provider has to sign an issued (or re-issued) contract. */
  CONTRACT_SIGNATURE_DAYS: z.coerce.number().int().min(1).max(180).default(30),
  /** WF-3: days before the signature deadline that the provider is reminded, comma-separated. */
  CONTRACT_SIGNATURE_REMINDER_DAYS: z
    .string()
    .default('14,3')
    .transform((value) => value.split(',').map((part) => Number(part.trim())))
    .pipe(z.array(z.number().int().min(1).max(180)).min(1)),
  /** WF-3: who a passed signature deadline escalates to, comma-separated roles. */
  CONTRACT_ESCALATION_ROLES: z
    .string()
    .default('resource-manager')
    .transform((value) => value.split(',').map((part) => part.trim()))
    .pipe(z.array(z.enum(ROLES)).min(1)),
};

export type ProvidersConfig = ReturnType<typeof loadProvidersConfig>;

export function loadProvidersConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig('providers', providersConfigShape, env);
}
