import { describe, expect, it } from '@jest/globals';
import {
  applyContractAction,
  availableContractActions,
  CONTRACT_ACTIONS,
  CONTRACT_STATUSES,
  termsChange,
} from './contract-lifecycle.js';

describe('contract lifecycle (CTR-3)', () => {
  it('CTR-3: editing → issued → active, with a signed document activated', () => {
    expect(applyContractAction('editing', 'issue')).toEqual({
      ok: true,
      from: 'editing',
      to: 'issued',
    });
    expect(applyContractAction('issued', 'activate')).toEqual({
      ok: true,
      from: 'issued',
      to: 'active',
    });
  });

  it('CTR-3: re-issuing an issued contract needs a reason', () => {
    expect(applyContractAction('issued', 'reissue', '  ')).toMatchObject({
      ok: false,
      field: 'reason',
    });
    expect(applyContractAction('issued', 'reissue', 'Place limit raised to 6')).toMatchObject({
      ok: true,
      to: 'issued',
    });
  });

  it('CTR-7: only an active contract can be terminated, and only with a reason', () => {
    for (const status of CONTRACT_STATUSES.filter((s) => s !== 'active')) {
      expect(applyContractAction(status, 'terminate', 'Breach')).toMatchObject({
        ok: false,
        field: 'status',
      });
    }
    expect(applyContractAction('active', 'terminate')).toMatchObject({
      ok: false,
      field: 'reason',
    });
    expect(applyContractAction('active', 'terminate', 'Poor performance')).toMatchObject({
      ok: true,
      to: 'terminated',
    });
  });

  it('CTR-5: an active contract becomes amended when its amendment activates', () => {
    expect(applyContractAction('active', 'supersede')).toMatchObject({ ok: true, to: 'amended' });
    expect(applyContractAction('editing', 'supersede')).toMatchObject({ ok: false });
  });

  it('CTR-3: cancelled, terminated and amended are final', () => {
    for (const status of ['cancelled', 'terminated', 'amended'] as const) {
      expect(availableContractActions(status)).toEqual([]);
      for (const action of CONTRACT_ACTIONS) {
        expect(applyContractAction(status, action, 'reason').ok).toBe(false);
      }
    }
  });

  it('CTR-3: a refusal names the rule and the statuses the move is allowed from', () => {
    expect(applyContractAction('active', 'issue')).toEqual({
      ok: false,
      field: 'status',
      message: 'CTR-3: an active contract cannot be issued; allowed from editing',
    });
  });

  it('CTR-3: terms change freely while editing, only with a re-issue once issued, never once active', () => {
    expect(termsChange('editing')).toBe('free');
    expect(termsChange('issued')).toBe('needs-reissue');
    expect(termsChange('active')).toBe('refused');
  });
});
