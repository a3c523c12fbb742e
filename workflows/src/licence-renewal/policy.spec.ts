import { describe, expect, it } from '@jest/globals';
import {
  DecisionRejection,
  type LicenceStatusSignal,
  type TaskDecision,
} from '@platform/contracts/workflows';
import { checkRenewalDecision } from './policy.js';
import { suspendedAfter, type QueuedStatusSignal } from './status-signals.js';
import { renewalSummary } from './summary.js';

const decision = (overrides: Partial<TaskDecision> = {}): TaskDecision => ({
  taskId: 't-1',
  outcome: 'renew',
  reason: null,
  decidedBy: { userId: 'rm.rivera', roles: ['resource-manager'] },
  ...overrides,
});

const signal = (requestId: string): LicenceStatusSignal => ({
  requestId,
  reason: 'Safety inspection pending',
  decidedBy: 'rm.rivera',
  decidedByRoles: ['resource-manager'],
});

describe('licence renewal decision (WF-2, CRD-2, ROLE)', () => {
  it('ROLE: resource managers, their supervisors and facility managers decide; case workers do not', () => {
    for (const role of [
      'resource-manager',
      'resource-manager-supervisor',
      'facility-manager',
    ] as const) {
      expect(
        checkRenewalDecision(decision({ decidedBy: { userId: 'u', roles: [role] } }), 't-1', false),
      ).toBeNull();
    }
    expect(
      checkRenewalDecision(
        decision({ decidedBy: { userId: 'cw', roles: ['case-worker'] } }),
        't-1',
        false,
      )?.type,
    ).toBe(DecisionRejection.roleNotAllowed);
  });

  it('CRD-2: non-compliance needs a reason', () => {
    expect(
      checkRenewalDecision(decision({ outcome: 'record-non-compliance' }), 't-1', false)?.type,
    ).toBe(DecisionRejection.reasonRequired);
    expect(
      checkRenewalDecision(
        decision({ outcome: 'record-non-compliance', reason: 'Safety issue found' }),
        't-1',
        false,
      ),
    ).toBeNull();
  });

  it('CRD-2: a suspended licence is not renewed until reinstated, but may be found non-compliant', () => {
    const rejection = checkRenewalDecision(decision(), 't-1', true);
    expect(rejection?.type).toBe(DecisionRejection.notDecidableNow);
    expect(rejection?.message).toMatch(/reinstate the licence first \(CRD-2\)/);
    expect(
      checkRenewalDecision(
        decision({ outcome: 'record-non-compliance', reason: 'Safety issue found' }),
        't-1',
        true,
      ),
    ).toBeNull();
  });

  it('CRD-2: the validator assumes the queued suspensions, ignoring duplicate request ids', () => {
    const queue: QueuedStatusSignal[] = [
      { change: 'suspend', signal: signal('s-1') },
      { change: 'reinstate', signal: signal('r-1') },
      { change: 'suspend', signal: signal('s-1') },
    ];
    expect(suspendedAfter(false, queue, new Set())).toBe(false);
    expect(suspendedAfter(false, queue.slice(0, 1), new Set())).toBe(true);
    expect(
      suspendedAfter(true, [{ change: 'reinstate', signal: signal('r-0') }], new Set(['r-0'])),
    ).toBe(true);
  });
});

describe('renewal summary (ARCHITECTURE rule 7)', () => {
  it('says the licence, cycle, period end, status and reminders sent', () => {
    expect(
      renewalSummary('4711', {
        status: 'renewal-due',
        cycle: 2,
        periodTo: '2027-12-31',
        taskId: 't-1',
        remindersSent: [90, 60],
      }),
    ).toBe(
      'Licence 4711 (cycle 2): expires 2027-12-31; renewal task open; reminders sent at 90, 60 days',
    );
    expect(
      renewalSummary('4711', {
        status: 'suspended',
        cycle: 1,
        periodTo: '2027-12-31',
        taskId: 't-1',
        remindersSent: [],
      }),
    ).toBe('Licence 4711 (cycle 1): expires 2027-12-31; suspended; renewal task open');
    expect(
      renewalSummary(
        '4711',
        { status: 'renewed', cycle: 1, periodTo: '2027-12-31', taskId: null, remindersSent: [90] },
        'to 2028-12-31',
      ),
    ).toBe(
      'Licence 4711 (cycle 1): expires 2027-12-31; renewed to 2028-12-31; reminders sent at 90 days',
    );
  });
});
