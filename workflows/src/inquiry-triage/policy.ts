import type { DecisionPolicy } from '../shared/decision-rules.js';

/** PRV-2: a resource manager (or their supervisor) converts an inquiry or closes it with a reason. */
export const INQUIRY_DECISION: DecisionPolicy = {
  deciderRoles: ['resource-manager', 'resource-manager-supervisor'],
  outcomes: ['convert', 'close'],
  requiredFields: { close: ['reason'] },
};

export const INQUIRY_TASK_PRIORITY = 'normal';
