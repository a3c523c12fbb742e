import { z } from 'zod';
import { pageQuery } from '@platform/http';

export const listNoticesQuery = pageQuery
  .extend({
    /** `true`: only notices not read yet. Query strings carry text, so "true"/"false". */
    unread: z
      .enum(['true', 'false'])
      .transform((value) => value === 'true')
      .optional(),
  })
  .strict();
export type ListNoticesQuery = z.infer<typeof listNoticesQuery>;
