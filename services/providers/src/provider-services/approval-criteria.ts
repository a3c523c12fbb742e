import type { ApprovalCriterion } from '@platform/contracts';
import { backgroundCheckCriterion } from '../provider-members/background-check.criterion.js';
import { licenceCriterion } from '../licences/licence.criterion.js';
import { homeStudyCriterion } from '../home-studies/home-study.criterion.js';
import { accreditationCriterion } from '../accreditations/accreditation.criterion.js';
import type { ApprovalCriterionCheck } from './approval-criterion.js';

/**
 * SVC-7: the check behind each approval criterion a service product may require. Each module adds
 * its own entry (one line). A criterion configured on a product without an entry here is reported
 * as a warning that it could not be checked — it never passes silently.
 */
export const APPROVAL_CRITERION_CHECKS: Partial<Record<ApprovalCriterion, ApprovalCriterionCheck>> =
  {
    'background-check': backgroundCheckCriterion,
    'home-study': homeStudyCriterion,
    licence: licenceCriterion,
    accreditation: accreditationCriterion,
  };
