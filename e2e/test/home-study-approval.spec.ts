import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from '@temporalio/client';
import {
  homeStudyApprovalStateQuery,
  homeStudyApprovalWorkflowId,
  homeStudyDecided,
} from '@platform/contracts';
import { eventually } from '@platform/testing';
import { fosterHomeEnrolment, type Platform } from '../src/index.js';
import { call } from './http.js';
import { startEndToEnd, type EndToEnd } from './support.js';

/**
 * WF-1 end to end over HTTP: a resource manager submits a home study in the providers service →
 * the approval process puts a task in the supervisors' inbox → the supervisor returns it, the
 * resource manager revises and resubmits, the supervisor approves → the providers service shows
 * the status and its history, the decisions are on Kafka, and the re-study is scheduled (CRD-7).
 */
let e2e: EndToEnd;
let platform: Platform;
let temporal: Client;
let tokens: Record<string, string>;

beforeAll(async () => {
  e2e = await startEndToEnd('e2e-wf1', [homeStudyDecided], ['rm.rivera', 'sup.sato']);
  ({ platform, temporal, tokens } = e2e);
});

afterAll(async () => {
  await e2e?.stop();
});

interface TaskItem {
  id: string;
  queue: string;
  status: string;
  assignee: string | null;
  workflowId: string;
  outcome: string | null;
}

const decidedEvents = (homeStudyId: string) => e2e.events(homeStudyDecided.type, homeStudyId);

async function openTask(user: string, queue: string, homeStudyId: string): Promise<TaskItem> {
  return eventually(async () => {
    const page = await call<{ items: TaskItem[] }>(
      'GET',
      `${platform.tasksUrl}/tasks?queue=${queue}&subjectId=${homeStudyId}&status=open`,
      { token: tokens[user] },
    );
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(1);
    return page.body.items[0] as TaskItem;
  });
}

async function waitForProcess(homeStudyId: string, status: string): Promise<void> {
  await eventually(async () => {
    expect(
      await e2e.workflowIdsMatching(
        `HomeStudyId = '${homeStudyId}' AND BusinessStatus = '${status}'`,
      ),
    ).toEqual([homeStudyApprovalWorkflowId(homeStudyId)]);
  });
}

async function submit(providerId: string, homeStudyId: string, text: string) {
  const submitted = await call<{ status: string }>(
    'POST',
    `${platform.providersUrl}/providers/${providerId}/home-studies/${homeStudyId}/submit`,
    {
      token: tokens['rm.rivera'],
      body: { recommendation: 'approve', recommendationText: text },
    },
  );
  expect(submitted.status).toBe(200);
  expect(submitted.body.status).toBe('submitted');
}

async function decide(taskId: string, user: string, body: Record<string, string>) {
  return call<{ status: number; errors?: { field: string }[] }>(
    'POST',
    `${platform.tasksUrl}/tasks/${taskId}/decision`,
    { token: tokens[user], body },
  );
}

