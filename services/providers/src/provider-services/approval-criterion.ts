import type { EntityManager } from '@mikro-orm/postgresql';

/** What an SVC-7 approval criterion is checked against: a provider service on a date. */
export interface ApprovalSubject {
  providerId: string;
  providerServiceId: string;
  serviceProductId: string;
  /** YYYY-MM-DD */
  onDate: string;
}

/** SVC-7: returns human-readable warnings; empty when the criterion holds. */
export type ApprovalCriterionCheck = (
  em: EntityManager,
  subject: ApprovalSubject,
) => Promise<string[]>;
