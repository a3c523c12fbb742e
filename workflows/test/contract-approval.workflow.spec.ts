import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { Worker } from '@temporalio/worker';
import {
  contractApprovalStateQuery,
  contractClosedSignal,
  ContractProcessRejection,
  DecisionRejection,
  SearchAttributes,
  type ContractActor,
} from '@platform/contracts';
import { addDays, type CalendarDate } from '@platform/kernel';
import { eventually } from '@platform/testing';
import { DAY_MS, HOUR_MS } from '../src/shared/clock.js';
import {
  acceptedUpdates,
  activate,
  calendarDate,
  callsFor,
  ContractProcesses,
  deadlineOf,
  described,
  PROVIDER_NAME,
  recordHistory,
  refusal,
  reissue,
  resourceManager,
  sign,
  stateWhen,
} from './support/contract-processes.js';
import { InMemoryContracts } from './support/in-memory-contracts.js';
import { WorkflowTestbed, workflowsPath } from './support/workflow-testbed.js';

/**
 * WF-3 on Temporal's time-skipping test server, with in-memory stand-ins for the tasks and
 * providers services (the end-to-end suite runs the real ones): a 30-day signature period, its
 * reminders, its deadline and a contract period pass in seconds.
 */
const historiesDir = new URL('../histories/', import.meta.url);

const contracts = new InMemoryContracts();
let testbed: WorkflowTestbed;
let processes: ContractProcesses;

beforeAll(async () => {
  testbed = await WorkflowTestbed.start(contracts, { workflowCache: true });
  processes = new ContractProcesses(testbed, contracts);
});

afterAll(async () => {
  await testbed?.shutdown();
});

const caseWorker: ContractActor = { userId: 'cw.chen', roles: ['case-worker'] };
const STAFF = ['resource-manager', 'resource-manager-supervisor'];
const startOfDay = (day: string) => Date.parse(`${day}T00:00:00Z`);

