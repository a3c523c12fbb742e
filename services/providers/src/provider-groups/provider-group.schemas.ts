import { z } from 'zod';
import { parseCalendarDate, type CalendarDate } from '@platform/kernel';
import { pageQuery } from '@platform/http';

export const calendarDate = z
  .string()
  .refine((value) => {
    try {
      parseCalendarDate(value);
      return true;
    } catch {
      return false;
    }
  }, 'must be a calendar date YYYY-MM-DD')
  .transform((value) => value as CalendarDate);

export const enrolGroupBody = z.object({ name: z.string().trim().min(1).max(200) }).strict();
export type EnrolGroupBody = z.infer<typeof enrolGroupBody>;

export const groupLifecycleBody = z
  .object({
    action: z.enum(['close', 'reopen']),
    reason: z.string().trim().max(2_000).nullable().optional(),
  })
  .strict();
export type GroupLifecycleBody = z.infer<typeof groupLifecycleBody>;

export const listGroupsQuery = pageQuery.extend({
  name: z.string().trim().min(1).max(200).optional(),
  status: z.enum(['active', 'closed']).optional(),
});
export type ListGroupsQuery = z.infer<typeof listGroupsQuery>;

export const affiliateBody = z
  .object({
    providerId: z.uuid('must be a UUID'),
    startDate: calendarDate,
    endDate: calendarDate.nullable().optional(),
    /** PRV-5: whether the provider's payments go to the group from the start date. */
    paymentsToGroup: z.boolean(),
  })
  .strict()
  .refine((body) => !body.endDate || body.endDate >= body.startDate, {
    path: ['endDate'],
    message: 'the affiliation cannot end before it starts',
  });
export type AffiliateBody = z.infer<typeof affiliateBody>;

export const paymentDirectionBody = z
  .object({ effectiveFrom: calendarDate, paymentsToGroup: z.boolean() })
  .strict();
export type PaymentDirectionBody = z.infer<typeof paymentDirectionBody>;

export const payeeQuery = z.object({ date: calendarDate });
export type PayeeQuery = z.infer<typeof payeeQuery>;
