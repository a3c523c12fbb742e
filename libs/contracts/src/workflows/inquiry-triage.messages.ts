import { defineQuery } from '@temporalio/workflow';
import type { InquiryOutcome } from '../activities/providers.activities.js';

export const INQUIRY_TRIAGE_WORKFLOW = 'inquiryTriage';

/** Deterministic id (ARCHITECTURE rule 4): a second start for the same inquiry is a no-op. */
export function inquiryTriageWorkflowId(inquiryId: string): string {
  return `inquiry-triage/${inquiryId}`;
}

export interface InquiryTriageInput {
  inquiryId: string;
  name: string;
  source: 'staff' | 'guest';
  /** Days the resource manager has to decide; the task's due date. */
  decisionDays: number;
}

export type InquiryTriageStatus =
  'awaiting-decision' | 'recording-outcome' | 'closed' | 'converted';

export interface InquiryTriageState {
  status: InquiryTriageStatus;
  taskId: string | null;
  outcome: InquiryOutcome | null;
}

export const inquiryTriageStateQuery = defineQuery<InquiryTriageState>('state');
