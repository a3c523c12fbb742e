import { describe, expect, it } from '@jest/globals';
import {
  HOME_STUDY_TEMPLATE_IDS,
  HOME_STUDY_TEMPLATES,
  renderHomeStudyDocument,
  type HomeStudyDocumentData,
} from './home-study-templates.js';

const data: HomeStudyDocumentData = {
  provider: { id: 'p-1', name: 'Hilltop Foster Home' },
  homeStudy: {
    id: 'hs-1',
    type: 'initial',
    status: 'approved',
    dueOn: '2026-03-31',
    previousHomeStudyId: null,
    submission: 2,
    recommendation: 'approve',
    recommendationText: 'Safe home',
    submittedBy: 'rm.rivera',
    decidedBy: 'sup.sato',
    decidedOn: '2026-03-15',
    failureReason: null,
    returnComments: 'Add fire safety',
    reStudyDueOn: '2027-03-15',
  },
  assessments: [
    {
      id: 'a-1',
      assessmentType: 'Provider safety',
      result: 'conditional-pass',
      assessedOn: '2026-02-10',
      notes: 'Balcony | deck damaged',
      correctiveActions: [
        {
          id: 'c-1',
          description: 'Repair the balcony deck',
          dueOn: '2026-03-10',
          completedOn: null,
        },
        {
          id: 'c-2',
          description: 'Fit a smoke detector',
          dueOn: '2026-02-20',
          completedOn: '2026-02-18',
        },
      ],
    },
    {
      id: 'a-2',
      assessmentType: 'Fire safety',
      result: 'pass',
      assessedOn: '2026-03-01',
      notes: null,
      correctiveActions: [],
    },
  ],
  visits: [
    {
      id: 'v-1',
      visitedOn: '2026-02-10',
      attendees: ['Maria Lopez', 'Tom Lopez'],
      narrative: 'Walked through every room.',
      visitedBy: 'rm.rivera',
    },
  ],
  history: [
    {
      action: 'create',
      fromStatus: null,
      toStatus: 'in-progress',
      reason: null,
      actor: 'rm.rivera',
      at: '2026-02-01T09:00:00.000Z',
    },
    {
      action: 'approve',
      fromStatus: 'submitted',
      toStatus: 'approved',
      reason: null,
      actor: 'sup.sato',
      at: '2026-03-15T09:00:00.000Z',
    },
  ],
};

const context = { generatedOn: '2026-03-16', generatedBy: 'rm.rivera' };

describe('supporting documents from templates (CRD-7)', () => {
  it('CRD-7: the home study report renders the whole study as Markdown', () => {
    const { title, content } = renderHomeStudyDocument('home-study-report', data, context);
    expect(title).toBe('Home study report — Hilltop Foster Home');
    expect(content).toContain('# Home study report — Hilltop Foster Home');
    expect(content).toContain('| Status | approved |');
    expect(content).toContain('**approve** (submitted by rm.rivera): Safe home');
    // a pipe typed by a person cannot break the table
    expect(content).toContain(
      '| Provider safety | 2026-02-10 | Conditional pass | Balcony \\| deck damaged |',
    );
    expect(content).toContain('| Provider safety | Repair the balcony deck | 2026-03-10 | open |');
    expect(content).toContain(
      '| Provider safety | Fit a smoke detector | 2026-02-20 | 2026-02-18 |',
    );
    expect(content).toContain('### 2026-02-10 — Maria Lopez, Tom Lopez');
    expect(content).toContain('Approved by sup.sato on 2026-03-15. Re-study due on 2027-03-15.');
    expect(content).toContain(
      '| 2026-03-15T09:00:00.000Z | approve | submitted | approved | sup.sato | — |',
    );
    expect(content.trimEnd().endsWith('Generated on 2026-03-16 by rm.rivera.')).toBe(true);
  });

  it("CRD-7: a rejected study's report gives the failure reason", () => {
    const rejected = {
      ...data,
      homeStudy: {
        ...data.homeStudy,
        status: 'rejected',
        failureReason: 'No smoke detector',
        reStudyDueOn: null,
      },
    };
    expect(renderHomeStudyDocument('home-study-report', rejected, context).content).toContain(
      'Rejected by sup.sato on 2026-03-15. Failure reason: No smoke detector',
    );
  });

  it('CRD-7: the visit summary is about one visit', () => {
    expect(HOME_STUDY_TEMPLATES['visit-summary'].needsVisit).toBe(true);
    const { title, content } = renderHomeStudyDocument('visit-summary', data, {
      ...context,
      visitId: 'v-1',
    });
    expect(title).toBe('Home visit summary — Hilltop Foster Home — 2026-02-10');
    expect(content).toContain('| Attendees | Maria Lopez, Tom Lopez |');
    expect(content).toContain('## Narrative\n\nWalked through every room.');
    expect(() =>
      renderHomeStudyDocument('visit-summary', data, { ...context, visitId: 'v-9' }),
    ).toThrow(RangeError);
  });

  it("CRD-7: the corrective action plan lists the conditional passes' actions and counts the open ones", () => {
    const { content } = renderHomeStudyDocument('corrective-action-plan', data, context);
    expect(content).toContain('Open corrective actions: 1.');
    expect(content).toContain('| Provider safety | Repair the balcony deck | 2026-03-10 | open |');
    expect(content).not.toContain('Fire safety');
  });

  it('every registered template renders for a study with nothing recorded yet', () => {
    const empty = {
      ...data,
      assessments: [],
      visits: [],
      homeStudy: { ...data.homeStudy, status: 'in-progress', recommendation: null },
    };
    for (const id of HOME_STUDY_TEMPLATE_IDS.filter((t) => !HOME_STUDY_TEMPLATES[t].needsVisit)) {
      const { content } = renderHomeStudyDocument(id, empty, context);
      expect(content).toMatch(/No (assessment recorded|corrective action)\./);
    }
    expect(HOME_STUDY_TEMPLATE_IDS).toEqual([
      'home-study-report',
      'visit-summary',
      'corrective-action-plan',
    ]);
  });
});
