import { z } from 'zod';
import { uuidInput } from '@platform/http';

/** TAX-8: a term code as the taxonomy writes it, e.g. "YB-8000.2500" or "PH-1400.5000-500". */
const termCode = z.string().trim().min(1, 'must not be blank').max(64);

/** TAX-8: one term, or a compound index of up to six terms in order. */
export const addIndexBody = z
  .object({
    /** Optional when exactly one taxonomy has a published version. */
    taxonomyId: uuidInput.optional(),
    termCodes: z.array(termCode).min(1).max(6),
  })
  .strict();
export type AddIndexBody = z.infer<typeof addIndexBody>;
export const addIndexExample = { termCodes: ['PH-1400.5000-500', 'YK-0300', 'YB-8000.2500'] };
