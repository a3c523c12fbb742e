/**
 * TAX-4/TAX-6: what an edit can change about a term — where it sits, its facet and its text in
 * each language — kept as one value, so a direct edit of an editing version and a draft of the
 * published one (applied when it is republished) are written by the same code.
 */
export interface TermText {
  language: string;
  name: string;
  definition: string | null;
  useReferences: string[];
}

export interface TermContent {
  parentCode: string | null;
  facet: string | null;
  custom: boolean;
  texts: TermText[];
}

/** The content with one language's text added or replaced (TAX-6), languages in order. */
export function withText(content: TermContent, text: TermText): TermContent {
  const texts = content.texts.filter((t) => t.language !== text.language);
  texts.push(text);
  texts.sort((a, b) => a.language.localeCompare(b.language));
  return { ...content, texts };
}

/** What PATCH may change: fields of the term and of its text in one language. */
export interface TermEdit {
  parentCode?: string | null | undefined;
  facet?: string | null | undefined;
  name?: string | undefined;
  definition?: string | null | undefined;
  useReferences?: string[] | undefined;
}

/**
 * TAX-4: the content after an edit. Text fields change the text in `language` — or, when the
 * term has no text in it yet, a new text starting from the fallback text (the taxonomy's default
 * language), so a partial edit never leaves a text without a name.
 */
export function editedContent(
  content: TermContent,
  edit: TermEdit,
  language: string,
  fallbackLanguage: string,
): TermContent {
  const next: TermContent = {
    ...content,
    ...(edit.parentCode !== undefined ? { parentCode: edit.parentCode } : {}),
    ...(edit.facet !== undefined ? { facet: edit.facet } : {}),
  };
  if (edit.name === undefined && edit.definition === undefined && edit.useReferences === undefined)
    return next;
  const base =
    content.texts.find((t) => t.language === language) ??
    content.texts.find((t) => t.language === fallbackLanguage) ??
    content.texts[0];
  return withText(next, {
    language,
    name: edit.name ?? base?.name ?? '',
    definition: edit.definition !== undefined ? edit.definition : (base?.definition ?? null),
    useReferences: edit.useReferences ?? base?.useReferences ?? [],
  });
}
