import { describe, expect, it } from '@jest/globals';
import { ActivationRefused } from './contract-process-requests.service.js';
import type { ContractRecord } from './contract.entities.js';

describe('a refused activation as the API answers it (CTR-4)', () => {
  it('CTR-4: a refused activation is a 422 problem naming CTR-4 that lists every reason and gives them as refusals', () => {
    const refusals = [
      'CTR-4: the provider is suspended, not approved',
      'CTR-2: no valid FOSTER-CARE licence on the activation date',
    ];
    const problem = new ActivationRefused(
      { contractNumber: 'C-2026-000012' } as ContractRecord,
      refusals,
    ).problem as unknown as Record<string, unknown>;

    expect(problem).toMatchObject({ status: 422, rule: 'CTR-4', refusals });
    expect(problem['detail']).toBe(
      `Contract C-2026-000012 cannot be activated: ${refusals.join('; ')}`,
    );
  });
});
