// Demo data for `npm start`: a realistic agency whose every part of the providers service has
// something to click through — the registries, providers of five kinds with their classification,
// groups, members and credentials, provider services and their approvals, home studies, waitlists,
// service enquiries, incidents and investigations, contracts, an invoice with its exceptions and
// payments in finance, facilities with residents, a reservation and an emergency placement in
// placements, a published taxonomy with the providers' services indexed for search, and inquiries
// (so the work queues and the Temporal UI have something to show).
// Loaded through the public API as the seeded user whose job it is (see scripts/demo/*.mjs), and
// only into an empty providers database, so restarting does not duplicate it. The one exception
// to "through the API" is explained in scripts/demo/providers.mjs.
import { loadActivity, loadInquiries } from './demo/activity.mjs';
import {
  loadAccreditationsAndLicences,
  loadTrainingsAndCertifications,
} from './demo/credentials.mjs';
import { loadContracts } from './demo/contracts.mjs';
import { loadFinance } from './demo/finance.mjs';
import { loadHomeStudies } from './demo/home-studies.mjs';
import { actingAs, countOf } from './demo/http.mjs';
import { loadMembers } from './demo/members.mjs';
import { loadPlacements } from './demo/placements.mjs';
import { loadProviders } from './demo/providers.mjs';
import { loadRegistries } from './demo/registry.mjs';
import { loadTaxonomy } from './demo/taxonomy.mjs';
import {
  addProviderServices,
  approveProviderServices,
  setApprovalChecks,
} from './demo/services.mjs';

/** The seeded users of the dev issuer, each doing their own job (DOMAIN.md ROLE). */
async function demoUsers() {
  return {
    admin: await actingAs('admin.ada'),
    manager: await actingAs('rm.rivera'),
    supervisor: await actingAs('sup.sato'),
    caseWorker: await actingAs('cw.chen'),
    finance: await actingAs('fin.fatima'),
    provider: await actingAs('provider.sunrise'),
    guest: await actingAs(null),
  };
}

/** Everything but the inquiries, in the order the records depend on each other. */
async function loadProviderData(users, progress) {
  const registry = await loadRegistries(users.admin, progress);
  const providers = await loadProviders(users.manager, progress);
  const members = await loadMembers(users.manager, providers, progress);
  const services = await addProviderServices(users.manager, providers, registry.products, progress);
  const ctx = { registry, providers, members, services };
  await loadTrainingsAndCertifications(users.manager, ctx, progress);
  await loadAccreditationsAndLicences(users.manager, ctx, progress);
  await loadHomeStudies(users.manager, users.supervisor, providers, progress);
  await approveProviderServices(users.manager, services, progress);
  await loadTaxonomy(users, services, progress);
  await setApprovalChecks(users.admin, users.manager, providers, registry.products, progress);
  await loadPlacements(users, providers, progress);
  await loadActivity(users, ctx, progress);
  await loadContracts(users, ctx, progress);
  await loadFinance(users, ctx, progress);
}

export async function loadDemoData(progress = console.log) {
  const users = await demoUsers();
  const providers = await countOf(users.manager, '/providers');
  const products = await countOf(users.manager, '/service-products');
  if (providers > 0 || products > 0) {
    progress(
      `demo data: ${providers} providers and ${products} service products already there, ` +
        'no provider data added',
    );
  } else {
    await loadProviderData(users, progress);
  }
  await loadInquiries(users.manager, users.guest, progress);
}
