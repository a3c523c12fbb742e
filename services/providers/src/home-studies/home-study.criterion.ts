import type { EntityManager } from '@mikro-orm/postgresql';
import type { CalendarDate } from '@platform/kernel';
import type { ApprovalCriterionCheck } from '../provider-services/approval-criterion.js';
import { homeStudyCriterionWarnings } from './home-study-rules.js';
import { HomeStudy } from './home-study.entities.js';

/**
 * SVC-7 'home-study' (CRD-7): the provider's latest home study decided by the date was approved,
 * and the re-study that approval calls for is not overdue on that date. Otherwise one warning
 * says why (none approved, the latest rejected, or the re-study overdue).
 */
export const homeStudyCriterion: ApprovalCriterionCheck = async (em: EntityManager, subject) => {
  const decided = await em.find(
    HomeStudy,
    { providerId: subject.providerId, status: { $in: ['approved', 'rejected'] } },
    { orderBy: { decidedOn: 'asc', decidedAt: 'asc', id: 'asc' } },
  );
  return homeStudyCriterionWarnings(
    decided.map((study) => ({
      id: study.id,
      status: study.status as 'approved' | 'rejected',
      decidedOn: study.decidedOn as CalendarDate,
      decidedAt: study.decidedAt as Date,
      reStudyDueOn: (study.reStudyDueOn ?? null) as CalendarDate | null,
      failureReason: study.failureReason ?? null,
    })),
    subject.onDate as CalendarDate,
  );
};
