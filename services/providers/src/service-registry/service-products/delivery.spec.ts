import { describe, expect, it } from '@jest/globals';
import { serviceProductCreated, type DeliveryConfiguration } from '@platform/contracts';
import { deliveryIssues } from './delivery.js';

const delivery: DeliveryConfiguration = serviceProductCreated.example.delivery;

describe('delivery configuration (SVC-9)', () => {
  it('SVC-9: one delivery per client needs a service for multiple clients', () => {
    expect(deliveryIssues({ ...delivery, clients: 'single', multipleDeliveries: true })).toEqual([
      expect.objectContaining({ rule: 'SVC-9', field: 'delivery.multipleDeliveries' }),
    ]);
    expect(deliveryIssues({ ...delivery, clients: 'multiple', multipleDeliveries: true })).toEqual(
      [],
    );
    expect(deliveryIssues({ ...delivery, clients: 'single', multipleDeliveries: false })).toEqual(
      [],
    );
  });
});
