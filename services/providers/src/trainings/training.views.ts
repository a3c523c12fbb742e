import { auditView } from '../shared/audit.js';
import { dateOrNull } from '../shared/view-values.js';
import type { MemberTrainingRecord, TrainingCourseRecord } from './training.entities.js';

const decimal = (value: number | string | null | undefined) =>
  value === null || value === undefined ? null : Number(value);

export type TrainingCourseView = ReturnType<typeof trainingCourseView>;

/** CRD-4: a course of the training registry as the API shows it. */
export function trainingCourseView(course: TrainingCourseRecord) {
  return {
    id: course.id,
    code: course.code,
    name: course.name,
    description: course.description ?? null,
    defaultCredits: Number(course.defaultCredits),
    creditVariations: course.creditVariations.map((variation) => ({ ...variation })),
    serviceProductId: course.serviceProductId ?? null,
    active: course.active,
    ...auditView(course),
  };
}

/** What is trained, by whom and for which provider's service: in the view and in the events. */
export function trainingDetails(training: MemberTrainingRecord) {
  return {
    kind: training.kind,
    courseCode: training.courseCode ?? null,
    courseName: training.courseName,
    trainingProviderName: training.trainingProviderName ?? null,
    providerId: training.providerId ?? null,
    serviceProductId: training.serviceProductId ?? null,
  };
}

export type MemberTrainingView = ReturnType<typeof memberTrainingView>;

/** CRD-4: a training of a member as the API shows it. */
export function memberTrainingView(training: MemberTrainingRecord) {
  return {
    id: training.id,
    memberId: training.memberId,
    ...trainingDetails(training),
    requirement: training.requirement ?? null,
    requiredBy: dateOrNull(training.requiredBy),
    status: training.status,
    approvedBy: training.approvedBy ?? null,
    approvedOn: dateOrNull(training.approvedOn),
    completedOn: dateOrNull(training.completedOn),
    units: decimal(training.units),
    waiverReason: training.waiverReason ?? null,
    waivedBy: training.waivedBy ?? null,
    waivedOn: dateOrNull(training.waivedOn),
    ...auditView(training),
  };
}
