import { z } from 'zod';
import { TRAINING_KINDS, TRAINING_REQUIREMENTS, TRAINING_STATUSES } from '@platform/contracts';
import { pageQuery } from '@platform/http';
import { calendarDateInput, changingSomething, nameFilter } from '../shared/common.schemas.js';
import { addRuleIssues } from '../shared/rule-issues.js';
import { creditVariationIssues, hasAtMostTwoDecimals } from './training.rules.js';

const text = (max: number) => z.string().trim().min(1).max(max);

/** Credits and units: a non-negative number with at most two decimals (e.g. 1.5). */
export const creditsInput = z
  .number()
  .min(0)
  .max(99_999.99)
  .refine(hasAtMostTwoDecimals, 'at most two decimals');

/** SVC-10 / CRD-4: a course code as service products name it, e.g. FIRST-AID (stored upper-case). */
export const courseCodeInput = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'a course code like FIRST-AID')
  .transform((code) => code.toUpperCase());

/** PRV-3 classification codes, as the provider category/type registry names them. */
const classificationCode = text(60);

const creditVariation = z
  .object({
    categoryCode: classificationCode.nullable().default(null),
    typeCode: classificationCode.nullable().default(null),
    credits: creditsInput,
  })
  .strict();

const creditVariations = z
  .array(creditVariation)
  .max(100)
  .superRefine((variations, ctx) => {
    addRuleIssues(
      ctx,
      creditVariationIssues(variations).map((issue) => ({
        rule: 'CRD-4',
        ...issue,
        // relative to the array: the pipe prefixes `creditVariations`
        field: issue.field.replace(/^creditVariations\./, ''),
      })),
    );
  });

const courseFields = {
  name: text(200),
  description: z.string().trim().max(2_000).nullable(),
  defaultCredits: creditsInput,
  creditVariations,
  /** CRD-4: the training service product that delivers the course as a managed training. */
  serviceProductId: z.uuid('must be a UUID').nullable(),
  active: z.boolean(),
};

/** CRD-4: a course of the training registry. */
export const createTrainingCourseBody = z
  .object({
    code: courseCodeInput,
    ...courseFields,
    description: courseFields.description.default(null),
    creditVariations: courseFields.creditVariations.default([]),
    serviceProductId: courseFields.serviceProductId.default(null),
    active: courseFields.active.default(true),
  })
  .strict();
export type CreateTrainingCourseBody = z.infer<typeof createTrainingCourseBody>;

/** CRD-4: the code is the course's identity (service products name it), so it never changes. */
export const updateTrainingCourseBody = changingSomething(
  z
    .object({
      name: courseFields.name.optional(),
      description: courseFields.description.optional(),
      defaultCredits: courseFields.defaultCredits.optional(),
      creditVariations: courseFields.creditVariations.optional(),
      serviceProductId: courseFields.serviceProductId.optional(),
      active: courseFields.active.optional(),
    })
    .strict(),
);
export type UpdateTrainingCourseBody = z.infer<typeof updateTrainingCourseBody>;

const booleanFlag = z.enum(['true', 'false']).transform((value) => value === 'true');

export const listTrainingCoursesQuery = pageQuery.extend({
  /** Code or name contains (case-insensitive). */
  search: nameFilter,
  active: booleanFlag.optional(),
  serviceProductId: z.uuid('must be a UUID').optional(),
});
export type ListTrainingCoursesQuery = z.infer<typeof listTrainingCoursesQuery>;

/** CRD-4: the managed-training fields: required completion date, mandatory or recommended. */
const managedFields = {
  /** The training service product delivering the course (CRD-4). */
  serviceProductId: z.uuid('must be a UUID'),
  requirement: z.enum(TRAINING_REQUIREMENTS),
  /** The required completion date. */
  requiredBy: calendarDateInput,
};

/**
 * CRD-4: an unmanaged training, taken elsewhere: a registered course (`courseCode`) or a free-text
 * one (`courseName` with the `trainingProviderName`), optional units, the completion date.
 */
const unmanagedTrainingBody = z
  .object({
    kind: z.literal('unmanaged'),
    courseCode: courseCodeInput.optional(),
    courseName: text(200).optional(),
    trainingProviderName: text(200).nullable().default(null),
    units: creditsInput.nullable().default(null),
    completedOn: calendarDateInput,
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.courseCode !== undefined && body.courseName !== undefined) {
      addRuleIssues(ctx, [
        {
          rule: 'CRD-4',
          field: 'courseName',
          message:
            'give either courseCode (a registered course) or courseName (free text), not both',
        },
      ]);
    } else if (body.courseCode === undefined && body.courseName === undefined) {
      addRuleIssues(ctx, [
        {
          rule: 'CRD-4',
          field: 'courseCode',
          message: 'give courseCode (a registered course) or courseName (a course not registered)',
        },
      ]);
    } else if (body.courseName !== undefined && body.trainingProviderName === null) {
      addRuleIssues(ctx, [
        {
          rule: 'CRD-4',
          field: 'trainingProviderName',
          message: 'a course not registered is recorded with the name of its training provider',
        },
      ]);
    }
  });

