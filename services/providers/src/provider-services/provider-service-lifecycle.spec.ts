import { describe, expect, it } from '@jest/globals';
import {
  applyProviderServiceAction,
  availableProviderServiceActions,
  PROVIDER_SERVICE_ACTIONS,
  PROVIDER_SERVICE_STATUSES,
  providerServiceEditable,
  type ProviderServiceAction,
  type ProviderServiceStatus,
} from './provider-service-lifecycle.js';

const legal: [ProviderServiceStatus, ProviderServiceAction, ProviderServiceStatus][] = [
  ['pending', 'approve', 'approved'],
  ['suspended', 'approve', 'approved'],
  ['approved', 'suspend', 'suspended'],
  ['pending', 'end', 'ended'],
  ['approved', 'end', 'ended'],
  ['suspended', 'end', 'ended'],
];

describe('provider service lifecycle (PRV-6)', () => {
  it.each(legal)('PRV-6: %s --%s--> %s', (from, action, to) => {
    expect(applyProviderServiceAction(from, action, 'because')).toEqual({ ok: true, from, to });
  });

  it('PRV-6: every move not in the lifecycle is refused, naming where it is allowed from', () => {
    const allowed = new Set(legal.map(([from, action]) => `${from}:${action}`));
    const refused: string[] = [];
    for (const status of PROVIDER_SERVICE_STATUSES) {
      for (const action of PROVIDER_SERVICE_ACTIONS) {
        if (allowed.has(`${status}:${action}`)) continue;
        const result = applyProviderServiceAction(status, action, 'because');
        expect(result).toMatchObject({
          ok: false,
          field: 'action',
          message: expect.stringContaining(`A ${status} provider service cannot be`),
        });
        refused.push(`${status}:${action}`);
      }
    }
    expect(refused).toEqual([
      'pending:suspend',
      'approved:approve',
      'suspended:suspend',
      'ended:approve',
      'ended:suspend',
      'ended:end',
    ]);
  });

  it.each(['suspend', 'end'] as const)('PRV-6: %s needs a reason (blank is none)', (action) => {
    const from = action === 'suspend' ? 'approved' : 'pending';
    for (const reason of [undefined, null, '', '   ']) {
      expect(applyProviderServiceAction(from, action, reason)).toEqual({
        ok: false,
        field: 'reason',
        message: `A reason is required to ${action} a provider service`,
      });
    }
  });

  it('PRV-6: approving needs no reason', () => {
    expect(applyProviderServiceAction('pending', 'approve')).toEqual({
      ok: true,
      from: 'pending',
      to: 'approved',
    });
  });

  it('PRV-6: the actions offered are exactly the legal ones; ended is final and no longer editable', () => {
    expect(availableProviderServiceActions('pending')).toEqual(['approve', 'end']);
    expect(availableProviderServiceActions('approved')).toEqual(['suspend', 'end']);
    expect(availableProviderServiceActions('suspended')).toEqual(['approve', 'end']);
    expect(availableProviderServiceActions('ended')).toEqual([]);
    expect(PROVIDER_SERVICE_STATUSES.filter(providerServiceEditable)).toEqual([
      'pending',
      'approved',
      'suspended',
    ]);
  });
});
