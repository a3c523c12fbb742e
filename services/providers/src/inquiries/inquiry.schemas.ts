import { z } from 'zod';
import { pageQuery } from '@platform/http';
import { calendarDateInput, nameFilter } from '../shared/common.schemas.js';
import { INQUIRY_STATUSES } from './inquiry.entity.js';

/** PRV-2 / SS-1: what an inquiry needs, from staff or a guest. */
export const submitInquiryBody = z
  .object({
    name: z.string().trim().min(1, 'name is required').max(200),
    email: z.email('must be an email address').nullable().optional(),
    phone: z
      .string()
      .trim()
      .regex(/^[+0-9 ()-]{5,30}$/, 'must be a phone number')
      .nullable()
      .optional(),
  })
  .strict()
  .refine((body) => body.email || body.phone, {
    message: 'give an email or a phone number so the agency can answer',
    path: ['email'],
  });

export type SubmitInquiryBody = z.infer<typeof submitInquiryBody>;

export const inquiryIdParam = z.uuid('must be a UUID');

export const listInquiriesQuery = pageQuery.extend({
  status: z.enum(INQUIRY_STATUSES).optional(),
  source: z.enum(['staff', 'guest']).optional(),
});

export type ListInquiriesQuery = z.infer<typeof listInquiriesQuery>;

/** PRV-2: the work queue lists undecided inquiries, oldest first. */
export const inquiryWorkQueueQuery = pageQuery.extend({
  source: z.enum(['staff', 'guest']).optional(),
  /** Case-insensitive part of the name. */
  name: nameFilter,
  /** Only those whose decision is overdue (true) or not yet due (false). */
  overdue: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  /** The date the queue is judged on; today (UTC) when absent. */
  asOf: calendarDateInput.optional(),
});
export type InquiryWorkQueueQuery = z.infer<typeof inquiryWorkQueueQuery>;

export const inquiryExample = {
  name: 'Sunrise Day Care',
  email: 'contact@sunrise.example',
  phone: '+1 555 0100',
};
