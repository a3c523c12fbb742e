import { describe, expect, it } from '@jest/globals';
import {
  ContractProcessRejection,
  DecisionRejection,
  type ContractActor,
  type SignContractRequest,
} from '@platform/contracts/workflows';
import {
  checkActivation,
  checkReissue,
  checkSignature,
  type ProcessPosition,
  type SignedContract,
} from './policy.js';

const CURRENT = 'a'.repeat(64);
const VOIDED = 'b'.repeat(64);

const providerUser: ContractActor = {
  userId: 'pat@sunrise',
  roles: ['provider'],
  providerId: 'provider-1',
};
const otherProviderUser: ContractActor = { ...providerUser, providerId: 'provider-2' };
const resourceManager: ContractActor = { userId: 'rm.rivera', roles: ['resource-manager'] };
const supervisor: ContractActor = { userId: 'sup.lee', roles: ['resource-manager-supervisor'] };
const caseWorker: ContractActor = { userId: 'cw.chen', roles: ['case-worker'] };

const contract: SignedContract = {
  contractId: 'contract-1',
  providerId: 'provider-1',
  document: { sha256: CURRENT, issueNumber: 1 },
  signatureId: null,
};

const awaiting: ProcessPosition = {
  status: 'awaiting-signature',
  stepInFlight: null,
  closing: null,
};

const signature = (overrides: Partial<SignContractRequest> = {}): SignContractRequest => ({
  signatureId: 'sig-1',
  documentSha256: CURRENT,
  method: 'electronic',
  typedName: 'Pat Sunrise',
  consentStatement: 'I agree',
  receivedOn: null,
  signedBy: providerUser,
  origin: '203.0.113.7',
  ...overrides,
});

const wet = (signedBy: ContractActor) =>
  signature({ method: 'wet', consentStatement: null, receivedOn: '2026-03-02', signedBy });

describe('signature validation (SS-5, CTR-4, ROLE-2)', () => {
  it("SS-5: the provider's own user signs the current document electronically, also once overdue", () => {
    expect(checkSignature(signature(), contract, awaiting)).toBeNull();
    expect(
      checkSignature(signature(), contract, { ...awaiting, status: 'signature-overdue' }),
    ).toBeNull();
  });

  it("ROLE-2: another provider's user is told the contract is not theirs, whatever it signs", () => {
    expect(
      checkSignature(
        signature({ signedBy: otherProviderUser, documentSha256: VOIDED }),
        contract,
        awaiting,
      )?.type,
    ).toBe(ContractProcessRejection.notTheProvider);
    const noProvider = { ...providerUser, providerId: null };
    expect(checkSignature(signature({ signedBy: noProvider }), contract, awaiting)?.type).toBe(
      ContractProcessRejection.notTheProvider,
    );
  });

  it("SS-5: staff do not sign electronically; only the provider's users do", () => {
    expect(checkSignature(signature({ signedBy: resourceManager }), contract, awaiting)?.type).toBe(
      ContractProcessRejection.roleNotAllowed,
    );
  });

  it('ROLE: a wet signature is recorded by a resource manager or supervisor, not a case worker or the provider', () => {
    expect(checkSignature(wet(resourceManager), contract, awaiting)).toBeNull();
    expect(checkSignature(wet(supervisor), contract, awaiting)).toBeNull();
    for (const actor of [caseWorker, providerUser]) {
      const rejection = checkSignature(wet(actor), contract, awaiting);
      expect(rejection?.type).toBe(ContractProcessRejection.roleNotAllowed);
      expect(rejection?.message).toMatch(/resource-manager or resource-manager-supervisor/);
    }
  });

  it('CTR-4: a signature on a re-issued (voided) document is refused, naming the current issue', () => {
    const reissued = { ...contract, document: { sha256: CURRENT, issueNumber: 2 } };
    const rejection = checkSignature(signature({ documentSha256: VOIDED }), reissued, awaiting);
    expect(rejection?.type).toBe(ContractProcessRejection.documentMismatch);
    expect(rejection?.message).toBe(
      `CTR-4: the document signed (SHA-256 ${VOIDED}) is not the current contract document: ` +
        `the contract was re-issued (issue 2, SHA-256 ${CURRENT}); review and sign the current document`,
    );
    expect(
      checkSignature(signature({ documentSha256: VOIDED }), contract, awaiting)?.message,
    ).toMatch(/^CTR-4: .* is not the current contract document \(SHA-256 a+\)$/);
  });

  it('WF-3: nothing is signed out of turn: once signed, while another step runs, or while closing', () => {
    for (const position of [
      { ...awaiting, status: 'awaiting-activation' as const },
      { ...awaiting, status: 'active' as const },
      { ...awaiting, stepInFlight: 'reissue' as const },
      {
        ...awaiting,
        closing: { status: 'cancelled' as const, on: '2026-03-01', reason: null, by: 'rm' },
      },
    ]) {
      expect(checkSignature(signature(), contract, position)?.type).toBe(
        ContractProcessRejection.notNow,
      );
    }
    expect(
      checkSignature(signature(), contract, { ...awaiting, stepInFlight: 'sign' })?.message,
    ).toMatch(/Another step \(sign\) .* is in progress/);
  });

  it('SS-5: a retried signature (its id already recorded) is accepted, to answer the record made', () => {
    const signed = { ...contract, signatureId: 'sig-1' };
    const after = { ...awaiting, status: 'awaiting-activation' as const };
    expect(checkSignature(signature(), signed, after)).toBeNull();
    expect(checkSignature(signature({ signatureId: 'sig-2' }), signed, after)?.type).toBe(
      ContractProcessRejection.notNow,
    );
  });
});

