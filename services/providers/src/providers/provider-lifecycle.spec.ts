import { describe, expect, it } from '@jest/globals';
import {
  applyLifecycleAction,
  availableActions,
  canBeAuthorisedForNewServices,
  LIFECYCLE_ACTIONS,
  PROVIDER_STATUSES,
  type LifecycleAction,
  type ProviderStatus,
} from './provider-lifecycle.js';

const legal: [ProviderStatus, LifecycleAction, ProviderStatus][] = [
  ['enrolled', 'approve', 'approved'],
  ['enrolled', 'reject', 'rejected'],
  ['rejected', 'approve', 'approved'],
  ['approved', 'suspend', 'suspended'],
  ['suspended', 'reinstate', 'approved'],
  ['enrolled', 'close', 'closed'],
  ['approved', 'close', 'closed'],
  ['suspended', 'close', 'closed'],
  ['rejected', 'close', 'closed'],
  ['closed', 'reopen', 'reopened'],
  ['reopened', 'approve', 'approved'],
  ['reopened', 'reject', 'rejected'],
  ['reopened', 'close', 'closed'],
];

describe('provider lifecycle (PRV-1)', () => {
  it.each(legal)('PRV-1: %s --%s--> %s', (from, action, to) => {
    expect(applyLifecycleAction(from, action, 'because')).toEqual({ ok: true, from, to });
  });

  it('PRV-1: every move not in the lifecycle is refused, naming where it is allowed from', () => {
    const allowed = new Set(legal.map(([from, action]) => `${from}:${action}`));
    let refused = 0;
    for (const status of PROVIDER_STATUSES) {
      for (const action of LIFECYCLE_ACTIONS) {
        if (allowed.has(`${status}:${action}`)) continue;
        const result = applyLifecycleAction(status, action, 'because');
        expect(result).toMatchObject({ ok: false, field: 'action' });
        refused += 1;
      }
    }
    expect(refused).toBe(PROVIDER_STATUSES.length * LIFECYCLE_ACTIONS.length - legal.length);
    expect(applyLifecycleAction('closed', 'approve', null)).toEqual({
      ok: false,
      field: 'action',
      message: 'A closed provider cannot be approved; allowed from enrolled, rejected, reopened',
    });
  });

  it.each(['suspend', 'reject', 'close'] as const)('PRV-1: %s needs a reason', (action) => {
    const from = action === 'suspend' ? 'approved' : 'enrolled';
    expect(applyLifecycleAction(from, action, '  ')).toMatchObject({ ok: false, field: 'reason' });
  });

  it('PRV-1: a reopened provider needs approval again', () => {
    expect(availableActions('reopened')).toEqual(['approve', 'reject', 'close']);
  });

  it('PRV-1: suspended or closed providers cannot be authorised for new services', () => {
    expect(PROVIDER_STATUSES.filter((s) => !canBeAuthorisedForNewServices(s))).toEqual([
      'suspended',
      'closed',
    ]);
  });
});
