import { describe, expect, it } from '@jest/globals';
import { addMonths, parseCalendarDate } from '@platform/kernel';
import {
  approvalWarnings,
  assessmentIssues,
  completionIssues,
  homeStudyCriterionWarnings,
  openCorrectiveActions,
  RE_STUDY_INTERVAL_MONTHS,
  reStudyDueOn,
  visitIssues,
  type AssessmentFacts,
  type DecidedHomeStudyFacts,
} from './home-study-rules.js';

const d = parseCalendarDate;
const balcony = { description: 'Repair the balcony deck', dueOn: d('2026-03-10') };
const conditional: AssessmentFacts = {
  assessmentType: 'Provider safety',
  result: 'conditional-pass',
  assessedOn: d('2026-02-10'),
  correctiveActions: [balcony],
};

describe('home study assessments (CRD-7)', () => {
  it('CRD-7: a conditional pass needs at least one corrective action', () => {
    expect(assessmentIssues({ ...conditional, correctiveActions: [] })).toEqual([
      expect.objectContaining({ rule: 'CRD-7', field: 'correctiveActions' }),
    ]);
    expect(assessmentIssues(conditional)).toEqual([]);
  });

  it.each(['pass', 'fail'] as const)('CRD-7: a %s has no corrective actions', (result) => {
    expect(assessmentIssues({ ...conditional, result })).toEqual([
      expect.objectContaining({
        field: 'correctiveActions',
        message: expect.stringContaining(result),
      }),
    ]);
    expect(assessmentIssues({ ...conditional, result, correctiveActions: [] })).toEqual([]);
  });

  it('CRD-7: a corrective action is due and completed on or after its assessment, never in the future', () => {
    const early = { ...balcony, dueOn: d('2026-02-09'), completedOn: d('2026-02-01') };
    expect(
      assessmentIssues({ ...conditional, correctiveActions: [early] }).map((i) => i.field),
    ).toEqual(['correctiveActions.0.dueOn', 'correctiveActions.0.completedOn']);
    expect(completionIssues(d('2026-03-02'), d('2026-02-10'), d('2026-03-01'))).toEqual([
      expect.objectContaining({ field: 'completedOn', message: expect.stringContaining('future') }),
    ]);
    expect(completionIssues(d('2026-03-01'), d('2026-02-10'), d('2026-03-01'))).toEqual([]);
  });

  it('CRD-7: an assessment or a visit is recorded once it happened', () => {
    expect(assessmentIssues(conditional, d('2026-02-09')).map((i) => i.field)).toEqual([
      'assessedOn',
    ]);
    expect(assessmentIssues(conditional, d('2026-02-10'))).toEqual([]);
    expect(
      visitIssues({ visitedOn: d('2026-02-11'), attendees: ['Ann'] }, d('2026-02-10')),
    ).toEqual([expect.objectContaining({ field: 'visitedOn' })]);
  });

  it('CRD-7: a visit names each attendee once', () => {
    expect(
      visitIssues({ visitedOn: d('2026-02-10'), attendees: ['Ann Lee', 'Bo', 'ann lee '] }),
    ).toEqual([expect.objectContaining({ rule: 'CRD-7', field: 'attendees.2' })]);
  });
});

describe('re-study after approval (CRD-7)', () => {
  it('CRD-7: an approved home study is repeated after the re-study interval', () => {
    expect(RE_STUDY_INTERVAL_MONTHS).toBe(12);
    expect(reStudyDueOn(d('2026-03-15'))).toBe('2027-03-15');
    expect(reStudyDueOn(d('2028-02-29'))).toBe('2029-02-28');
  });

  it('adds calendar months, keeping the day or taking the last day of a shorter month', () => {
    expect(addMonths(d('2026-01-31'), 1)).toBe('2026-02-28');
    expect(addMonths(d('2026-11-30'), 3)).toBe('2027-02-28');
    expect(addMonths(d('2026-12-15'), 1)).toBe('2027-01-15');
    expect(addMonths(d('2026-05-31'), 18)).toBe('2027-11-30');
  });
});

