import { STAFF_ROLES, type Role } from '@platform/contracts';

/** ROLE: agency staff work tasks; providers do not. */
export const TASK_WORKERS: readonly Role[] = [...STAFF_ROLES];

/** ROLE: staff read tasks and queues; operators watch them (no business data changes). */
export const TASK_READERS: readonly Role[] = [...STAFF_ROLES, 'operator'];
