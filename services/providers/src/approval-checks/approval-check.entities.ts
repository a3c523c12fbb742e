import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { APPROVAL_CHECK_SCOPES } from '@platform/contracts';
import { auditProperties } from '../shared/audit.js';

/**
 * SVC-8: the approval check percentage set at one level below the service product — an
 * organisation unit, a user, a provider or a provider service — for all services
 * (`serviceProductId` null) or one service product. One row per slot (scope, scope id, product):
 * setting it again replaces the percentage; removing it keeps the row with `percentage` null, so
 * its id and history survive and a later setting of the same slot continues them.
 */
export const ApprovalCheck = defineEntity({
  name: 'ApprovalCheck',
  tableName: 'approval_check',
  properties: {
    id: p.uuid().primary(),
    scope: p.enum(APPROVAL_CHECK_SCOPES),
    /** Opaque text for organisation units and users (other contexts); a UUID otherwise. */
    scopeId: p.text().fieldName('scope_id'),
    /** null: all services; for a provider service, always its product. */
    serviceProductId: p.uuid().fieldName('service_product_id').nullable(),
    /** 0–100; null: removed (the level defers to the next one). */
    percentage: p.smallint().nullable(),
    /** Counts the changes of the setting from 1; the last change's number. */
    revision: p.integer(),
    ...auditProperties,
  },
});
export type ApprovalCheckRecord = InferEntity<typeof ApprovalCheck>;

/** SVC-8: one change of a setting — who changed the percentage from what to what, and when. */
export const ApprovalCheckChange = defineEntity({
  name: 'ApprovalCheckChange',
  tableName: 'approval_check_change',
  properties: {
    id: p.uuid().primary(),
    approvalCheckId: p.uuid().fieldName('approval_check_id'),
    revision: p.integer(),
    /** null: nothing was set before (the first setting, or a setting after a removal). */
    previousPercentage: p.smallint().fieldName('previous_percentage').nullable(),
    /** null: the setting was removed. */
    percentage: p.smallint().nullable(),
    changedBy: p.text().fieldName('changed_by'),
    changedAt: p.datetime().fieldName('changed_at'),
  },
});
export type ApprovalCheckChangeRecord = InferEntity<typeof ApprovalCheckChange>;

export const APPROVAL_CHECK_ENTITIES = [ApprovalCheck, ApprovalCheckChange];
