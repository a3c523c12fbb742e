import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { Role } from '@platform/contracts';

/** A work queue people pull tasks from: who works it and who supervises it (ROLE). */
export const WorkQueue = defineEntity({
  name: 'WorkQueue',
  tableName: 'work_queue',
  properties: {
    code: p.text().primary(),
    name: p.text(),
    description: p.text(),
    /** Holders of any of these roles may claim the queue's tasks. */
    memberRoles: p.json<Role[]>().fieldName('member_roles'),
    /** Holders of any of these roles may reassign and release anyone's tasks of the queue. */
    supervisorRoles: p.json<Role[]>().fieldName('supervisor_roles'),
  },
});

export type WorkQueueRecord = InferEntity<typeof WorkQueue>;
