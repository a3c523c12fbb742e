import type { EntityManager } from '@mikro-orm/postgresql';
import type { CalendarDate } from '@platform/kernel';
import type { ApprovalCriterionCheck } from '../provider-services/approval-criterion.js';
import { Licence, LicenceCoverage } from './licence.entities.js';

/**
 * SVC-7 'licence' (CRD-2): the provider service is covered by a licence of its provider that is
 * valid on the date — approved, and the date within its periods (from the first period's start to
 * the current period's end; renewals keep the periods contiguous). Otherwise one warning.
 */
export const licenceCriterion: ApprovalCriterionCheck = async (em: EntityManager, subject) => {
  const onDate = subject.onDate as CalendarDate;
  const covering = await em.find(
    LicenceCoverage,
    { providerServiceId: subject.providerServiceId },
    { fields: ['licenceId'] },
  );
  if (covering.length > 0) {
    const valid = await em.count(Licence, {
      id: { $in: covering.map((row) => row.licenceId) },
      providerId: subject.providerId,
      status: 'approved',
      validFrom: { $lte: onDate },
      periodTo: { $gte: onDate },
    });
    if (valid > 0) return [];
  }
  return [
    `Licence: no licence valid on ${subject.onDate} covers provider service ${subject.providerServiceId} (CRD-2)`,
  ];
};