describe('re-issue and activation validation (CTR-3, CTR-4, ROLE)', () => {
  const reissue = (requestedBy: ContractActor, reason = 'Rate corrected') => ({
    requestId: 'r-1',
    reason,
    changes: { notes: 'corrected' },
    requestedBy,
  });

  it('CTR-3: resource managers re-issue with a reason until the contract is active', () => {
    for (const status of [
      'awaiting-signature',
      'signature-overdue',
      'awaiting-activation',
    ] as const) {
      expect(checkReissue(reissue(resourceManager), { ...awaiting, status })).toBeNull();
    }
    expect(checkReissue(reissue(supervisor), awaiting)).toBeNull();
    expect(checkReissue(reissue(resourceManager), { ...awaiting, status: 'active' })?.type).toBe(
      ContractProcessRejection.notNow,
    );
  });

  it('CTR-3: a re-issue needs a reason', () => {
    const rejection = checkReissue(reissue(resourceManager, '   '), awaiting);
    expect(rejection).toEqual({
      type: DecisionRejection.reasonRequired,
      message: 'CTR-3: a re-issue needs a reason',
    });
  });

  it('ROLE: neither the provider nor a case worker re-issues or activates', () => {
    const signed = { ...awaiting, status: 'awaiting-activation' as const };
    for (const actor of [providerUser, caseWorker]) {
      expect(checkReissue(reissue(actor), awaiting)?.type).toBe(
        ContractProcessRejection.roleNotAllowed,
      );
      expect(checkActivation({ requestId: 'a-1', activatedBy: actor }, signed)?.type).toBe(
        ContractProcessRejection.roleNotAllowed,
      );
    }
  });

  it('CTR-4: a contract is activated once signed, and not before or twice', () => {
    const request = { requestId: 'a-1', activatedBy: resourceManager };
    expect(checkActivation(request, { ...awaiting, status: 'awaiting-activation' })).toBeNull();
    for (const status of ['awaiting-signature', 'signature-overdue', 'active'] as const) {
      const rejection = checkActivation(request, { ...awaiting, status });
      expect(rejection?.type).toBe(ContractProcessRejection.notNow);
      expect(rejection?.message).toMatch(/is not awaiting activation/);
    }
    expect(
      checkActivation(request, {
        ...awaiting,
        status: 'awaiting-activation',
        stepInFlight: 'activate',
      })?.type,
    ).toBe(ContractProcessRejection.notNow);
  });
});
