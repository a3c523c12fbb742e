import { z } from 'zod';
import { pageQuery, textInput } from '@platform/http';

/** TAX-9: keyword search over indexed vocabulary, with filters; `q` or `termCode` is required. */
export const searchQuery = pageQuery
  .extend({
    /** Words of term names, use references or definitions; web-search syntax ("…", or, -). */
    q: textInput(200).optional(),
    /** The language to search in (TAX-6); default: each taxonomy's default language. */
    language: z
      .string()
      .trim()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en or fr-CA')
      .optional(),
    /** Only services indexed with this term or one of its descendants. */
    termCode: textInput(64).optional(),
    /** Only services of providers in this category (PRV-3). */
    category: textInput(100).optional(),
    /** Contained (case-insensitive) in an open service centre's address, city, region or postal code. */
    location: textInput(200).optional(),
  })
  .strict()
  .refine((query) => query.q !== undefined || query.termCode !== undefined, {
    path: ['q'],
    message: 'TAX-9: give words to search for (q) or a term (termCode)',
  });
export type SearchQuery = z.infer<typeof searchQuery>;
