import { describe, expect, it } from '@jest/globals';
import type { ContractApprovalState } from '@platform/contracts/workflows';
import { contractStatusOf, openQueueOf } from './status.js';
import { contractSummary } from './summary.js';

const contract = {
  contractNumber: 'C-2026-0007',
  version: 2,
  providerName: 'Sunrise Day Care',
  periodTo: '2026-12-31',
};

const awaiting: ContractApprovalState = {
  status: 'awaiting-signature',
  document: {
    documentId: 'doc-2',
    sha256: 'a'.repeat(64),
    issueNumber: 2,
    issuedAt: '2026-03-01T09:30:00.000Z',
  },
  awaitingSignatureSince: '2026-03-01T09:30:00.000Z',
  signatureDeadline: '2026-03-31T09:30:00.000Z',
  signature: null,
  remindersSent: [],
  escalationTaskId: null,
  activationTaskId: null,
  activationRefusals: [],
  voidedDocumentIds: ['doc-1'],
  activatedOn: null,
  closed: null,
};

const signed: ContractApprovalState = {
  ...awaiting,
  status: 'awaiting-activation',
  awaitingSignatureSince: null,
  activationTaskId: 'task-9',
  signature: {
    signatureId: 'sig-1',
    contractId: 'contract-1',
    documentId: 'doc-2',
    documentSha256: 'a'.repeat(64),
    method: 'electronic',
    typedName: 'Pat Sunrise',
    signedBy: 'pat@sunrise',
    signedAt: '2026-03-05T10:00:00.000Z',
    recordSha256: 'c'.repeat(64),
  },
};

describe('contract process summary (ARCHITECTURE rule 7)', () => {
  it('WF-3: says which issue awaits a signature since when, until when, and the reminders sent', () => {
    expect(contractSummary(contract, awaiting)).toBe(
      "Contract C-2026-0007 v2 of Sunrise Day Care: awaiting the provider's signature on issue 2 " +
        'since 2026-03-01, due 2026-03-31',
    );
    expect(
      contractSummary(contract, {
        ...awaiting,
        status: 'signature-overdue',
        remindersSent: [14, 3],
        escalationTaskId: 't-1',
      }),
    ).toBe(
      'Contract C-2026-0007 v2 of Sunrise Day Care: signature of issue 2 overdue since 2026-03-31 ' +
        '(awaited since 2026-03-01); escalated; reminders sent 14, 3 days before the deadline',
    );
  });

  it('CTR-4: once signed it names the signer, and the reasons an activation was refused', () => {
    expect(
      contractSummary(contract, {
        ...signed,
        activationRefusals: ['CTR-4: the provider is suspended, not approved'],
      }),
    ).toBe(
      'Contract C-2026-0007 v2 of Sunrise Day Care: signed by Pat Sunrise (pat@sunrise, electronic) ' +
        'on 2026-03-05; awaiting activation; activation refused: CTR-4: the provider is suspended, not approved',
    );
  });

  it('CTR-3 / CTR-7: active, closed and ended processes say since when and why', () => {
    expect(
      contractSummary(contract, { ...signed, status: 'active', activatedOn: '2026-03-06' }),
    ).toBe('Contract C-2026-0007 v2 of Sunrise Day Care: active from 2026-03-06 to 2026-12-31');
    expect(
      contractSummary(contract, {
        ...signed,
        status: 'terminated',
        closed: { status: 'terminated', on: '2026-06-15', reason: 'Breach', by: 'sup.lee' },
      }),
    ).toBe(
      'Contract C-2026-0007 v2 of Sunrise Day Care: terminated on 2026-06-15 by sup.lee: Breach',
    );
    expect(contractSummary(contract, { ...signed, status: 'period-ended' })).toBe(
      'Contract C-2026-0007 v2 of Sunrise Day Care: period ended on 2026-12-31',
    );
  });

  it("CTR-3: the ContractStatus search attribute follows the contract's status, the WorkQueue the open task", () => {
    expect(contractStatusOf('awaiting-signature')).toBe('issued');
    expect(contractStatusOf('awaiting-activation')).toBe('issued');
    expect(contractStatusOf('active')).toBe('active');
    expect(contractStatusOf('period-ended')).toBe('active');
    expect(contractStatusOf('amended')).toBe('amended');
    expect(openQueueOf(awaiting)).toBeNull();
    expect(openQueueOf({ ...awaiting, escalationTaskId: 't-1' })).toBe('contract-signatures');
    expect(openQueueOf(signed)).toBe('contract-activations');
  });
});
