import type { MikroORM } from '@mikro-orm/postgresql';
import type { FinanceActivities, FinanceProviderSummary } from '@platform/contracts';
import { denyInvoiceLine } from '../exceptions/line-denial.js';
import { resubmitInvoiceLine } from '../exceptions/line-resubmission.js';

/**
 * The activities finance hosts on TaskQueues.financeActivities, built from its database. Reads
 * only finance's own tables (ARCHITECTURE rule 1); WF-4 and FIN-11 add theirs here.
 */
export function createFinanceActivities(orm: MikroORM): FinanceActivities {
  return {
    async describeProvider({ providerId }) {
      const [row] = await orm.em.fork().execute<FinanceProviderSummary[]>(
        `select provider_id as "providerId", name, status from provider_status
           where provider_id = ?`,
        [providerId],
      );
      return row ?? null;
    },
    resubmitInvoiceLine: (input) => resubmitInvoiceLine(orm, input),
    denyInvoiceLine: (input) => denyInvoiceLine(orm, input),
  };
}
