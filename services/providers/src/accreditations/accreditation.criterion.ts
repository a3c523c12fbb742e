import type { EntityManager } from '@mikro-orm/postgresql';
import type { ApprovalCriterionCheck } from '../provider-services/approval-criterion.js';
import { Accreditation } from './accreditation.entity.js';

/**
 * SVC-7 'accreditation' (CRD-1): the provider holds an accreditation current on the date — started
 * on or before it and neither expired nor ended before it. Otherwise one warning.
 */
export const accreditationCriterion: ApprovalCriterionCheck = async (
  em: EntityManager,
  subject,
) => {
  const current = await em.count(Accreditation, {
    providerId: subject.providerId,
    startDate: { $lte: subject.onDate },
    $or: [
      { endDate: null, expiryDate: { $gte: subject.onDate } },
      { endDate: { $gte: subject.onDate } },
    ],
  });
  return current > 0
    ? []
    : [`Accreditation: the provider has no accreditation current on ${subject.onDate} (CRD-1)`];
};