describe('contract publish–sign–activate process (WF-3)', () => {
  it('WF-3: the provider signs the issued document and a resource manager activates it; search attributes, tasks and activity calls follow each step', async () => {
    const contract = await processes.start();
    const { handle, workflowId, contractId, input, providerUser } = contract;

    // ARCHITECTURE rule 7: found by contract, provider, status, and since when it awaits a signature.
    const issued = await described(handle);
    expect(issued.attributes).toMatchObject({
      ContractId: [contractId],
      ProviderId: [input.providerId],
      ContractStatus: ['issued'],
      BusinessStatus: ['awaiting-signature'],
    });
    expect(issued.typed.get(SearchAttributes.awaitingSignatureSince)).toEqual(
      new Date(input.document.issuedAt),
    );
    expect(issued.summary).toBe(
      `Contract ${input.contractNumber} v1 of ${PROVIDER_NAME}: awaiting the provider's signature ` +
        `on issue 1 since ${input.document.issuedAt.slice(0, 10)}, due ${calendarDate(deadlineOf(contract))}`,
    );

    const request = processes.signature(contract);
    const record = await sign(handle, request);
    expect(record).toMatchObject({
      signatureId: request.signatureId,
      contractId,
      documentId: input.document.documentId,
      documentSha256: input.document.sha256,
      method: 'electronic',
      signedBy: providerUser.userId,
    });
    expect(callsFor(contracts.signatureCalls, contractId)).toEqual([
      {
        contractId,
        signatureId: request.signatureId,
        documentSha256: input.document.sha256,
        method: 'electronic',
        typedName: 'Pat Sunrise',
        consentStatement: request.consentStatement,
        receivedOn: null,
        signedBy: {
          userId: providerUser.userId,
          roles: ['provider'],
          providerId: input.providerId,
        },
        origin: '203.0.113.7',
        workflowId,
      },
    ]);
    // SS-5: a retried request answers the same record; nothing is recorded twice.
    await expect(sign(handle, request)).resolves.toEqual(record);
    expect(callsFor(contracts.signatureCalls, contractId)).toHaveLength(1);

    const signed = await stateWhen(handle, { status: 'awaiting-activation' });
    expect(signed).toMatchObject({ signature: record, awaitingSignatureSince: null });
    const [task, ...others] = testbed.tasks.of(workflowId);
    expect(others).toEqual([]);
    expect(task).toMatchObject({
      taskId: signed.activationTaskId,
      requestKey: `${workflowId}/activation/1`,
      queue: 'contract-activations',
      subject: { type: 'contract', id: contractId },
      allowedOutcomes: [],
      deciderRoles: STAFF,
      status: 'open',
    });
    expect(task?.title).toBe(
      `Contract ${input.contractNumber} v1 of ${PROVIDER_NAME}: signed, ready to activate`,
    );
    expect(task?.details?.[0]).toBe(
      `Signed electronically by Pat Sunrise (${providerUser.userId}) on ${record.signedAt}`,
    );
    const awaitingActivation = await described(handle);
    expect(awaitingActivation.attributes).toMatchObject({
      ContractStatus: ['issued'],
      BusinessStatus: ['awaiting-activation'],
      WorkQueue: ['contract-activations'],
    });
    expect(awaitingActivation.typed.get(SearchAttributes.awaitingSignatureSince)).toBeUndefined();

    const outcome = await activate(handle);
    const activatedOn = contracts.contract(contractId).activatedOn;
    expect(outcome).toEqual({ activated: true, activatedOn, supersededContractId: null });
    expect(callsFor(contracts.activationCalls, contractId)).toEqual([
      {
        contractId,
        requestId: expect.any(String),
        activatedBy: resourceManager,
        workflowId,
      },
    ]);
    expect(testbed.tasks.task(task!.taskId)).toMatchObject({
      status: 'completed',
      completion: { outcome: 'activated', decidedBy: resourceManager.userId, reason: null },
    });
    expect(await stateWhen(handle, { status: 'active' })).toMatchObject({
      activatedOn,
      activationTaskId: null,
      escalationTaskId: null,
      activationRefusals: [],
    });
    const active = await described(handle);
    expect(active.attributes).toMatchObject({
      ContractStatus: ['active'],
      BusinessStatus: ['active'],
    });
    expect(active.attributes['WorkQueue'] ?? [null]).toEqual([null]);
    expect(active.summary).toBe(
      `Contract ${input.contractNumber} v1 of ${PROVIDER_NAME}: active from ${activatedOn} to ${input.periodTo}`,
    );
    // Signed in time: no reminder went out.
    expect(callsFor(contracts.reminders, contractId)).toEqual([]);
    await handle.terminate('test finished');
  });

  it('WF-3: reminders go out 14 and 3 days before the deadline; once it passes unsigned an escalation task asks the resource managers to follow up, and the process waits on', async () => {
    const contract = await processes.start();
    const { handle, workflowId, contractId, input } = contract;
    const deadline = deadlineOf(contract);
    const deadlineIso = new Date(deadline).toISOString();

    await processes.advanceTo(deadline - 14 * DAY_MS - HOUR_MS);
    expect(callsFor(contracts.reminders, contractId)).toEqual([]);
    await processes.advanceTo(deadline - 14 * DAY_MS + HOUR_MS);
    await stateWhen(handle, { remindersSent: [14] });
    await processes.advanceTo(deadline - 3 * DAY_MS + HOUR_MS);
    await stateWhen(handle, { remindersSent: [14, 3] });
    expect(callsFor(contracts.reminders, contractId)).toEqual(
      [14, 3].map((days) => ({
        contractId,
        requestKey: `${workflowId}/reminder/1/${days}`,
        deadline: deadlineIso,
        message:
          `Contract ${input.contractNumber} v1 of ${PROVIDER_NAME} awaits your signature: please ` +
          `review and sign it by ${calendarDate(deadline)} (in ${days} days)`,
      })),
    );
    expect(testbed.tasks.of(workflowId)).toEqual([]);

    await processes.advanceTo(deadline + HOUR_MS);
    const overdue = await stateWhen(handle, { status: 'signature-overdue' });
    const [task, ...others] = testbed.tasks.of(workflowId);
    expect(others).toEqual([]);
    expect(task).toMatchObject({
      taskId: overdue.escalationTaskId,
      requestKey: `${workflowId}/escalation/1`,
      queue: 'contract-signatures',
      subject: { type: 'contract', id: contractId },
      priority: 'high',
      dueAt: deadlineIso,
      allowedOutcomes: [],
      deciderRoles: STAFF,
      status: 'open',
    });
    expect(task?.title).toBe(
      `Contract ${input.contractNumber} v1 of ${PROVIDER_NAME}: not signed by the deadline ${calendarDate(deadline)}`,
    );
    expect(task?.details?.slice(0, 2)).toEqual([
      `Awaiting the provider's signature since ${input.document.issuedAt} (issue 1 of the document, SHA-256 ${input.document.sha256})`,
      `The signature was due by ${deadlineIso}`,
    ]);
    const escalated = await described(handle);
    expect(escalated.attributes).toMatchObject({
      BusinessStatus: ['signature-overdue'],
      ContractStatus: ['issued'],
      WorkQueue: ['contract-signatures'],
    });
    expect(escalated.typed.get(SearchAttributes.awaitingSignatureSince)).toEqual(
      new Date(input.document.issuedAt),
    );

    // The process waits on: a signature received on paper, recorded by a resource manager, closes
    // the escalation and hands the contract over for activation.
    const wet = processes.signature(contract, {
      method: 'wet',
      consentStatement: null,
      receivedOn: calendarDate(deadline),
      signedBy: resourceManager,
    });
    await expect(sign(handle, wet)).resolves.toMatchObject({
      method: 'wet',
      signedBy: 'rm.rivera',
    });
    const signed = await stateWhen(handle, {
      status: 'awaiting-activation',
      escalationTaskId: null,
    });
    expect(testbed.tasks.task(task!.taskId).completion).toMatchObject({
      outcome: 'signed',
      decidedBy: resourceManager.userId,
    });
    expect(testbed.tasks.task(signed.activationTaskId as string).details?.[0]).toMatch(
      /^Signed on paper \(wet signature\) by Pat Sunrise \(rm.rivera\)/,
    );
    await handle.terminate('test finished');
  });

  it('CTR-3 / CTR-4: after a re-issue the signature on the old document is refused (ContractDocumentMismatch) and changes nothing; one on the new document is accepted', async () => {
    const contract = await processes.start();
    const { handle, workflowId, contractId, input } = contract;
    await processes.advanceTo(deadlineOf(contract) - 10 * DAY_MS);
    await stateWhen(handle, { remindersSent: [14] });

    const oldSignature = processes.signature(contract);
    const requestId = randomUUID();
    const issued = await reissue(handle, 'Unit rate corrected', resourceManager, requestId);
    expect(issued).toMatchObject({ issueNumber: 2 });
    expect(issued.sha256).not.toBe(input.document.sha256);
    expect(callsFor(contracts.reissueCalls, contractId)).toEqual([
      {
        contractId,
        requestId,
        reason: 'Unit rate corrected',
        changes: { rate: '125.00' },
        requestedBy: resourceManager,
        workflowId,
      },
    ]);
    // Reminders and deadline restart from the new issue.
    const reissued = await stateWhen(handle, { status: 'awaiting-signature', document: issued });
    expect(reissued).toMatchObject({
      voidedDocumentIds: [input.document.documentId],
      awaitingSignatureSince: issued.issuedAt,
      signatureDeadline: new Date(Date.parse(issued.issuedAt) + 30 * DAY_MS).toISOString(),
      remindersSent: [],
      signature: null,
    });
    expect(
      Date.parse(issued.issuedAt) - Date.parse(input.document.issuedAt),
    ).toBeGreaterThanOrEqual(20 * DAY_MS);
    expect((await described(handle)).typed.get(SearchAttributes.awaitingSignatureSince)).toEqual(
      new Date(issued.issuedAt),
    );
    // CTR-3: a retried request answers the same document and voids nothing more.
    await expect(
      reissue(handle, 'Unit rate corrected', resourceManager, requestId),
    ).resolves.toEqual(issued);
    expect(await handle.query(contractApprovalStateQuery)).toEqual(reissued);

    const updatesBefore = await acceptedUpdates(handle);
    const mismatch = await refusal(sign(handle, oldSignature));
    expect(mismatch.type).toBe(ContractProcessRejection.documentMismatch);
    expect(mismatch.message).toBe(
      `CTR-4: the document signed (SHA-256 ${input.document.sha256}) is not the current contract ` +
        `document: the contract was re-issued (issue 2, SHA-256 ${issued.sha256}); review and sign ` +
        'the current document',
    );
    expect(callsFor(contracts.signatureCalls, contractId)).toEqual([]);
    expect(await handle.query(contractApprovalStateQuery)).toEqual(reissued);
    expect(await acceptedUpdates(handle)).toBe(updatesBefore);

    const record = await sign(handle, processes.signature(contract));
    expect(record).toMatchObject({ documentId: issued.documentId, documentSha256: issued.sha256 });
    await stateWhen(handle, { status: 'awaiting-activation', signature: record });
    expect(testbed.tasks.of(workflowId).map((task) => task.requestKey)).toEqual([
      `${workflowId}/activation/2`,
    ]);
    await handle.terminate('test finished');
  });

  it('CTR-3 / WF-3: re-issuing an overdue contract closes its escalation and restarts the reminders and deadline; cancelling it closes the new escalation task and ends the process', async () => {
    const contract = await processes.start();
    const { handle, workflowId, contractId } = contract;
    await processes.advanceTo(deadlineOf(contract) + HOUR_MS);
    const overdue = await stateWhen(handle, { status: 'signature-overdue' });

    const issued = await reissue(handle, 'Provider asked for a corrected place limit');
    await stateWhen(handle, { status: 'awaiting-signature', escalationTaskId: null });
    expect(testbed.tasks.task(overdue.escalationTaskId as string).completion).toEqual({
      taskId: overdue.escalationTaskId,
      outcome: 'reissued',
      decidedBy: resourceManager.userId,
      reason: 'Provider asked for a corrected place limit',
    });

    const secondDeadline = Date.parse(issued.issuedAt) + 30 * DAY_MS;
    await processes.advanceTo(secondDeadline + HOUR_MS);
    const overdueAgain = await stateWhen(handle, {
      status: 'signature-overdue',
      remindersSent: [14, 3],
    });
    expect(callsFor(contracts.reminders, contractId).map((r) => r.requestKey)).toEqual([
      `${workflowId}/reminder/1/14`,
      `${workflowId}/reminder/1/3`,
      `${workflowId}/reminder/2/14`,
      `${workflowId}/reminder/2/3`,
    ]);
    expect(testbed.tasks.task(overdueAgain.escalationTaskId as string)).toMatchObject({
      requestKey: `${workflowId}/escalation/2`,
      dueAt: new Date(secondDeadline).toISOString(),
      status: 'open',
    });

    // What the cancel command does after its commit.
    contracts.close(contractId, 'cancelled');
    const cancelled = {
      status: 'cancelled' as const,
      on: calendarDate(secondDeadline),
      reason: 'Provider withdrew',
      by: 'rm.rivera',
    };
    await handle.signal(contractClosedSignal, cancelled);
    await expect(handle.result()).resolves.toEqual({
      contractId,
      status: 'cancelled',
      signature: null,
    });
    expect(testbed.tasks.task(overdueAgain.escalationTaskId as string).completion).toEqual({
      taskId: overdueAgain.escalationTaskId,
      outcome: 'cancelled',
      decidedBy: 'rm.rivera',
      reason: 'Provider withdrew',
    });
    expect(await handle.query(contractApprovalStateQuery)).toMatchObject({
      status: 'cancelled',
      closed: cancelled,
      escalationTaskId: null,
      awaitingSignatureSince: null,
    });
    const ended = await described(handle);
    expect(ended.attributes).toMatchObject({
      ContractStatus: ['cancelled'],
      BusinessStatus: ['cancelled'],
    });
    expect(ended.typed.get(SearchAttributes.awaitingSignatureSince)).toBeUndefined();
    expect(ended.summary).toBe(
      `Contract ${contract.input.contractNumber} v1 of ${PROVIDER_NAME}: cancelled on ${cancelled.on} by rm.rivera: Provider withdrew`,
    );
    await recordHistory(handle, 'contract-approval-reissue-escalation-cancel.json');
  });
});

