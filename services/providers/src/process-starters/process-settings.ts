import type { Role } from '@platform/contracts';
import type { ProvidersConfig } from '../config.js';

/** Injection token of the settings the processes this service starts are given. */
export const PROCESS_SETTINGS = Symbol('PROCESS_SETTINGS');

/** How long people have at each human step of WF-1 and WF-3 and when WF-2 reminds (from configuration). */
export interface ProcessSettings {
  homeStudy: {
    decisionDays: number;
    reminderDaysBeforeDue: number;
    revisionDays: number;
    escalateToRoles: readonly Role[];
  };
  licenceReminderOffsetsDays: readonly number[];
  contract: {
    agencyName: string;
    signatureDays: number;
    reminderDaysBeforeDeadline: readonly number[];
    escalateToRoles: readonly Role[];
  };
}

export function processSettingsFrom(config: ProvidersConfig): ProcessSettings {
  return {
    homeStudy: {
      decisionDays: config.HOME_STUDY_DECISION_DAYS,
      reminderDaysBeforeDue: config.HOME_STUDY_REMINDER_DAYS_BEFORE_DUE,
      revisionDays: config.HOME_STUDY_REVISION_DAYS,
      escalateToRoles: config.HOME_STUDY_ESCALATION_ROLES,
    },
    licenceReminderOffsetsDays: config.LICENCE_REMINDER_OFFSETS_DAYS,
    contract: {
      agencyName: config.AGENCY_NAME,
      signatureDays: config.CONTRACT_SIGNATURE_DAYS,
      reminderDaysBeforeDeadline: config.CONTRACT_SIGNATURE_REMINDER_DAYS,
      escalateToRoles: config.CONTRACT_ESCALATION_ROLES,
    },
  };
}
