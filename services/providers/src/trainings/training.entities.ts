import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { auditProperties } from '../shared/audit.js';
import {
  TRAINING_KINDS,
  TRAINING_REQUIREMENTS,
  TRAINING_STATUSES,
  type CreditVariation,
} from './training.rules.js';

/**
 * CRD-4: a training course as the administrator registered it. Service products (SVC-10) and
 * licence types (CRD-3) name their mandatory courses by `code`. Credits weight the course and may
 * vary by the provider category or type of the member's provider (`creditVariations`). A course
 * linked to a training service product can be run as a managed training.
 */
export const TrainingCourse = defineEntity({
  name: 'TrainingCourse',
  tableName: 'training_course',
  properties: {
    id: p.uuid().primary(),
    code: p.text(),
    name: p.text(),
    description: p.text().nullable(),
    defaultCredits: p.decimal('number').fieldName('default_credits'),
    creditVariations: p.json<CreditVariation[]>().fieldName('credit_variations'),
    serviceProductId: p.uuid().fieldName('service_product_id').nullable(),
    active: p.boolean(),
    ...auditProperties,
  },
});
export type TrainingCourseRecord = InferEntity<typeof TrainingCourse>;

/**
 * CRD-4: one training of one member. Managed trainings are run by the agency for a provider (a
 * training service product, a required completion date, mandatory or recommended, approved, then
 * completed with a date and units, or waived with a reason). Unmanaged trainings were taken
 * elsewhere: a registered course or a free-text course name, the training provider's name,
 * optional units and the completion date.
 */
export const MemberTraining = defineEntity({
  name: 'MemberTraining',
  tableName: 'member_training',
  properties: {
    id: p.uuid().primary(),
    memberId: p.uuid().fieldName('member_id'),
    kind: p.enum(TRAINING_KINDS),
    /** The registered course (upper-case code), null for a free-text unmanaged course. */
    courseCode: p.text().fieldName('course_code').nullable(),
    courseName: p.text().fieldName('course_name'),
    trainingProviderName: p.text().fieldName('training_provider_name').nullable(),
    /** Managed: the provider the training was arranged for. */
    providerId: p.uuid().fieldName('provider_id').nullable(),
    /** Managed: the training service product delivering the course. */
    serviceProductId: p.uuid().fieldName('service_product_id').nullable(),
    requirement: p.enum(TRAINING_REQUIREMENTS).nullable(),
    requiredBy: p.date().fieldName('required_by').nullable(),
    status: p.enum(TRAINING_STATUSES),
    approvedBy: p.text().fieldName('approved_by').nullable(),
    approvedOn: p.date().fieldName('approved_on').nullable(),
    completedOn: p.date().fieldName('completed_on').nullable(),
    units: p.decimal('number').nullable(),
    waiverReason: p.text().fieldName('waiver_reason').nullable(),
    waivedBy: p.text().fieldName('waived_by').nullable(),
    waivedOn: p.date().fieldName('waived_on').nullable(),
    ...auditProperties,
  },
});
export type MemberTrainingRecord = InferEntity<typeof MemberTraining>;

export const TRAINING_ENTITIES = [TrainingCourse, MemberTraining];