/** CRD-4: a managed training of one member, arranged for one of the member's providers. */
const managedTrainingBody = z
  .object({ kind: z.literal('managed'), providerId: z.uuid('must be a UUID'), ...managedFields })
  .strict();

export const recordMemberTrainingBody = z.discriminatedUnion('kind', [
  unmanagedTrainingBody,
  managedTrainingBody,
]);
export type RecordMemberTrainingBody = z.infer<typeof recordMemberTrainingBody>;
export type UnmanagedTrainingBody = z.infer<typeof unmanagedTrainingBody>;
export type ManagedTrainingBody = z.infer<typeof managedTrainingBody>;

/** CRD-4: a managed training of a provider for one or more of its members (participants). */
export const assignProviderTrainingBody = z
  .object({
    ...managedFields,
    participantIds: z
      .array(z.uuid('must be a UUID'))
      .min(1, 'name at least one participant')
      .max(200)
      .refine((ids) => new Set(ids).size === ids.length, 'a participant is named once'),
  })
  .strict();
export type AssignProviderTrainingBody = z.infer<typeof assignProviderTrainingBody>;

export const completeTrainingBody = z
  .object({ completedOn: calendarDateInput, units: creditsInput.nullable().default(null) })
  .strict();
export type CompleteTrainingBody = z.infer<typeof completeTrainingBody>;

export const waiveTrainingBody = z
  .object({
    reason: z.string().trim().min(1, 'a waiver needs a reason').max(2_000),
    /** Defaults to today. */
    waivedOn: calendarDateInput.optional(),
  })
  .strict();
export type WaiveTrainingBody = z.infer<typeof waiveTrainingBody>;

export const listMemberTrainingsQuery = pageQuery.extend({
  kind: z.enum(TRAINING_KINDS).optional(),
  status: z.enum(TRAINING_STATUSES).optional(),
  courseCode: courseCodeInput.optional(),
  providerId: z.uuid('must be a UUID').optional(),
});
export type ListMemberTrainingsQuery = z.infer<typeof listMemberTrainingsQuery>;

export const listProviderTrainingsQuery = pageQuery.extend({
  status: z.enum(TRAINING_STATUSES).optional(),
  requirement: z.enum(TRAINING_REQUIREMENTS).optional(),
  memberId: z.uuid('must be a UUID').optional(),
  serviceProductId: z.uuid('must be a UUID').optional(),
  /** Only trainings required by this date or earlier. */
  requiredBy: calendarDateInput.optional(),
});
export type ListProviderTrainingsQuery = z.infer<typeof listProviderTrainingsQuery>;

export const trainingCreditsQuery = z.object({
  /** Weight courses by this provider's category and type (CRD-4). */
  providerId: z.uuid('must be a UUID').optional(),
  /** Count trainings completed on or before this date; defaults to today. */
  onDate: calendarDateInput.optional(),
  /** Count only trainings completed on or after this date. */
  since: calendarDateInput.optional(),
});
export type TrainingCreditsQuery = z.infer<typeof trainingCreditsQuery>;

export const trainingCourseExample: z.input<typeof createTrainingCourseBody> = {
  code: 'FIRST-AID',
  name: 'First aid for carers',
  description: 'Paediatric first aid, 6 hours',
  defaultCredits: 2,
  creditVariations: [{ categoryCode: 'FOSTER-CARE', typeCode: 'THERAPEUTIC', credits: 3 }],
  active: true,
};

export const recordMemberTrainingExample: z.input<typeof recordMemberTrainingBody> = {
  kind: 'unmanaged',
  courseName: 'Trauma-informed care',
  trainingProviderName: 'Springfield Community College',
  units: 4,
  completedOn: '2026-02-20',
};

export const assignProviderTrainingExample: z.input<typeof assignProviderTrainingBody> = {
  serviceProductId: '0199a3c2-9a10-7cc0-8d5e-000000000031',
  requirement: 'mandatory',
  requiredBy: '2026-06-30',
  participantIds: ['0199a3c2-9a10-7cc0-8d5e-000000000101'],
};