describe('activation and the end of a contract (CTR-4, CTR-5, CTR-7)', () => {
  it('CTR-4: activation is refused for an unapproved provider, an unapproved covered service and a missing licence — every reason answered and kept, the task open — and succeeds once each is put right', async () => {
    const contract = await processes.start({
      facts: {
        providerStatus: 'suspended',
        coveredServices: [{ id: 'ps-respite', name: 'Respite care', status: 'pending' }],
        requiredLicenceTypes: ['CHILD-CARE'],
        validLicenceTypes: [],
      },
    });
    const { handle, workflowId, contractId } = contract;
    await sign(handle, processes.signature(contract));
    const { activationTaskId } = await stateWhen(handle, { status: 'awaiting-activation' });
    const facts = contracts.contract(contractId).facts;

    const all = [
      'CTR-4: the provider is suspended, not approved',
      'CTR-4: the covered service Respite care is pending, not approved',
      'CTR-2: no valid CHILD-CARE licence on the activation date',
    ];
    await expect(activate(handle)).resolves.toEqual({ activated: false, refusals: all });
    expect(await stateWhen(handle, { activationRefusals: all })).toMatchObject({
      status: 'awaiting-activation',
      activationTaskId,
    });
    expect(testbed.tasks.task(activationTaskId as string).status).toBe('open');
    expect((await described(handle)).summary).toMatch(
      /awaiting activation; activation refused: CTR-4: the provider is suspended, not approved; CTR-4: the covered service Respite care/,
    );

    facts.providerStatus = 'approved';
    await expect(activate(handle)).resolves.toEqual({ activated: false, refusals: all.slice(1) });
    facts.coveredServices[0]!.status = 'approved';
    await expect(activate(handle)).resolves.toEqual({ activated: false, refusals: all.slice(2) });
    expect(await stateWhen(handle, { activationRefusals: all.slice(2) })).toMatchObject({
      status: 'awaiting-activation',
    });
    expect(contracts.contract(contractId).status).toBe('issued');

    // An expired licence is no valid licence either; a renewed one is.
    facts.validLicenceTypes = ['CHILD-CARE'];
    await expect(activate(handle)).resolves.toMatchObject({ activated: true });
    expect(await stateWhen(handle, { status: 'active' })).toMatchObject({
      activationRefusals: [],
      activationTaskId: null,
    });
    expect(testbed.tasks.of(workflowId)).toHaveLength(1);
    expect(testbed.tasks.task(activationTaskId as string).completion?.outcome).toBe('activated');
    expect(callsFor(contracts.activationCalls, contractId)).toHaveLength(4);
    await handle.terminate('test finished');
  });

  it('CTR-5: when an amendment (v2 amending v1) activates, v1 is superseded and its process ends "amended"', async () => {
    const v1 = await processes.start();
    await processes.signAndActivate(v1);

    const v2 = await processes.start({
      providerId: v1.input.providerId,
      contractNumber: v1.input.contractNumber,
      version: 2,
      amendsContractId: v1.contractId,
    });
    const { outcome } = await processes.signAndActivate(v2);
    expect(outcome).toEqual({
      activated: true,
      activatedOn: contracts.contract(v2.contractId).activatedOn,
      supersededContractId: v1.contractId,
    });

    await expect(processes.resultWithoutSkipping(v1)).resolves.toMatchObject({
      contractId: v1.contractId,
      status: 'amended',
    });
    expect((await v1.handle.query(contractApprovalStateQuery)).closed).toEqual({
      status: 'amended',
      on: outcome.activated ? outcome.activatedOn : null,
      reason: `Superseded by ${v1.input.contractNumber} v2, activated on ${outcome.activated ? outcome.activatedOn : ''} (CTR-5)`,
      by: resourceManager.userId,
    });
    expect((await described(v1.handle)).attributes).toMatchObject({
      ContractStatus: ['amended'],
      BusinessStatus: ['amended'],
    });
    expect(contracts.contract(v1.contractId).status).toBe('amended');
    // The amendment's own process goes on, active.
    expect((await v2.handle.describe()).status.name).toBe('RUNNING');
    await v2.handle.terminate('test finished');
  });

  it('CTR-5: an amendment still activates when the version it supersedes has no running process', async () => {
    const now = await testbed.env.currentTimeMs();
    const providerId = randomUUID();
    const v1 = contracts.addActive({
      contractNumber: 'C-2025-0042',
      providerId,
      providerName: PROVIDER_NAME,
      period: { from: calendarDate(now), to: calendarDate(now + 365 * DAY_MS) },
      issuedAt: new Date(now).toISOString(),
    });
    const v2 = await processes.start({
      providerId,
      contractNumber: 'C-2025-0042',
      version: 2,
      amendsContractId: v1.contractId,
    });
    const { outcome } = await processes.signAndActivate(v2);
    expect(outcome).toMatchObject({ supersededContractId: v1.contractId });
    expect((await v2.handle.describe()).status.name).toBe('RUNNING');
    await v2.handle.terminate('test finished');
  });

  it('CTR-7: a terminated contract\'s process ends "terminated", answering its signature', async () => {
    const contract = await processes.start();
    const { handle, contractId, input } = contract;
    const { record } = await processes.signAndActivate(contract);

    contracts.close(contractId, 'terminated');
    const terminated = {
      status: 'terminated' as const,
      on: addDays(input.periodTo as CalendarDate, -100),
      reason: 'Breach of contract',
      by: 'sup.lee',
    };
    await handle.signal(contractClosedSignal, terminated);
    await expect(handle.result()).resolves.toEqual({
      contractId,
      status: 'terminated',
      signature: record,
    });
    expect(await handle.query(contractApprovalStateQuery)).toMatchObject({
      status: 'terminated',
      closed: terminated,
      activationTaskId: null,
    });
    expect((await described(handle)).attributes).toMatchObject({
      ContractStatus: ['terminated'],
      BusinessStatus: ['terminated'],
    });
    await recordHistory(handle, 'contract-approval-sign-activate-terminate.json');
  });

  it('CTR-3: an active contract\'s process ends the day after its period ("period-ended")', async () => {
    const contract = await processes.start({ periodDays: 60 });
    const { handle, contractId, input } = contract;
    const { record } = await processes.signAndActivate(contract);

    await expect(handle.result()).resolves.toEqual({
      contractId,
      status: 'period-ended',
      signature: record,
    });
    const { closeTime } = await handle.describe();
    expect(closeTime!.getTime()).toBeGreaterThanOrEqual(
      startOfDay(addDays(input.periodTo as CalendarDate, 1)),
    );
    expect((await described(handle)).attributes).toMatchObject({
      ContractStatus: ['active'],
      BusinessStatus: ['period-ended'],
    });
  });
});

