import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TaxonomyFileHeader, TaxonomyFileTerm } from '../src/airs/taxonomy-file.js';
import { taxonomyXml } from '../src/airs/taxonomy-xml-writer.js';
import { importTaxonomy, type ImportAnswer } from './support/import-fixtures.js';
import { publish, term, versionStatus } from './support/review-requests.js';
import { releaseHeader, startReviewTestbed, type ReviewTestbed } from './support/review-testbed.js';
import type { TaxonomyApp } from './support/taxonomy-app.js';
import { expectStatus, fields, type Problem } from './support/users.js';

/**
 * TAX-6 with TAX-5: a translation adds a second description to a version that exists, so a newer
 * release is imported in the taxonomy's own language first; its translation then joins the new
 * version while it is pending review or editing.
 */
let testbed: ReviewTestbed;
let app: TaxonomyApp;

const name = '211 Translated Updates Taxonomy';
const english = (releaseDate: string): TaxonomyFileHeader => releaseHeader(releaseDate, name);
const french = (releaseDate: string): TaxonomyFileHeader => ({
  ...english(releaseDate),
  language: 'fr',
});

const FIRST: TaxonomyFileTerm[] = [
  term('B', 'Basic Needs'),
  term('BD', 'Food'),
  term('BD-1800', 'Emergency Food'),
  term('BD-1800.1900', 'Brown Bag Food Programs'),
];
/** Adds BD-1800.2250, deletes BD-1800.1900: pending user review. */
const SECOND: TaxonomyFileTerm[] = [...FIRST.slice(0, 3), term('BD-1800.2250', 'Food Vouchers')];
const SECOND_FR: TaxonomyFileTerm[] = [
  term('B', 'Besoins essentiels'),
  term('BD', 'Alimentation'),
  term('BD-1800', "Aide alimentaire d'urgence"),
  term('BD-1800.2250', 'Bons alimentaires'),
];
/** Adds BD-1800.3000 only: nothing to review, the version is editing. */
const THIRD: TaxonomyFileTerm[] = [...SECOND, term('BD-1800.3000', 'Food Banks')];
/** Its translation also renames BD-1800.2250, whose French text the update carried over. */
const THIRD_FR: TaxonomyFileTerm[] = [
  ...SECOND_FR.filter((t) => t.code !== 'BD-1800.2250'),
  term('BD-1800.2250', "Bons d'achat alimentaires"),
  term('BD-1800.3000', 'Banques alimentaires'),
];

let first: ImportAnswer;

const frenchName = async (versionId: string, code: string) =>
  (
    await app.query<{ name: string }>(
      `select name from term_text where version_id = $1 and code = $2 and language = 'fr'`,
      [versionId, code],
    )
  )[0]?.name;

beforeAll(async () => {
  testbed = await startReviewTestbed();
  app = testbed.app;
  first = await testbed.imported(taxonomyXml(english('2026-07-01'), FIRST));
  await publish(app, first.versionId);
});

afterAll(async () => {
  await testbed?.close();
});

describe('translations of a newer release (TAX-6, TAX-5)', () => {
  it("TAX-6: a newer release in another language than the taxonomy's is refused until its own-language file is imported", async () => {
    const reply = await importTaxonomy<Problem>(app, taxonomyXml(french('2026-10-01'), SECOND_FR));
    expect([reply.status, reply.body.rule, fields(reply.body)]).toEqual([
      409,
      'TAX-6',
      ['language'],
    ]);
    expect(reply.body.detail).toContain('import the en file of release 2026-10-01 first');
    const versions = await app.query(
      'select version_id from taxonomy_version where taxonomy_id = $1',
      [first.taxonomyId],
    );
    expect(versions).toHaveLength(1);
    expect(await versionStatus(app, first.versionId)).toBe('published');
  });

  it('TAX-6: once imported, the translation of the new release joins its version pending user review', async () => {
    const second = await testbed.imported(taxonomyXml(english('2026-10-01'), SECOND));
    expect(second).toMatchObject({ kind: 'update', status: 'pending-user-review' });
    const translated = await testbed.imported(taxonomyXml(french('2026-10-01'), SECOND_FR));
    expect(translated).toMatchObject({
      kind: 'translation',
      taxonomyId: first.taxonomyId,
      versionId: second.versionId,
      status: 'pending-user-review',
      // BD-1800.1900 waits for its deletion's review; the French file does not have it.
      translation: { unknownCodes: 0, untranslatedTerms: 1 },
    });
    expect(await frenchName(second.versionId, 'BD-1800.2250')).toBe('Bons alimentaires');
    // The published version is not touched by the new release's translation.
    expect(await frenchName(first.versionId, 'BD-1800')).toBeUndefined();

    const accepted = await app.request(
      'POST',
      `/taxonomy-versions/${second.versionId}/review/BD-1800.1900/accept`,
      { user: 'admin.ada', body: {} },
    );
    expectStatus(accepted, 200, 'accept');
    expect(await testbed.reviewResult(second.versionId)).toEqual({
      outcome: 'published',
      versionId: second.versionId,
    });
    expect(await frenchName(second.versionId, 'BD-1800')).toBe("Aide alimentaire d'urgence");
  });

  it('TAX-6: the translation of a release whose version is editing joins that version, replacing the carried-over texts', async () => {
    const third = await testbed.imported(taxonomyXml(english('2027-01-01'), THIRD));
    expect(third).toMatchObject({ kind: 'update', status: 'editing' });
    // The update copied the previous release's French texts; that is not this release's file.
    expect(await frenchName(third.versionId, 'BD-1800.2250')).toBe('Bons alimentaires');
    const translated = await testbed.imported(taxonomyXml(french('2027-01-01'), THIRD_FR));
    expect(translated).toMatchObject({
      kind: 'translation',
      versionId: third.versionId,
      status: 'editing',
      translation: { unknownCodes: 0, untranslatedTerms: 0 },
    });
    expect(await frenchName(third.versionId, 'BD-1800.3000')).toBe('Banques alimentaires');
    expect(await frenchName(third.versionId, 'BD-1800.2250')).toBe("Bons d'achat alimentaires");
    const again = await importTaxonomy<Problem>(app, taxonomyXml(french('2027-01-01'), THIRD_FR));
    expect([again.status, again.body.rule]).toEqual([409, 'TAX-1']);
  });
});
