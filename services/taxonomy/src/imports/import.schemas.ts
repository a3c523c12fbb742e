import { z } from 'zod';
import { pageQuery } from '@platform/http';
import { TERM_ELEMENTS } from '../versions/term-diff.js';

const flag = z
  .enum(['true', 'false'])
  .transform((value) => value === 'true')
  .default(false);

export const importQuery = z
  .object({
    /** TAX-5: put the update's changes on the review list before the version can publish. */
    reviewBeforeImport: flag,
    /** TAX-5: comma-separated, e.g. `name,definition`: modified terms to review by element (TERM_ELEMENTS). */
    reviewElements: z
      .string()
      .default('')
      .transform((text) =>
        text
          .split(',')
          .map((element) => element.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.enum(TERM_ELEMENTS))),
  })
  .strict();
export type ImportQuery = z.infer<typeof importQuery>;

export const listImportsQuery = pageQuery.strict();
export type ListImportsQuery = z.infer<typeof listImportsQuery>;
