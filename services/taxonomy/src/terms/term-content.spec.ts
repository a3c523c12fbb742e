import { describe, expect, it } from '@jest/globals';
import { editedContent, withText, type TermContent } from './term-content.js';

const mentoring: TermContent = {
  parentCode: 'PH-1400',
  facet: 'Service',
  custom: false,
  texts: [
    { language: 'en', name: 'Mentoring', definition: 'Pairs people.', useReferences: ['Coaching'] },
  ],
};

describe('term content', () => {
  it('TAX-6: a text in a new language is added, one in a known language replaced', () => {
    const french = withText(mentoring, {
      language: 'fr',
      name: 'Mentorat',
      definition: null,
      useReferences: [],
    });
    expect(french.texts.map((t) => [t.language, t.name])).toEqual([
      ['en', 'Mentoring'],
      ['fr', 'Mentorat'],
    ]);
    const renamed = withText(french, { ...mentoring.texts[0]!, name: 'Youth Mentoring' });
    expect(renamed.texts.map((t) => t.name)).toEqual(['Youth Mentoring', 'Mentorat']);
  });

  it('TAX-4: an edit changes only the fields it names', () => {
    const edited = editedContent(mentoring, { definition: null }, 'en', 'en');
    expect(edited.texts).toEqual([
      { language: 'en', name: 'Mentoring', definition: null, useReferences: ['Coaching'] },
    ]);
    expect(editedContent(mentoring, { parentCode: null }, 'en', 'en')).toEqual({
      ...mentoring,
      parentCode: null,
    });
  });

  it('TAX-6: editing a language the term lacks starts from the default language text', () => {
    const edited = editedContent(mentoring, { name: 'Mentoría' }, 'es', 'en');
    expect(edited.texts).toEqual([
      mentoring.texts[0],
      {
        language: 'es',
        name: 'Mentoría',
        definition: 'Pairs people.',
        useReferences: ['Coaching'],
      },
    ]);
  });
});