describe('step validation (ROLE, ROLE-2, CTR-3, WF-3)', () => {
  it("ROLE-2 / ROLE / WF-3: another provider's user, a case worker's wet signature, the provider re-issuing, a re-issue without reason and an activation before signing are refused; nothing is recorded", async () => {
    const contract = await processes.start();
    const { handle, contractId } = contract;
    const before = await handle.query(contractApprovalStateQuery);
    const updatesBefore = await acceptedUpdates(handle);
    const otherProvider = {
      userId: 'sam@other',
      roles: ['provider' as const],
      providerId: randomUUID(),
    };

    const refusals = [
      await refusal(sign(handle, processes.signature(contract, { signedBy: otherProvider }))),
      await refusal(
        sign(
          handle,
          processes.signature(contract, {
            method: 'wet',
            consentStatement: null,
            receivedOn: '2026-03-02',
            signedBy: caseWorker,
          }),
        ),
      ),
      await refusal(reissue(handle, 'Provider wants other terms', contract.providerUser)),
      await refusal(reissue(handle, '  ')),
      await refusal(activate(handle)),
    ];
    expect(refusals.map((failure) => failure.type)).toEqual([
      ContractProcessRejection.notTheProvider,
      ContractProcessRejection.roleNotAllowed,
      ContractProcessRejection.roleNotAllowed,
      DecisionRejection.reasonRequired,
      ContractProcessRejection.notNow,
    ]);
    expect(refusals.every((failure) => failure.nonRetryable)).toBe(true);
    expect(refusals[4]?.message).toMatch(/is not awaiting activation/);

    expect(callsFor(contracts.signatureCalls, contractId)).toEqual([]);
    expect(callsFor(contracts.reissueCalls, contractId)).toEqual([]);
    expect(callsFor(contracts.activationCalls, contractId)).toEqual([]);
    expect(await acceptedUpdates(handle)).toBe(updatesBefore);
    expect(await handle.query(contractApprovalStateQuery)).toEqual(before);
    await handle.terminate('test finished');
  });

  it('WF-3: one step at a time — while a signature is being recorded a re-issue is refused; the signature then completes', async () => {
    const contract = await processes.start();
    const { handle, contractId } = contract;
    const release = contracts.pauseNext('recordContractSignature');
    const signing = sign(handle, processes.signature(contract));
    try {
      await eventually(async () => expect(await acceptedUpdates(handle)).toBe(1));
      const outOfTurn = await refusal(reissue(handle));
      expect(outOfTurn.type).toBe(ContractProcessRejection.notNow);
      expect(outOfTurn.message).toMatch(
        /Another step \(sign\) of this contract's process is in progress/,
      );
    } finally {
      release();
    }
    await expect(signing).resolves.toMatchObject({ contractId });
    await stateWhen(handle, { status: 'awaiting-activation' });
    expect(callsFor(contracts.reissueCalls, contractId)).toEqual([]);
    await handle.terminate('test finished');
  });

  it('CTR-3: a signature the providers service refuses (the contract was cancelled, its signal still on the way) fails the update with that rule and changes nothing', async () => {
    const contract = await processes.start();
    const { handle, workflowId, contractId } = contract;
    contracts.close(contractId, 'cancelled');

    const refused = await refusal(sign(handle, processes.signature(contract)));
    expect(refused.type).toBe('CTR-3');
    expect(refused.message).toBe('CTR-3: a cancelled contract is not awaiting a signature');
    expect(await handle.query(contractApprovalStateQuery)).toMatchObject({
      status: 'awaiting-signature',
      signature: null,
      activationTaskId: null,
    });
    expect(testbed.tasks.of(workflowId)).toEqual([]);

    const cancelled = {
      status: 'cancelled' as const,
      on: '2026-03-01',
      reason: null,
      by: 'rm.rivera',
    };
    await handle.signal(contractClosedSignal, cancelled);
    await expect(handle.result()).resolves.toEqual({
      contractId,
      status: 'cancelled',
      signature: null,
    });
  });
});

describe('replay (ARCHITECTURE rule 5)', () => {
  it.each([
    ['contract-approval-sign-activate-terminate.json', 'signed, activated and terminated'],
    [
      'contract-approval-reissue-escalation-cancel.json',
      're-issued when overdue, escalated again and cancelled',
    ],
  ])('WF-3: replays the recorded history %s (%s) without non-determinism', async (file) => {
    const url = new URL(file, historiesDir);
    expect(existsSync(url)).toBe(true);
    const history: unknown = JSON.parse(readFileSync(url, 'utf8'));
    await expect(
      Worker.runReplayHistory({ workflowsPath }, history, `recorded-${file}`),
    ).resolves.toBeUndefined();
  });
});
