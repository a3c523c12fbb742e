import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Client, WorkflowHandle } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import {
  HOME_STUDY_APPROVAL_WORKFLOW,
  homeStudyApprovalWorkflowId,
  LICENCE_RENEWAL_WORKFLOW,
  licenceRenewalWorkflowId,
} from '@platform/contracts';
import { eventually } from '@platform/testing';
import { addProviderService, createServiceProduct, enrolProvider } from './support/fixtures.js';
import { startProvidersApp, type ProvidersApp } from './support/providers-app.js';
import { ADMIN, RM, SUPERVISOR } from './support/users.js';

/**
 * Processes are started by facts (ARCHITECTURE rule 4): the providers service's consumers turn its
 * own events into workflow starts and signals on the real Temporal server. No workflow worker runs
 * in this suite, so what is checked is what reached Temporal: the start, its input and the signals.
 */
let app: ProvidersApp;
let temporal: Client;

beforeAll(async () => {
  app = await startProvidersApp();
  temporal = await app.temporal();
});

afterAll(async () => {
  await app?.close();
});

interface Signalled {
  name: string;
  input: unknown;
}

/** The workflow's start input and the signals it received, from its history. */
async function whatReached(handle: WorkflowHandle) {
  const history = await handle.fetchHistory();
  const decode = (payloads?: { payloads?: unknown[] | null } | null) =>
    (payloads?.payloads ?? []).map((p) => defaultPayloadConverter.fromPayload(p as never));
  const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
  const signals: Signalled[] = (history.events ?? [])
    .flatMap((event) => event.workflowExecutionSignaledEventAttributes ?? [])
    .map((signal) => ({ name: signal.signalName ?? '', input: decode(signal.input)[0] }));
  return { type: started?.workflowType?.name, input: decode(started?.input)[0], signals };
}

async function submittedHomeStudy() {
  const providerId = await enrolProvider(app, `Process Home ${randomUUID().slice(0, 6)}`);
  const base = `/providers/${providerId}/home-studies`;
  const study = await app.request<{ id: string }>('POST', base, {
    user: RM,
    body: { type: 'initial' },
  });
  expect(study.status).toBe(201);
  const path = `${base}/${study.body.id}`;
  expect(
    (
      await app.request('POST', `${path}/assessments`, {
        user: RM,
        body: { assessmentType: 'Provider safety', result: 'pass', assessedOn: '2026-11-02' },
      })
    ).status,
  ).toBe(201);
  const submit = (text: string) =>
    app.request('POST', `${path}/submit`, {
      user: RM,
      body: { recommendation: 'approve', recommendationText: text },
    });
  expect((await submit('Safe home')).status).toBe(200);
  return { providerId, homeStudyId: study.body.id, path, submit };
}

describe('WF-1 is started by home-study.submitted', () => {
  it('WF-1: each submission of a home study, and a decision recorded outside the process, reach its one approval process as signals', async () => {
    const { providerId, homeStudyId, path, submit } = await submittedHomeStudy();
    const handle = temporal.workflow.getHandle(homeStudyApprovalWorkflowId(homeStudyId));
    await eventually(async () => {
      const reached = await whatReached(handle);
      expect(reached.type).toBe(HOME_STUDY_APPROVAL_WORKFLOW);
      expect(reached.input).toEqual({
        homeStudyId,
        providerId,
        decisionDays: 10,
        reminderDaysBeforeDue: 2,
        revisionDays: 14,
        escalateToRoles: ['resource-manager-supervisor'],
      });
      expect(reached.signals).toEqual([
        {
          name: 'homeStudySubmitted',
          input: {
            submission: 1,
            recommendation: 'approve',
            recommendationText: 'Safe home',
            submittedBy: RM,
          },
        },
      ]);
    });

    // Returned over the providers service's own endpoint (not through the process's task): the
    // process is told, so it can close its task; then submitted again: the same process.
    const decisionId = randomUUID();
    const returned = await app.request('POST', `${path}/decision`, {
      user: SUPERVISOR,
      body: { outcome: 'return', reason: 'Add the visit notes', decisionId },
    });
    expect(returned.status).toBe(200);
    expect((await submit('Visit notes added')).status).toBe(200);
    await eventually(async () => {
      const { signals } = await whatReached(handle);
      expect(signals.map((s) => [s.name, (s.input as { submission: number }).submission])).toEqual([
        ['homeStudySubmitted', 1],
        ['homeStudyDecidedElsewhere', 1],
        ['homeStudySubmitted', 2],
      ]);
      expect(signals[1]?.input).toMatchObject({
        homeStudyId,
        decisionId,
        outcome: 'return',
        status: 'returned',
        reason: 'Add the visit notes',
        decidedBy: SUPERVISOR,
      });
    });
    expect((await handle.describe()).status.name).toBe('RUNNING');
  });
});

describe('WF-2 is started by licence.approved and follows suspensions', () => {
  it('WF-2: an approved licence starts its renewal process with the period end and the configured reminders; a suspension over HTTP is signalled as already recorded', async () => {
    const type = await app.request<{ id: string }>('POST', '/licence-types', {
      user: ADMIN,
      body: { code: `day-care-${randomUUID().slice(0, 6)}`, name: 'Day care licence' },
    });
    expect(type.status).toBe(201);
    const providerId = await enrolProvider(app, `Licensed ${randomUUID().slice(0, 6)}`, {
      approve: true,
    });
    const service = await addProviderService(app, providerId, {
      serviceProductId: await createServiceProduct(app),
      from: '2000-01-01',
    });
    const licences = `/providers/${providerId}/licences`;
    const licence = await app.request<{ id: string }>('POST', licences, {
      user: RM,
      body: {
        licenceTypeId: type.body.id,
        number: 'DC-4711',
        issuingAuthority: 'State licensing board',
        from: '2000-01-01',
        to: '2099-12-31',
        providerServiceIds: [service.id],
      },
    });
    expect(licence.status).toBe(201);
    const path = `${licences}/${licence.body.id}`;
    expect((await app.request('POST', `${path}/approve`, { user: RM, body: {} })).status).toBe(200);

    const handle = temporal.workflow.getHandle(licenceRenewalWorkflowId(licence.body.id));
    await eventually(async () => {
      const reached = await whatReached(handle);
      expect(reached.type).toBe(LICENCE_RENEWAL_WORKFLOW);
      expect(reached.input).toEqual({
        licenceId: licence.body.id,
        providerId,
        periodTo: '2099-12-31',
        reminderOffsetsDays: [90, 60, 30],
        cycle: 1,
      });
    });

    const suspended = await app.request('POST', `${path}/suspend`, {
      user: RM,
      body: { reason: 'Complaint under investigation' },
    });
    expect(suspended.status).toBe(200);
    await eventually(async () => {
      const { signals } = await whatReached(handle);
      expect(signals).toEqual([
        {
          name: 'suspend',
          input: expect.objectContaining({
            reason: 'Complaint under investigation',
            decidedBy: RM,
            alreadyRecorded: true,
          }),
        },
      ]);
    });
  });
});
