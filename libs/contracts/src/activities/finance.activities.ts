/** What finance knows of a provider from the providers service's events (ADR 0018). */
export interface FinanceProviderSummary {
  providerId: string;
  /** From `provider.enrolled`; null if finance has seen only later events. */
  name: string | null;
  /** PRV-1 status as finance last heard it. */
  status: 'enrolled' | 'approved' | 'rejected' | 'suspended' | 'closed' | 'reopened';
}

/**
 * Activities hosted by the finance service on TaskQueues.financeActivities. The invoice exception
 * process (WF-4) and fixed-fee payments (FIN-11) add theirs here.
 */
export interface FinanceActivities {
  /**
   * The provider as finance's projection knows it, e.g. to name it in an exception task; null when
   * no event about it has arrived yet.
   */
  describeProvider(input: { providerId: string }): Promise<FinanceProviderSummary | null>;
}
