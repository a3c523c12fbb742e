// TAX-1…TAX-9: the taxonomy the agency's directory searches by. The administrator imports the
// sample of the AIRS/211 file (the licensed one is not in the repository) in English and French,
// adds the agency's own terms for what its providers do (TAX-4), and publishes it; a resource
// manager then indexes the demo providers' services, one with a compound index (TAX-8), so a case
// worker's search finds them by the taxonomy's words (TAX-9).
import { readFileSync } from 'node:fs';
import { REPO_ROOT } from '../../infra/launcher/config.mjs';
import { waitFor } from './http.mjs';

const fixture = (name) => readFileSync(`${REPO_ROOT}/services/taxonomy/fixtures/${name}`, 'utf8');

/** The agency's own terms (TAX-4), under "Social Development and Enrichment" (PH). */
const AGENCY_TERMS = [
  {
    code: 'PH-2360',
    name: 'Foster Home Placement',
    definition: 'Family homes licensed to care for children who cannot live with their parents.',
    useReferences: ['Foster Care', 'Foster Families'],
  },
  {
    code: 'PH-1250',
    name: 'Child Care Centers',
    definition: 'Licensed centers that care for young children while their parents work.',
    useReferences: ['Day Care', 'Daycare'],
  },
  {
    code: 'PH-2950',
    name: 'Family Counseling',
    definition: 'Counseling for families to improve how their members get along.',
    useReferences: ['Family Therapy'],
  },
  {
    code: 'PH-3700',
    name: 'Juvenile Residential Facilities',
    definition: 'Secure residential facilities for young people placed by the courts.',
    useReferences: ['Juvenile Detention'],
  },
];

/** The demo provider services' indexes: one term, or a compound (TAX-8). */
const INDEXES = {
  hilltopFoster: [['PH-2360', 'YB-8000']],
  mapleFoster: [['PH-2360']],
  sunriseDayCare: [['PH-1250']],
  lakeCountyDetention: [['PH-3700', 'YK-0300']],
  riversideTherapy: [['PH-2950'], ['PH-2950', 'YB-8000.1500']],
};

export async function loadTaxonomy(users, services, progress) {
  const { admin, manager } = users;
  const english = await admin.taxonomy.postXml(
    '/taxonomy-imports',
    fixture('la-county-sample.en.xml'),
  );
  await admin.taxonomy.postXml('/taxonomy-imports', fixture('la-county-sample.fr.xml'));
  const terms = `/taxonomy-versions/${english.versionId}/terms`;
  for (const term of AGENCY_TERMS) await admin.taxonomy.post(terms, { ...term, parentCode: 'PH' });
  await admin.taxonomy.post(`/taxonomy-versions/${english.versionId}/publish`);
  let indexes = 0;
  for (const [key, termLists] of Object.entries(INDEXES)) {
    const { id } = services[key];
    // The taxonomy service knows a provider service only from the providers service's events.
    const path = `/provider-services/${id}/indexes`;
    await waitFor(`the taxonomy service to learn of ${services[key].label}`, () =>
      manager.taxonomy.get(path).catch(() => null),
    );
    for (const termCodes of termLists) {
      await manager.taxonomy.post(path, { termCodes });
      indexes += 1;
    }
  }
  progress(
    `demo data: taxonomy ${english.termCount} terms (English and French) + ` +
      `${AGENCY_TERMS.length} agency terms published; ${indexes} service indexes ` +
      '(try GET /search/provider-services?q=foster on the taxonomy API)',
  );
}
