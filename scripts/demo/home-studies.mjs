// CRD-7 and WF-1: home studies of the two foster homes — assessments (one a conditional pass with
// a corrective action), visits and generated documents, submitted by the resource manager and
// decided by the supervisor in the approval process (WF-1): Hilltop's approved, Maple Street's returned for more work.
import { days, waitFor } from './http.mjs';

const HOME_STUDIES = [
  {
    provider: 'hilltop',
    study: {
      type: 'initial',
      dueOn: days(-30),
      notes: 'Initial home study of the Walker family for foster care',
    },
    assessments: [
      {
        assessmentType: 'Home safety',
        result: 'pass',
        assessedOn: days(-75),
        notes: 'Clean, safe home; medicines and cleaning products locked away',
      },
      {
        assessmentType: 'Fire safety',
        result: 'conditional-pass',
        assessedOn: days(-75),
        notes: 'No smoke detector in the basement bedroom',
        correctiveActions: [
          { description: 'Install a smoke detector in the basement bedroom', dueOn: days(-45) },
        ],
        completed: days(-52),
      },
      {
        assessmentType: 'Family interview',
        result: 'pass',
        assessedOn: days(-60),
        notes: 'Both foster parents motivated; strong support from the extended family',
      },
    ],
    visits: [
      {
        visitedOn: days(-75),
        attendees: ['Grace Walker', 'Daniel Walker', 'Ethan Walker', 'Rosa Rivera'],
        narrative:
          'Walked through every room with the family. Two spare bedrooms suitable for siblings; ' +
          'garden fenced. The basement bedroom has no smoke detector.',
      },
      {
        visitedOn: days(-52),
        attendees: ['Grace Walker', 'Rosa Rivera'],
        narrative: 'Follow-up visit: smoke detector installed in the basement bedroom and tested.',
      },
    ],
    documents: ['home-study-report', 'corrective-action-plan', 'visit-summary'],
    submit: {
      recommendation: 'approve',
      recommendationText: 'Safe, well-prepared home; the only corrective action is completed.',
    },
    decision: { outcome: 'approve', reason: null },
  },
  {
    provider: 'maple',
    study: { type: 'initial', dueOn: days(30), notes: 'Initial home study of the Lopez family' },
    assessments: [
      {
        assessmentType: 'Home safety',
        result: 'pass',
        assessedOn: days(-20),
        notes: 'Safe home; stair gates fitted for toddlers',
      },
    ],
    visits: [
      {
        visitedOn: days(-20),
        attendees: ['Maria Lopez', 'Rosa Rivera'],
        narrative: 'First visit with Maria Lopez; Tom Lopez was at work.',
      },
    ],
    documents: ['home-study-report'],
    submit: {
      recommendation: 'approve',
      recommendationText: 'Warm, safe home for infants and toddlers.',
    },
    decision: {
      outcome: 'return',
      reason: 'Add the fire safety assessment and interview Tom Lopez before I decide',
    },
  },
];

const DECIDED = { approve: 'approved', reject: 'rejected', return: 'returned' };

/**
 * WF-1: the submission starts the approval process, which puts a task in the supervisors' inbox;
 * the supervisor claims it and decides there (a return's text goes as the comments), and the
 * process records the decision in the providers service.
 */
async function decideThroughTask(supervisor, path, homeStudyId, { outcome, reason }) {
  const task = await waitFor(`the supervisor's task for home study ${homeStudyId}`, async () => {
    const page = await supervisor.tasks.get(
      `/tasks?queue=supervisor-approvals&subjectId=${homeStudyId}&status=open`,
    );
    return page.items[0];
  });
  await supervisor.tasks.post(`/tasks/${task.id}/claim`);
  await supervisor.tasks.post(
    `/tasks/${task.id}/decision`,
    outcome === 'return' ? { outcome, comment: reason } : { outcome, reason },
  );
  const status = DECIDED[outcome];
  await waitFor(`home study ${homeStudyId} to be ${status}`, async () => {
    const homeStudy = await supervisor.get(path);
    return homeStudy.status === status;
  });
  return status;
}

/** The resource manager does the study and submits it; the supervisor decides in the inbox. */
export async function loadHomeStudies(manager, supervisor, providers, progress) {
  const outcomes = [];
  let parts = 0;
  for (const homeStudy of HOME_STUDIES) {
    const base = `/providers/${providers[homeStudy.provider]}/home-studies`;
    const { id } = await manager.post(base, homeStudy.study);
    for (const { completed, ...assessment } of homeStudy.assessments) {
      const recorded = await manager.post(`${base}/${id}/assessments`, assessment);
      for (const action of completed ? recorded.correctiveActions : []) {
        await manager.post(
          `${base}/${id}/assessments/${recorded.id}/corrective-actions/${action.id}/complete`,
          { completedOn: completed },
        );
      }
      parts += 1;
    }
    const visits = [];
    for (const visit of homeStudy.visits) {
      visits.push(await manager.post(`${base}/${id}/visits`, visit));
      parts += 1;
    }
    for (const templateId of homeStudy.documents) {
      const visitId = templateId === 'visit-summary' ? visits[0].id : null;
      await manager.post(`${base}/${id}/documents`, { templateId, visitId });
      parts += 1;
    }
    await manager.post(`${base}/${id}/submit`, homeStudy.submit);
    outcomes.push(await decideThroughTask(supervisor, `${base}/${id}`, id, homeStudy.decision));
  }
  progress(
    `demo data: ${HOME_STUDIES.length} home studies with ${parts} assessments, visits and ` +
      `documents, submitted and decided by the supervisor through WF-1 (${outcomes.join(', ')})`,
  );
}
