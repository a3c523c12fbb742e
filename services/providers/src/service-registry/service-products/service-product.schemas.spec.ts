import { describe, expect, it } from '@jest/globals';
import type { z } from 'zod';
import { createServiceProductBody, serviceProductExample } from './service-product.schemas.js';

const issuesOf = (result: z.ZodSafeParseResult<unknown>) =>
  result.success
    ? []
    : result.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }));

describe('service product body', () => {
  it('fills unspecified attendance and delivery settings with their defaults', () => {
    const parsed = createServiceProductBody.parse({
      name: 'Counselling',
      unitOfMeasure: 'session',
      payBasedOnAttendance: false,
      payBasedOnPlacement: false,
      delivery: { type: 'service-delivery' },
      paymentOptions: serviceProductExample.paymentOptions,
    });
    expect(parsed.attendanceTracking.rostersEnabled).toBe(false);
    expect(parsed.delivery).toMatchObject({ type: 'service-delivery', clients: 'single' });
    expect(parsed).toMatchObject({ serviceGroupIds: [], approvalCheckPercentage: 0 });
  });

  it('SVC-6: names the field and the rule when attendance reporting lacks daily attendance', () => {
    const result = createServiceProductBody.safeParse({
      ...serviceProductExample,
      payBasedOnAttendance: false,
      attendanceTracking: {
        ...serviceProductExample.attendanceTracking,
        reportingMethod: 'attendance',
        dailyAttendance: false,
      },
    });
    expect(issuesOf(result)).toEqual([
      {
        field: 'attendanceTracking.dailyAttendance',
        message: 'SVC-6: attendance reporting needs daily attendance',
      },
    ]);
  });

  it('SVC-4: names the rule when a product would be paid by attendance and by placement', () => {
    const result = createServiceProductBody.safeParse({
      ...serviceProductExample,
      payBasedOnPlacement: true,
    });
    expect(issuesOf(result)).toEqual([
      { field: 'payBasedOnPlacement', message: expect.stringMatching(/^SVC-4: /) },
    ]);
  });

  it('SVC-8: the approval check percentage stays within 0–100', () => {
    const result = createServiceProductBody.safeParse({
      ...serviceProductExample,
      approvalCheckPercentage: 101,
    });
    expect(issuesOf(result).map((issue) => issue.field)).toEqual(['approvalCheckPercentage']);
  });
});