describe('home study approval end to end (WF-1)', () => {
  it('WF-1: submit → supervisor inbox → return → resubmit → approve; providers show status and history, decisions on Kafka, re-study scheduled', async () => {
    const provider = await call<{ id: string }>('POST', `${platform.providersUrl}/providers`, {
      token: tokens['rm.rivera'],
      body: fosterHomeEnrolment('Hilltop Foster Home'),
    });
    expect(provider.status).toBe(201);
    const providerId = provider.body.id;
    const homeStudies = `${platform.providersUrl}/providers/${providerId}/home-studies`;
    const study = await call<{ id: string }>('POST', homeStudies, {
      token: tokens['rm.rivera'],
      body: { type: 'initial', dueOn: '2026-12-31' },
    });
    expect(study.status).toBe(201);
    const homeStudyId = study.body.id;
    const assessed = await call('POST', `${homeStudies}/${homeStudyId}/assessments`, {
      token: tokens['rm.rivera'],
      body: { assessmentType: 'Provider safety', result: 'pass', assessedOn: '2026-11-02' },
    });
    expect(assessed.status).toBe(201);

    await submit(providerId, homeStudyId, 'Safe, welcoming home');
    await waitForProcess(homeStudyId, 'awaiting-decision');
    const workflowId = homeStudyApprovalWorkflowId(homeStudyId);

    // The task is in the supervisors' inbox; a resource manager may not decide it.
    const first = await openTask('sup.sato', 'supervisor-approvals', homeStudyId);
    expect(first.workflowId).toBe(workflowId);
    const refused = await decide(first.id, 'rm.rivera', { outcome: 'approve' });
    expect(refused.status).toBe(403);
    // A return needs the comments (the task's required fields, before the process is asked).
    const noComment = await decide(first.id, 'sup.sato', { outcome: 'return' });
    expect(noComment.status).toBe(400);
    expect(noComment.body.errors?.map((e) => e.field)).toEqual(['comment']);

    // The supervisor claims it: the process's Assignee search attribute follows.
    expect(
      (
        await call('POST', `${platform.tasksUrl}/tasks/${first.id}/claim`, {
          token: tokens['sup.sato'],
        })
      ).status,
    ).toBe(200);
    await eventually(async () => {
      expect(
        await e2e.workflowIdsMatching(`HomeStudyId = '${homeStudyId}' AND Assignee = 'sup.sato'`),
      ).toEqual([workflowId]);
    });

    // Returned for further review: back to the resource manager, who revises and resubmits.
    const returned = await decide(first.id, 'sup.sato', {
      outcome: 'return',
      comment: 'Add the visit notes for the upstairs bedroom',
    });
    expect(returned.status).toBe(202);
    await waitForProcess(homeStudyId, 'returned');
    const revision = await openTask('rm.rivera', 'home-study-revisions', homeStudyId);
    expect(revision.assignee).toBe('rm.rivera');
    await submit(providerId, homeStudyId, 'Visit notes added');

    const second = await openTask('sup.sato', 'supervisor-approvals', homeStudyId);
    expect(second.id).not.toBe(first.id);
    expect((await decide(second.id, 'sup.sato', { outcome: 'approve' })).status).toBe(202);
    await expect(temporal.workflow.getHandle(workflowId).result()).resolves.toMatchObject({
      status: 'approved',
      submissions: 2,
    });

    // The providers service: approved, with every step in the status history.
    const shown = await call<{
      status: string;
      statusHistory: {
        toStatus: string;
        submission: number;
        actor: string;
        workflowId: string | null;
      }[];
    }>('GET', `${homeStudies}/${homeStudyId}`, { token: tokens['rm.rivera'] });
    expect(shown.body.status).toBe('approved');
    expect(shown.body.statusHistory.map((step) => [step.toStatus, step.submission])).toEqual(
      expect.arrayContaining([
        ['submitted', 1],
        ['returned', 1],
        ['submitted', 2],
        ['approved', 2],
      ]),
    );
    const decisions = shown.body.statusHistory.filter((s) =>
      ['returned', 'approved'].includes(s.toStatus),
    );
    expect(decisions.every((s) => s.actor === 'sup.sato' && s.workflowId === workflowId)).toBe(
      true,
    );

    // Both tasks closed by the process, the revision task by the resubmission.
    const closedRevision = await call<TaskItem>(
      'GET',
      `${platform.tasksUrl}/tasks/${revision.id}`,
      {
        token: tokens['rm.rivera'],
      },
    );
    expect(closedRevision.body).toMatchObject({ status: 'completed', outcome: 'resubmitted' });

    // The decisions are on Kafka, correlated with the process.
    const events = await eventually(() => {
      const found = decidedEvents(homeStudyId);
      expect(found).toHaveLength(2);
      return found;
    });
    expect(events.map((e) => [(e.data as { outcome: string }).outcome, e.correlationId])).toEqual([
      ['returned', workflowId],
      ['approved', workflowId],
    ]);

    // CRD-7: the re-study was scheduled after the approval.
    const state = await temporal.workflow.getHandle(workflowId).query(homeStudyApprovalStateQuery);
    expect(state.reStudy).toMatchObject({ previousHomeStudyId: homeStudyId, providerId });
    const list = await call<{ items: { id: string; type: string; status: string }[] }>(
      'GET',
      `${homeStudies}?type=re-study`,
      { token: tokens['rm.rivera'] },
    );
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: state.reStudy?.homeStudyId, status: 'in-progress' }),
    ]);
  });
});
