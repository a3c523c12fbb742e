import { z } from 'zod';
import { pageQuery, textInput } from '@platform/http';

export const CHANGE_KINDS = ['added', 'modified', 'replaced', 'deleted'] as const;

/** TAX-5: a version's recorded differences, filtered for the review list and its progress. */
export const listChangesQuery = pageQuery
  .extend({
    change: z.enum(CHANGE_KINDS).optional(),
    /** true: the review list (replaced, deleted, and the chosen modified terms). */
    needsReview: z.stringbool().optional(),
    /** false: still to decide; true: accepted or rejected. */
    decided: z.stringbool().optional(),
  })
  .strict();
export type ListChangesQuery = z.infer<typeof listChangesQuery>;

/** TAX-5: an administrator's review decision on one term. */
export const reviewDecisionBody = z
  .object({ comment: textInput(500).optional() })
  .strict()
  .optional();
export type ReviewDecisionBody = z.infer<typeof reviewDecisionBody>;
export const reviewDecisionExample = { comment: 'Indexes move to the replacement term' };
