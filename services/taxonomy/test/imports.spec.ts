import {
  fixtureXml,
  importTaxonomy,
  SAMPLE,
  syntheticXml,
  type ImportAnswer,
} from './support/import-fixtures.js';
import { startTaxonomyApp, type TaxonomyApp } from './support/taxonomy-app.js';
import {
  ADMIN,
  CASE_WORKER,
  expectStatus,
  fields,
  OPERATOR,
  RESOURCE_MANAGER,
  type Problem,
} from './support/users.js';

let app: TaxonomyApp;

beforeAll(async () => {
  app = await startTaxonomyApp();
});

afterAll(async () => {
  await app.close();
});

/** What an import stored, counted (every table it writes). */
async function stored(versionId: string) {
  const [counts] = await app.query<Record<string, number>>(
    `select (select count(*)::int from term where version_id = $1) as terms,
            (select count(*)::int from term_text where version_id = $1) as texts,
            (select count(*)::int from term_see_also where version_id = $1) as "seeAlso",
            (select count(*)::int from term_related_concept where version_id = $1) as concepts,
            (select count(*)::int from term where version_id = $1 and level = 1) as "topLevel"`,
    [versionId],
  );
  return counts;
}

const taxonomyRows = (name: string) =>
  app.query<{ count: number }>(
    `select (select count(*)::int from taxonomy where name = $1)
          + (select count(*)::int from taxonomy_import where taxonomy_name = $1) as count`,
    [name],
  );

