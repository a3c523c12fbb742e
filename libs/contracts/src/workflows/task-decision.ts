import { defineUpdate } from '@temporalio/workflow';
import type { Role } from '../roles.js';

/** What a person decided on a human task; sent by the tasks service as the `decide` update. */
export interface TaskDecision {
  taskId: string;
  outcome: string;
  reason?: string | null;
  comment?: string | null;
  decidedBy: { userId: string; roles: readonly Role[] };
}

export interface TaskDecisionAccepted {
  taskId: string;
  outcome: string;
}

/** ApplicationFailure types the `decide` validator throws; the tasks service maps them to HTTP. */
export const DecisionRejection = {
  roleNotAllowed: 'DecisionRoleNotAllowed',
  invalidOutcome: 'DecisionOutcomeNotAllowed',
  reasonRequired: 'DecisionReasonRequired',
  commentRequired: 'DecisionCommentRequired',
  notDecidableNow: 'DecisionNotPossibleNow',
  wrongTask: 'DecisionForAnotherTask',
  alreadyDecided: 'DecisionAlreadyMade',
} as const;

export const decideUpdate = defineUpdate<TaskDecisionAccepted, [TaskDecision]>('decide');
