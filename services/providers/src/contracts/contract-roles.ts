import type { Role } from '@platform/contracts';
import { AGENCY_READERS, RESOURCE_MANAGERS } from '../shared/roles.js';

/**
 * ROLE: who may do what with contracts. Resource managers manage them ("full provider management
 * … contracts"); renewing and terminating is named for their supervisors only; every other staff
 * role (finance users above all, who pay by them) and operators read them. Providers read and sign
 * their own through the self-service endpoints (ROLE-2, SS-5).
 */
export const CONTRACT_MANAGERS: readonly Role[] = RESOURCE_MANAGERS;
export const CONTRACT_SUPERVISORS: readonly Role[] = ['resource-manager-supervisor'];
export const CONTRACT_READERS: readonly Role[] = AGENCY_READERS;
