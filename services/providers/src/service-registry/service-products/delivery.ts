import type { DeliveryConfiguration } from '@platform/contracts';
import type { RuleIssue } from '../../shared/rule-issues.js';

/**
 * SVC-9: a delivery left unspecified is the common case of a service delivered by a provider to
 * one client, paid to the provider; the administrator changes what differs.
 */
export const DEFAULT_DELIVERY: Omit<DeliveryConfiguration, 'type'> = {
  frequency: null,
  frequencyModifiable: true,
  clients: 'single',
  multipleDeliveries: false,
  specifyAuthorizedRate: false,
  specifyNominee: false,
  unitsRequired: true,
  manualCompletion: false,
  providerSelection: 'required',
  owner: 'case-owner',
  outcomeTracking: false,
};

/**
 * SVC-9: one of the guide's table-3 parameters only makes sense with another: separate deliveries
 * per client exist only when several clients can be authorised together.
 */
export function deliveryIssues(delivery: DeliveryConfiguration): RuleIssue[] {
  if (delivery.multipleDeliveries && delivery.clients !== 'multiple') {
    return [
      {
        rule: 'SVC-9',
        field: 'delivery.multipleDeliveries',
        message: 'one delivery per client needs a service for multiple clients',
      },
    ];
  }
  return [];
}