describe('taxonomy imports', () => {
  let sample: ImportAnswer;

  beforeAll(async () => {
    sample = expectStatus(
      await importTaxonomy(app, fixtureXml('la-county-sample.en.xml')),
      201,
      'importing the English sample',
    );
  });

  it('TAX-1: the first import creates the taxonomy and a version numbered by the release date, in editing', async () => {
    expect(sample).toMatchObject({
      kind: 'initial',
      status: 'editing',
      termCount: SAMPLE.termCount,
      changes: { added: SAMPLE.termCount, modified: 0, replaced: 0, deleted: 0, toReview: 0 },
    });
    const [version] = await app.query(
      `select v.version_label as label, v.release_date::text as "releaseDate", v.status,
              t.name, t.country, t.kind, t.default_language as language, v.created_by as "createdBy"
         from taxonomy_version v join taxonomy t using (taxonomy_id) where v.version_id = $1`,
      [sample.versionId],
    );
    expect(version).toEqual({
      label: SAMPLE.releaseDate,
      releaseDate: SAMPLE.releaseDate,
      status: 'editing',
      name: SAMPLE.name,
      country: 'US',
      kind: 'airs',
      language: 'en',
      createdBy: ADMIN,
    });
    expect(await stored(sample.versionId)).toEqual({
      terms: 31,
      texts: 31,
      seeAlso: 12,
      concepts: 7,
      topLevel: 3,
    });
  });

  it('TAX-1: terms keep their levels, parents, use references, see-also and related concepts', async () => {
    const [mentoring] = await app.query(
      `select t.level, t.parent_code as "parentCode", t.facet, x.name, x.use_references as "useReferences",
              array(select see_also_code from term_see_also s
                     where s.version_id = t.version_id and s.code = t.code order by 1) as "seeAlso",
              array(select concept_code || '=' || concept_name from term_related_concept c
                     where c.version_id = t.version_id and c.code = t.code order by 1) as concepts
         from term t join term_text x using (version_id, code)
        where t.version_id = $1 and t.code = 'PH-1400.5000-500' and x.language = 'en'`,
      [sample.versionId],
    );
    expect(mentoring).toEqual({
      level: 5,
      parentCode: 'PH-1400.5000',
      facet: 'Service',
      name: 'Youth Mentoring',
      useReferences: ['Big Brothers & Big Sisters', 'Youth Mentors'],
      seeAlso: ['PH-1400.8000'],
      concepts: ['YB-8000=Youth', 'YK-0300=At Risk Youth'],
    });
    const levels = await app.query<{ level: number; terms: number }>(
      'select level, count(*)::int as terms from term where version_id = $1 group by level order by level',
      [sample.versionId],
    );
    expect(levels).toEqual([
      { level: 1, terms: 3 },
      { level: 2, terms: 6 },
      { level: 3, terms: 11 },
      { level: 4, terms: 7 },
      { level: 5, terms: 3 },
      { level: 6, terms: 1 },
    ]);
  });

  it('TAX-1: the import is recorded with its size, term count and parse time', async () => {
    const record = expectStatus(
      await app.request<Record<string, unknown>>('GET', `/taxonomy-imports/${sample.importId}`, {
        user: OPERATOR,
      }),
      200,
      'reading the import',
    );
    expect(record).toMatchObject({
      importId: sample.importId,
      kind: 'initial',
      taxonomyId: sample.taxonomyId,
      versionId: sample.versionId,
      versionStatus: 'editing',
      language: 'en',
      releaseDate: SAMPLE.releaseDate,
      termCount: 31,
      bytes: Buffer.byteLength(fixtureXml('la-county-sample.en.xml')),
      importedBy: ADMIN,
    });
    expect(typeof record['parseMs']).toBe('number');
    const page = expectStatus(
      await app.request<{ items: { importId: string }[]; total: number }>(
        'GET',
        '/taxonomy-imports?limit=200',
        { user: ADMIN },
      ),
      200,
      'listing imports',
    );
    expect(page.items.map((item) => item.importId)).toContain(sample.importId);
  });

  it('TAX-6: the French file adds French texts to the same version: one version, two texts per term', async () => {
    const french = expectStatus(
      await importTaxonomy(app, fixtureXml('la-county-sample.fr.xml'), {
        contentType: 'text/xml; charset=utf-8',
      }),
      201,
      'importing the French sample',
    );
    expect(french).toMatchObject({
      kind: 'translation',
      taxonomyId: sample.taxonomyId,
      versionId: sample.versionId,
      status: 'editing',
      termCount: 31,
      translation: { unknownCodes: 0, untranslatedTerms: 0 },
    });
    const versions = await app.query(
      'select version_id from taxonomy_version where taxonomy_id = $1',
      [sample.taxonomyId],
    );
    expect(versions).toHaveLength(1);
    const texts = await app.query<{ language: string; count: number }>(
      `select language, count(*)::int as count from term_text where version_id = $1
        group by language order by language`,
      [sample.versionId],
    );
    expect(texts).toEqual([
      { language: 'en', count: 31 },
      { language: 'fr', count: 31 },
    ]);
    const [girls] = await app.query(
      `select name from term_text where version_id = $1 and code = 'YJ-3000' and language = 'fr'`,
      [sample.versionId],
    );
    expect(girls).toEqual({ name: 'Filles' });
    // References belong to the version, not a language: the translation did not double them.
    expect(await stored(sample.versionId)).toMatchObject({ terms: 31, seeAlso: 12, concepts: 7 });
  });

  it('TAX-1: the same release in the same language again is refused as already imported', async () => {
    const again = await importTaxonomy<Problem>(app, fixtureXml('la-county-sample.en.xml'));
    expect(again.status).toBe(409);
    expect(again.body.rule).toBe('TAX-1');
    expect(again.body.detail).toContain('release already imported');
  });

  it('TAX-1: an older release than the latest imported is refused', async () => {
    const older = fixtureXml('la-county-sample.en.xml').replace('2026-07-01', '2025-01-01');
    const reply = await importTaxonomy<Problem>(app, older);
    expect(reply.status).toBe(409);
    expect(reply.body.rule).toBe('TAX-1');
    expect(fields(reply.body)).toEqual(['releaseDate']);
  });

  it('TAX-1: a 9,200-term synthetic file imports with ten top-level categories', async () => {
    const answer = expectStatus(
      await importTaxonomy(app, syntheticXml({ seed: 5 })),
      201,
      'importing the synthetic file',
    );
    expect(answer).toMatchObject({ kind: 'initial', status: 'editing', termCount: 9_200 });
    const counts = await stored(answer.versionId);
    expect(counts).toMatchObject({ terms: 9_200, texts: 9_200, topLevel: 10 });
    expect(counts?.['seeAlso']).toBeGreaterThan(4_000);
    expect(counts?.['concepts']).toBeGreaterThan(4_000);
    const [deepest] = await app.query(
      'select max(level)::int as level from term where version_id = $1',
      [answer.versionId],
    );
    expect(deepest).toEqual({ level: 6 });
  });

  it('TAX-1: malformed XML halfway is a 422 naming the rule and line, and nothing is stored', async () => {
    const name = 'Broken Taxonomy';
    const xml = syntheticXml({ count: 2_000, seed: 9 }).replace(
      'Synthetic 211 Taxonomy of Human Services',
      name,
    );
    const half = xml.indexOf('</name>', xml.length / 2);
    const broken = `${xml.slice(0, half)}</nam>${xml.slice(half + '</name>'.length)}`;
    const reply = await importTaxonomy<Problem>(app, broken);
    expect(reply.status).toBe(422);
    expect(reply.body.rule).toBe('TAX-1');
    expect(fields(reply.body)).toEqual(['xml']);
    const termStart = xml.lastIndexOf('<term code="', half) + '<term code="'.length;
    const code = xml.slice(termStart, xml.indexOf('"', termStart));
    const line = xml.slice(0, half).split('\n').length;
    expect(reply.body.detail).toContain(`line ${line}, column`);
    expect(reply.body.detail).toContain(`term ${code}: unexpected close tag`);
    expect(await taxonomyRows(name)).toEqual([{ count: 0 }]);
    const [staging] = await app.query(
      `select count(*)::int as count from import_term i
        where not exists (select 1 from taxonomy_import t where t.import_id = i.import_id)`,
    );
    expect(staging).toEqual({ count: 0 });
  });

  it('TAX-1: a term without a name is a 422 naming the field and term', async () => {
    const xml = fixtureXml('la-county-sample.en.xml')
      .replace('Target Populations', 'Sample Without Name')
      .replace('<name>Girls</name>', '');
    const reply = await importTaxonomy<Problem>(app, xml.replace(SAMPLE.name, 'Nameless Sample'));
    expect(reply.status).toBe(422);
    expect(reply.body.rule).toBe('TAX-1');
    expect(fields(reply.body)).toEqual(['name']);
    expect(reply.body.detail).toContain('term YJ-3000');
    expect(await taxonomyRows('Nameless Sample')).toEqual([{ count: 0 }]);
  });

  it('TAX-1: a term whose parent is not in the file is refused', async () => {
    const xml = fixtureXml('la-county-sample.en.xml')
      .replace(SAMPLE.name, 'Orphan Sample')
      .replace(/<term code="YK" level="2">[\s\S]*?<\/term>/, '');
    const reply = await importTaxonomy<Problem>(app, xml);
    expect(reply.status).toBe(422);
    expect(fields(reply.body)).toEqual(['parent']);
    expect(reply.body.detail).toContain('YK-0300');
    expect(await taxonomyRows('Orphan Sample')).toEqual([{ count: 0 }]);
  });

  it.each([
    ['a resource manager', RESOURCE_MANAGER],
    ['a case worker', CASE_WORKER],
    ['an operator', OPERATOR],
  ])('ROLE: %s may not import a taxonomy (403)', async (_who, user) => {
    const xml = fixtureXml('la-county-sample.en.xml').replace(SAMPLE.name, 'Forbidden Sample');
    const reply = await importTaxonomy<Problem>(app, xml, { user });
    expect(reply.status).toBe(403);
    expect(await taxonomyRows('Forbidden Sample')).toEqual([{ count: 0 }]);
  });

  it('ROLE: case workers do not see the imports', async () => {
    const reply = await app.request('GET', '/taxonomy-imports', { user: CASE_WORKER });
    expect(reply.status).toBe(403);
  });

  it('TAX-1: a file that is not sent as XML is refused with 415', async () => {
    const xml = fixtureXml('la-county-sample.en.xml').replace(SAMPLE.name, 'Plain Sample');
    const reply = await importTaxonomy<Problem>(app, xml, { contentType: 'text/plain' });
    expect(reply.status).toBe(415);
    expect(reply.contentType).toContain('application/problem+json');
    expect(fields(reply.body)).toEqual(['Content-Type']);
    expect(await taxonomyRows('Plain Sample')).toEqual([{ count: 0 }]);
  });

  it('TAX-1: review elements must be elements of a term', async () => {
    const reply = await importTaxonomy<Problem>(app, fixtureXml('la-county-sample.en.xml'), {
      reviewElements: ['name', 'colour'],
    });
    expect(reply.status).toBe(400);
    expect(fields(reply.body)[0]).toContain('reviewElements');
  });
});

describe('taxonomy import size limit', () => {
  let small: TaxonomyApp;

  beforeAll(async () => {
    small = await startTaxonomyApp({ TAXONOMY_IMPORT_MAX_BYTES: '4096' });
  });

  afterAll(async () => {
    await small.close();
  });

  it('TAX-1: a file larger than TAXONOMY_IMPORT_MAX_BYTES is refused with 413 and nothing is stored', async () => {
    const reply = await importTaxonomy<Problem>(small, fixtureXml('la-county-sample.en.xml'));
    expect(reply.status).toBe(413);
    expect(reply.body.rule).toBe('TAX-1');
    const [rows] = await small.query('select count(*)::int as count from taxonomy_import');
    expect(rows).toEqual({ count: 0 });
  });
});
