import type { CalendarDate } from '@platform/kernel';
import { auditView } from '../shared/audit.js';
import type { MemberTrainingRecord, TrainingCourseRecord } from './training.entities.js';

const date = (value: string | null | undefined) => (value ?? null) as CalendarDate | null;
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

export type MemberTrainingView = ReturnType<typeof memberTrainingView>;

/** CRD-4: a training of a member as the API shows it. */
export function memberTrainingView(training: MemberTrainingRecord) {
  return {
    id: training.id,
    memberId: training.memberId,
    kind: training.kind,
    courseCode: training.courseCode ?? null,
    courseName: training.courseName,
    trainingProviderName: training.trainingProviderName ?? null,
    providerId: training.providerId ?? null,
    serviceProductId: training.serviceProductId ?? null,
    requirement: training.requirement ?? null,
    requiredBy: date(training.requiredBy),
    status: training.status,
    approvedBy: training.approvedBy ?? null,
    approvedOn: date(training.approvedOn),
    completedOn: date(training.completedOn),
    units: decimal(training.units),
    waiverReason: training.waiverReason ?? null,
    waivedBy: training.waivedBy ?? null,
    waivedOn: date(training.waivedOn),
    ...auditView(training),
  };
}
