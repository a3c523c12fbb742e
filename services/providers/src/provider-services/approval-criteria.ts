import type { ApprovalCriterion } from '@platform/contracts';
import { backgroundCheckCriterion } from '../provider-members/background-check.criterion.js';
import { licenceCriterion } from '../licences/licence.criterion.js';
import { homeStudyCriterion } from '../home-studies/home-study.criterion.js';
import { accreditationCriterion } from '../accreditations/accreditation.criterion.js';
import type { ApprovalCriterionCheck } from './approval-criterion.js';

/**
 * SVC-7: the check behind each approval criterion a service product may require, each owned by the
 * module that keeps the records it reads. A full Record, so a criterion added to the contracts does
 * not compile until it has a check (the runner still reports an unchecked criterion as a warning
 * rather than passing it, for maps built elsewhere).
 */
export const APPROVAL_CRITERION_CHECKS: Record<ApprovalCriterion, ApprovalCriterionCheck> = {
  'background-check': backgroundCheckCriterion,
  'home-study': homeStudyCriterion,
  licence: licenceCriterion,
  accreditation: accreditationCriterion,
};
