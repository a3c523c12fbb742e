import type { EntityManager } from '@platform/persistence';
import { participantKinds, unregisteredIssues } from '../participants/registered-participants.js';
import { type RuleIssue } from '@platform/http';
import { uuidArray } from '../shared/sql-arrays.js';
import type { CreateAuthorizationBody } from './authorization.schemas.js';

async function knownIds(
  em: EntityManager,
  table: 'service_product' | 'provider_status',
  column: 'product_id' | 'provider_id',
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await em.execute<{ id: string }[]>(
    `select ${column} as id from ${table} where ${column} = any(?::uuid[])`,
    [uuidArray([...new Set(ids)])],
  );
  return new Set(rows.map((row) => row.id));
}

/** FIN-1: the case named exists and every client of the authorization is a client of it. */
async function caseIssues(em: EntityManager, body: CreateAuthorizationBody): Promise<RuleIssue[]> {
  if (!body.caseId) return [];
  const rows = await em.execute<{ clientId: string | null }[]>(
    `select cc.client_id as "clientId"
     from client_case c left join case_client cc on cc.case_id = c.case_id
     where c.case_id = ?`,
    [body.caseId],
  );
  if (rows.length === 0) {
    return [{ rule: 'FIN-4', field: 'caseId', message: `no case ${body.caseId} is registered` }];
  }
  const clientsOfCase = new Set(rows.map((row) => row.clientId));
  return body.clientIds.flatMap((clientId, index) =>
    clientsOfCase.has(clientId)
      ? []
      : [
          {
            rule: 'FIN-1',
            field: `clientIds[${index}]`,
            message: `${clientId} is not a client of case ${body.caseId}`,
          },
        ],
  );
}

/**
 * Every rule a new authorization must meet beyond its shape, checked together (a handful of
 * queries, whatever the number of line items) so one answer names every field to fix:
 * FIN-4 clients and nominees registered, the case known; FIN-1 clients on the case, service
 * products and providers known to finance's projections, line periods within the authorization's.
 */
export async function authorizationIssues(
  em: EntityManager,
  body: CreateAuthorizationBody,
): Promise<RuleIssue[]> {
  const nominees = body.lineItems.flatMap((item, index) =>
    item.nomineeId ? [{ id: item.nomineeId, field: `lineItems[${index}].nomineeId` }] : [],
  );
  const kinds = await participantKinds(em, [
    ...body.clientIds,
    ...nominees.map((nominee) => nominee.id),
  ]);
  const products = await knownIds(
    em,
    'service_product',
    'product_id',
    body.lineItems.map((item) => item.serviceProductId),
  );
  const providers = await knownIds(
    em,
    'provider_status',
    'provider_id',
    body.lineItems.flatMap((item) => (item.providerId ? [item.providerId] : [])),
  );
  const lineIssues = body.lineItems.flatMap((item, index): RuleIssue[] => {
    const at = `lineItems[${index}]`;
    const issues: RuleIssue[] = [];
    if (!products.has(item.serviceProductId)) {
      issues.push({
        rule: 'FIN-1',
        field: `${at}.serviceProductId`,
        message: `no service product ${item.serviceProductId} is known to finance`,
      });
    }
    if (item.providerId && !providers.has(item.providerId)) {
      issues.push({
        rule: 'FIN-1',
        field: `${at}.providerId`,
        message: `no provider ${item.providerId} is known to finance`,
      });
    }
    if (item.period && (item.period.from < body.period.from || item.period.to > body.period.to)) {
      issues.push({
        rule: 'FIN-1',
        field: `${at}.period`,
        message: `a line item's period lies within the authorization's (${body.period.from} – ${body.period.to})`,
      });
    }
    return issues;
  });
  return [
    ...unregisteredIssues(
      kinds,
      body.clientIds.map((id, index) => ({ id, field: `clientIds[${index}]` })),
      'client',
    ),
    ...(await caseIssues(em, body)),
    ...lineIssues,
    ...unregisteredIssues(kinds, nominees, 'nominee'),
  ];
}
