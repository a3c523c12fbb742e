import type { ApprovalCheckScope } from '@platform/contracts';
import { auditView } from '../shared/audit.js';
import type { ApprovalCheckChangeRecord, ApprovalCheckRecord } from './approval-check.entities.js';

export interface ApprovalCheckView {
  id: string;
  scope: ApprovalCheckScope;
  scopeId: string;
  /** null: the setting is for all services of the level. */
  serviceProductId: string | null;
  /** null: removed — the level defers to the next one (SVC-8). */
  percentage: number | null;
  revision: number;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

export function approvalCheckView(setting: ApprovalCheckRecord): ApprovalCheckView {
  return {
    id: setting.id,
    scope: setting.scope,
    scopeId: setting.scopeId,
    serviceProductId: setting.serviceProductId ?? null,
    percentage: setting.percentage ?? null,
    revision: setting.revision,
    ...auditView(setting),
  };
}

/** SVC-8: one change of a setting, who made it and when. */
export interface ApprovalCheckChangeView {
  revision: number;
  /** null: nothing was set before. */
  previousPercentage: number | null;
  /** null: the setting was removed. */
  percentage: number | null;
  changedBy: string;
  changedAt: string;
}

export function approvalCheckChangeView(
  change: ApprovalCheckChangeRecord,
): ApprovalCheckChangeView {
  return {
    revision: change.revision,
    previousPercentage: change.previousPercentage ?? null,
    percentage: change.percentage ?? null,
    changedBy: change.changedBy,
    changedAt: change.changedAt.toISOString(),
  };
}

export interface ApprovalCheckHistoryView {
  setting: ApprovalCheckView;
  /** Oldest first. */
  changes: ApprovalCheckChangeView[];
}
