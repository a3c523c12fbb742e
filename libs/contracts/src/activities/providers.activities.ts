/** Activities hosted by the providers service on TaskQueues.providersActivities. */
import type { Role } from '../roles.js';

export type InquiryOutcome = 'convert' | 'close';

export interface RecordInquiryOutcomeInput {
  inquiryId: string;
  outcome: InquiryOutcome;
  reason: string | null;
  decidedBy: string;
  decidedByRoles: readonly Role[];
  /** The workflow that decided; becomes the follow-up event's correlation id. */
  workflowId: string;
}

export interface InquiryOutcomeRecorded {
  inquiryId: string;
  status: 'closed' | 'converted';
  providerId: string | null;
}

export interface ProvidersActivities {
  recordInquiryOutcome(input: RecordInquiryOutcomeInput): Promise<InquiryOutcomeRecorded>;
}
