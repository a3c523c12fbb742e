import type { EntityManager } from '@mikro-orm/postgresql';
import type { CalendarDate } from '@platform/kernel';
import { findMembersMissingCourses, type TrainingGap } from '../trainings/training-compliance.js';

export interface LicenceTrainingCheck {
  /** CRD-3: the courses of the licence type. */
  mandatoryCourseCodes: string[];
  /** The day the members had to be active and trained on. */
  checkedOn: CalendarDate;
  /** Active members who neither completed nor waived a mandatory course, by name. */
  membersMissingCourses: TrainingGap[];
  /** One human-readable warning per such member; empty when the requirement is met. */
  warnings: string[];
}

/** CRD-3: the warning shown for one member who misses mandatory courses of the licence type. */
export function trainingWarning(licenceTypeCode: string, gap: TrainingGap): string {
  const plural = gap.missingCourseCodes.length > 1 ? 's' : '';
  return (
    `CRD-3: ${gap.memberName} (member ${gap.memberId}) has neither completed nor waived ` +
    `mandatory course${plural} ${gap.missingCourseCodes.join(', ')} of licence type ${licenceTypeCode}`
  );
}

/**
 * CRD-3: before a licence is approved (and when it is renewed) every member active at the provider
 * on the date must have completed or waived every mandatory course of its licence type; each one
 * who has not is a warning. A warning, not a refusal: the approval proceeds and the warnings are
 * recorded with it.
 */
export async function checkLicenceTraining(
  em: EntityManager,
  input: {
    providerId: string;
    licenceType: { code: string; mandatoryCourseCodes: readonly string[] };
    onDate: CalendarDate;
  },
): Promise<LicenceTrainingCheck> {
  const mandatoryCourseCodes = [...input.licenceType.mandatoryCourseCodes];
  const membersMissingCourses = await findMembersMissingCourses(em, {
    providerId: input.providerId,
    courseCodes: mandatoryCourseCodes,
    onDate: input.onDate,
  });
  return {
    mandatoryCourseCodes,
    checkedOn: input.onDate,
    membersMissingCourses,
    warnings: membersMissingCourses.map((gap) => trainingWarning(input.licenceType.code, gap)),
  };
}
