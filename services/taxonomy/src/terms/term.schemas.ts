import { z } from 'zod';
import { pageQuery, textInput } from '@platform/http';
import { USER_DISPLAY_STATES, DISPLAY_STATES } from './display-states.js';
import { languageInput } from './language-tags.js';

/**
 * A term code: letters, digits and `.`, `-`, `_` (AIRS codes look like "PH-1400.5000-500";
 * custom codes follow the same alphabet so they are safe in paths and compound indexes).
 */
export const termCodeInput = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$/, 'must be letters, digits, ".", "-" or "_"');

const useReferences = z.array(textInput(200)).max(100);
const definition = textInput(4000).nullable();
const facet = textInput(100).nullable();

export const listTermsQuery = pageQuery
  .extend({
    /** Children of this term; `parentCode=` (empty) is not a filter. */
    parentCode: termCodeInput.optional(),
    /** Contained in the term's name (in the language shown), case-insensitive. */
    q: textInput(200).optional(),
    displayState: z.enum(DISPLAY_STATES).optional(),
    /** TAX-6: texts in this language, else the taxonomy's default language. */
    language: languageInput.optional(),
    /** TAX-3: administrators may ask for inactive-hidden terms too. */
    includeHidden: z
      .enum(['true', 'false'])
      .transform((value) => value === 'true')
      .optional(),
  })
  .strict();
export type ListTermsQuery = z.infer<typeof listTermsQuery>;

export const termLanguageQuery = z.object({ language: languageInput.optional() }).strict();
export type TermLanguageQuery = z.infer<typeof termLanguageQuery>;

export const addTermBody = z
  .object({
    code: termCodeInput,
    /** Null or absent: a top-level term (a category). */
    parentCode: termCodeInput.nullable().optional(),
    name: textInput(300),
    definition: definition.optional(),
    useReferences: useReferences.optional(),
    facet: facet.optional(),
    /** The language of the text; the taxonomy's default language when absent. */
    language: languageInput.optional(),
  })
  .strict();
export type AddTermBody = z.infer<typeof addTermBody>;
export const addTermExample = {
  code: 'YB-8000.2500-900',
  parentCode: 'YB-8000.2500',
  name: 'Girls in Sports',
  definition: 'Girls who take part in organised sports.',
  useReferences: ['Female Athletes'],
};

export const updateTermBody = z
  .object({
    parentCode: termCodeInput.nullable().optional(),
    name: textInput(300).optional(),
    definition: definition.optional(),
    useReferences: useReferences.optional(),
    facet: facet.optional(),
    /** The language of the text fields changed; the taxonomy's default language when absent. */
    language: languageInput.optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).some((key) => key !== 'language'), {
    message: 'change at least one of parentCode, name, definition, useReferences, facet',
  });
export type UpdateTermBody = z.infer<typeof updateTermBody>;
export const updateTermExample = { name: 'Youth Mentoring Programs' };

export const displayStateBody = z.object({ state: z.enum(DISPLAY_STATES) }).strict();
export type DisplayStateBody = z.infer<typeof displayStateBody>;
export const displayStateExample = { state: USER_DISPLAY_STATES[2] };

export const termTextBody = z
  .object({
    name: textInput(300),
    definition: definition.optional(),
    useReferences: useReferences.optional(),
  })
  .strict();
export type TermTextBody = z.infer<typeof termTextBody>;
export const termTextExample = {
  name: 'Mentorat des jeunes',
  definition: 'Programmes qui jumellent des jeunes avec des adultes bénévoles.',
  useReferences: ['Parrainage'],
};
