import type { EntityManager } from '@mikro-orm/postgresql';
import type { ApprovalCriterion, ProviderServiceWarning } from '@platform/contracts';
import type { ApprovalCriterionCheck, ApprovalSubject } from './approval-criterion.js';

const LABELS: Record<ApprovalCriterion, string> = {
  licence: 'Licence',
  accreditation: 'Accreditation',
  'background-check': 'Background check',
  'home-study': 'Home study',
};

/**
 * SVC-7: runs the check of every approval criterion the product requires, in the product's order,
 * and turns what each reports into warnings. A criterion with no registered check is reported as
 * not checked — it never passes silently. Checks run one after another: they share the
 * transaction's connection.
 */
export async function approvalCriteriaWarnings(
  em: EntityManager,
  subject: ApprovalSubject,
  criteria: readonly ApprovalCriterion[],
  checks: Partial<Record<ApprovalCriterion, ApprovalCriterionCheck>>,
): Promise<ProviderServiceWarning[]> {
  const warnings: ProviderServiceWarning[] = [];
  for (const criterion of new Set(criteria)) {
    const check = checks[criterion];
    const messages = check
      ? await check(em, subject)
      : [
          `${LABELS[criterion]}: this approval criterion could not be checked (no check is ` +
            'available for it); verify it by hand',
        ];
    for (const message of messages) warnings.push({ rule: 'SVC-7', criterion, message });
  }
  return warnings;
}
