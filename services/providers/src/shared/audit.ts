import { p } from '@mikro-orm/core';
import type { Actor } from '@platform/contracts';

/** Who created and last changed a registry record, and when: spread into an entity's properties. */
export const auditProperties = {
  createdBy: p.text().fieldName('created_by'),
  createdAt: p
    .datetime()
    .fieldName('created_at')
    .onCreate(() => new Date()),
  updatedBy: p.text().fieldName('updated_by'),
  updatedAt: p
    .datetime()
    .fieldName('updated_at')
    .onCreate(() => new Date()),
};

export interface Audited {
  createdBy: string;
  createdAt: Date;
  updatedBy: string;
  updatedAt: Date;
}

/** The audit fields of a new record, stamped now so a view can be answered before the commit. */
export function newAudit(actor: Actor, at = new Date()): Audited {
  return { createdBy: actor.userId, createdAt: at, updatedBy: actor.userId, updatedAt: at };
}

/** Stamps a change on a record. */
export function markUpdated(record: Audited, actor: Actor, at = new Date()): void {
  record.updatedBy = actor.userId;
  record.updatedAt = at;
}

/** The audit fields as the API shows them. */
export function auditView(record: Audited) {
  return {
    createdBy: record.createdBy,
    createdAt: record.createdAt.toISOString(),
    updatedBy: record.updatedBy,
    updatedAt: record.updatedAt.toISOString(),
  };
}