describe('what the supervisor weighs (WF-1)', () => {
  it('WF-1: unresolved corrective actions are warnings, overdue ones said so', () => {
    const done = {
      description: 'Fit a smoke detector',
      dueOn: d('2026-02-20'),
      completedOn: d('2026-02-18'),
    };
    const assessments = [
      { ...conditional, correctiveActions: [balcony, done] },
      {
        ...conditional,
        assessmentType: 'Fire safety',
        correctiveActions: [{ ...balcony, description: 'Clear the exit', dueOn: d('2026-04-01') }],
      },
    ];
    expect(openCorrectiveActions(assessments)).toBe(2);
    expect(
      approvalWarnings({ recommendation: 'approve', assessments, visits: 1 }, d('2026-03-11')),
    ).toEqual([
      'Corrective action not completed (Provider safety assessment): Repair the balcony deck — due 2026-03-10, overdue',
      'Corrective action not completed (Fire safety assessment): Clear the exit — due 2026-04-01',
    ]);
  });

  it('WF-1: missing assessments or visits and a failed assessment under an approval recommendation are warnings', () => {
    expect(
      approvalWarnings({ recommendation: 'approve', assessments: [], visits: 0 }, d('2026-03-01')),
    ).toEqual(['No assessment has been recorded', 'No home visit has been recorded']);
    const failed = { ...conditional, result: 'fail' as const, correctiveActions: [] };
    expect(
      approvalWarnings(
        { recommendation: 'approve', assessments: [failed], visits: 1 },
        d('2026-03-01'),
      ),
    ).toEqual([
      'The Provider safety assessment of 2026-02-10 failed, yet the recommendation is to approve',
    ]);
    expect(
      approvalWarnings(
        { recommendation: 'reject', assessments: [failed], visits: 1 },
        d('2026-03-01'),
      ),
    ).toEqual([]);
  });
});

describe("SVC-7 'home-study' criterion (CRD-7)", () => {
  const approved: DecidedHomeStudyFacts = {
    id: 'hs-1',
    status: 'approved',
    decidedOn: d('2026-03-15'),
    decidedAt: new Date('2026-03-15T10:00:00Z'),
    reStudyDueOn: d('2027-03-15'),
    failureReason: null,
  };

  it('SVC-7/CRD-7: met by an approved home study whose re-study is not overdue on the date', () => {
    expect(homeStudyCriterionWarnings([approved], d('2026-03-15'))).toEqual([]);
    expect(homeStudyCriterionWarnings([approved], d('2027-03-15'))).toEqual([]);
  });

  it('SVC-7/CRD-7: warns once the re-study is overdue', () => {
    expect(homeStudyCriterionWarnings([approved], d('2027-03-16'))).toEqual([
      'Home study: the re-study of home study hs-1 (approved 2026-03-15) was due on 2027-03-15 and is overdue on 2027-03-16',
    ]);
  });

  it('SVC-7/CRD-7: warns with no approved home study by the date, or when the latest was rejected', () => {
    expect(homeStudyCriterionWarnings([], d('2026-03-15'))).toEqual([
      'Home study: the provider has no approved home study on 2026-03-15',
    ]);
    expect(homeStudyCriterionWarnings([approved], d('2026-03-14'))).toHaveLength(1);
    const rejected: DecidedHomeStudyFacts = {
      ...approved,
      id: 'hs-2',
      status: 'rejected',
      decidedOn: d('2026-06-01'),
      decidedAt: new Date('2026-06-01T10:00:00Z'),
      reStudyDueOn: null,
      failureReason: 'No smoke detector',
    };
    expect(homeStudyCriterionWarnings([rejected, approved], d('2026-07-01'))).toEqual([
      'Home study: the latest home study (hs-2) was rejected on 2026-06-01: No smoke detector',
    ]);
    // a re-study approved after the rejection puts it right again
    const reApproved = {
      ...approved,
      id: 'hs-3',
      decidedOn: d('2026-08-01'),
      decidedAt: new Date('2026-08-01T09:00:00Z'),
      reStudyDueOn: d('2027-08-01'),
    };
    expect(homeStudyCriterionWarnings([approved, rejected, reApproved], d('2026-08-01'))).toEqual(
      [],
    );
  });
});
