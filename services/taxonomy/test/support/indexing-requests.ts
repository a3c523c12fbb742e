import type { TaxonomyApp } from './taxonomy-app.js';
import { expectStatus, RESOURCE_MANAGER } from './users.js';

export interface IndexAnswer {
  indexId: string;
  providerServiceId: string;
  taxonomyId: string;
  termCodes: string[];
  compoundName: string;
}

/** TAX-8: `POST /provider-services/{id}/indexes` as a resource manager; the reply unchecked. */
export function postIndex(
  app: TaxonomyApp,
  providerServiceId: string,
  body: { taxonomyId?: string; termCodes: string[] },
  user = RESOURCE_MANAGER,
) {
  return app.request<IndexAnswer>('POST', `/provider-services/${providerServiceId}/indexes`, {
    user,
    body,
  });
}

/** TAX-8: indexes the provider service, failing the test when refused. */
export async function indexService(
  app: TaxonomyApp,
  providerServiceId: string,
  termCodes: string[],
): Promise<IndexAnswer> {
  return expectStatus(await postIndex(app, providerServiceId, { termCodes }), 201, 'indexing');
}

/** TAX-3: a term's display state in a version. */
export async function displayState(app: TaxonomyApp, versionId: string, code: string) {
  const [row] = await app.query<{ display_state: string }>(
    'select display_state from term where version_id = $1 and code = $2',
    [versionId, code],
  );
  return row?.display_state;
}

/** The events the service recorded of a type, oldest first (its outbox). */
export function recordedEvents<T = Record<string, unknown>>(app: TaxonomyApp, type: string) {
  return app
    .query<{ data: T }>(
      `select envelope->'data' as data from outbox_message where event_type = $1 order by created_at, id`,
      [type],
    )
    .then((rows) => rows.map((row) => row.data));
}
