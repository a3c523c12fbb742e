import type { TrainingKind, TrainingStatus } from '@platform/contracts';
import type { CalendarDate } from '@platform/kernel';

/**
 * CRD-4: the pure rules of trainings — credit weighting, credit totals and status transitions.
 * The services apply them inside a transaction; the unit tests prove each one.
 */
export {
  TRAINING_KINDS,
  TRAINING_REQUIREMENTS,
  TRAINING_STATUSES,
  type TrainingKind,
  type TrainingRequirement,
  type TrainingStatus,
} from '@platform/contracts';

/**
 * CRD-4: the credits of a course for providers of a category and/or a type. A variation names a
 * category, a type, or both; null matches any.
 */
export interface CreditVariation {
  categoryCode: string | null;
  typeCode: string | null;
  credits: number;
}

/** The classification of the provider whose weighting applies (PRV-3 category and type). */
export interface ProviderClassification {
  categoryCode: string | null;
  typeCode: string | null;
}

/**
 * CRD-4: what a course is worth for a provider of this classification. The most specific variation
 * wins: one naming both the category and the type, then one naming only the type, then one naming
 * only the category; without a matching variation (or without a provider) the default credits.
 */
export function creditsFor(
  course: { defaultCredits: number; creditVariations: readonly CreditVariation[] },
  provider: ProviderClassification | null,
): number {
  if (!provider) return course.defaultCredits;
  const matches = (variation: CreditVariation) =>
    (variation.categoryCode === null || variation.categoryCode === provider.categoryCode) &&
    (variation.typeCode === null || variation.typeCode === provider.typeCode);
  const specificity = (variation: CreditVariation) =>
    (variation.typeCode !== null ? 2 : 0) + (variation.categoryCode !== null ? 1 : 0);
  const best = course.creditVariations
    .filter(matches)
    .sort((a, b) => specificity(b) - specificity(a))[0];
  return best ? best.credits : course.defaultCredits;
}

/** CRD-4: a variation must name a category or a type, and no two may name the same pair. */
export function creditVariationIssues(
  variations: readonly CreditVariation[],
): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  const seen = new Set<string>();
  variations.forEach((variation, index) => {
    if (variation.categoryCode === null && variation.typeCode === null) {
      issues.push({
        field: `creditVariations.${index}`,
        message: 'a credit variation names a provider category, a provider type, or both',
      });
      return;
    }
    const key = `${variation.categoryCode ?? ''}\u0000${variation.typeCode ?? ''}`;
    if (seen.has(key)) {
      issues.push({
        field: `creditVariations.${index}`,
        message: 'another credit variation already names this category and type',
      });
    }
    seen.add(key);
  });
  return issues;
}

/** Credits and units are exact to two decimals: summed as hundredths, never as floats. */
export function sumCredits(values: readonly number[]): number {
  return values.reduce((total, value) => total + Math.round(value * 100), 0) / 100;
}

/** True when the number has at most two decimals (credits, units). */
export function hasAtMostTwoDecimals(value: number): boolean {
  return Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;
}

/** A training as the credit rules see it. */
export interface CreditedTraining {
  status: TrainingStatus;
  completedOn: CalendarDate | null;
  courseCode: string | null;
  units: number | null;
}

/**
 * CRD-4: the credits one training earns on a date. Only a training completed on or before the date
 * earns any (a waiver exempts, it does not earn). A registered course earns the course's credits
 * for the provider's classification; a free-text course, unknown to the registry, earns the units
 * recorded for it (none when not recorded).
 */
export function trainingCredits(
  training: CreditedTraining,
  course: { defaultCredits: number; creditVariations: readonly CreditVariation[] } | undefined,
  provider: ProviderClassification | null,
  onDate: CalendarDate,
): number {
  if (training.status !== 'completed' || !training.completedOn || training.completedOn > onDate) {
    return 0;
  }
  if (training.courseCode !== null) return course ? creditsFor(course, provider) : 0;
  return training.units ?? 0;
}

export type TrainingAction = 'approve' | 'complete' | 'waive';

/**
 * CRD-4: which statuses each action leaves. A managed training is approved once assigned, then
 * completed; it may be waived until it is completed. An unmanaged training is recorded already
 * completed, so no action applies to it.
 */
const ALLOWED_FROM: Record<TrainingAction, readonly TrainingStatus[]> = {
  approve: ['assigned'],
  complete: ['approved'],
  waive: ['assigned', 'approved'],
};

export const TRAINING_ACTION_RESULT: Record<TrainingAction, TrainingStatus> = {
  approve: 'approved',
  complete: 'completed',
  waive: 'waived',
};

/** CRD-4: why the action is refused, or null when it applies. */
export function trainingActionRefusal(
  training: { kind: TrainingKind; status: TrainingStatus },
  action: TrainingAction,
): string | null {
  if (training.kind === 'unmanaged') {
    return `CRD-4: an unmanaged training is recorded completed; it cannot be ${pastTense(action)}`;
  }
  if (!ALLOWED_FROM[action].includes(training.status)) {
    const from = ALLOWED_FROM[action].join(' or ');
    return `CRD-4: a ${training.status} training cannot be ${pastTense(action)} (only ${from} ones)`;
  }
  return null;
}

function pastTense(action: TrainingAction): string {
  return action === 'approve' ? 'approved' : action === 'complete' ? 'completed' : 'waived';
}
