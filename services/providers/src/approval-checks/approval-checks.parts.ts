import { ApprovalChecksController } from './approval-checks.controller.js';
import { ApprovalChecksService } from './approval-checks.service.js';

/** SVC-8 approval checks below the product, registered in the providers module. */
export const APPROVAL_CHECK_CONTROLLERS = [ApprovalChecksController];
export const APPROVAL_CHECK_SERVICES = [ApprovalChecksService];
