import type {
  HomeStudyDecisionRecorded,
  HomeStudyForApproval,
  ProvidersActivities,
  RecordHomeStudyDecisionInput,
  ReStudyScheduled,
  ScheduleReStudyInput,
} from '@platform/contracts';

type HomeStudyActivities = Pick<
  ProvidersActivities,
  'getHomeStudyForApproval' | 'recordHomeStudyDecision' | 'scheduleReStudy'
>;

interface StoredHomeStudy {
  providerId: string;
  providerName: string;
  warnings: string[];
}

/** The re-study due date the stand-in answers for every approval (the real one adds an interval). */
export const RE_STUDY_DUE_ON = '2027-11-01';

const DECIDED_STATUS = { approve: 'approved', reject: 'rejected', return: 'returned' } as const;

/**
 * The providers service's WF-1 activities in memory, recording every call: idempotent by decision
 * id and by home study, like the real ones (the providers service's own tests cover those).
 */
export class InMemoryHomeStudies implements HomeStudyActivities {
  readonly lookups: string[] = [];
  readonly decisions: RecordHomeStudyDecisionInput[] = [];
  readonly reStudies: ScheduleReStudyInput[] = [];
  private readonly studies = new Map<string, StoredHomeStudy>();

  /** A home study as the providers service would hold it when first submitted. */
  add(homeStudyId: string, study: StoredHomeStudy): void {
    this.studies.set(homeStudyId, study);
  }

  decisionsOf(homeStudyId: string): RecordHomeStudyDecisionInput[] {
    return this.decisions.filter((decision) => decision.homeStudyId === homeStudyId);
  }

  async getHomeStudyForApproval(homeStudyId: string): Promise<HomeStudyForApproval> {
    this.lookups.push(homeStudyId);
    const study = this.study(homeStudyId);
    const decided = this.decisionsOf(homeStudyId).length;
    return {
      homeStudyId,
      providerId: study.providerId,
      providerName: study.providerName,
      providerStatus: 'enrolled',
      type: 'initial',
      status: 'submitted',
      previousHomeStudyId: null,
      dueOn: null,
      submission: decided + 1,
      recommendation: 'approve',
      recommendationText: 'Safe and suitable home',
      submittedBy: 'rm.rivera',
      submittedAt: '2026-11-20T09:00:00.000Z',
      assessments: {
        total: 4,
        passed: 3,
        failed: 0,
        conditionallyPassed: 1,
        openCorrectiveActions: 1,
      },
      visits: { total: 2, lastVisitedOn: '2026-11-12' },
      documents: 3,
      warnings: study.warnings,
    };
  }

  async recordHomeStudyDecision(
    input: RecordHomeStudyDecisionInput,
  ): Promise<HomeStudyDecisionRecorded> {
    const decisions = this.decisionsOf(input.homeStudyId);
    const earlier = decisions.findIndex((decision) => decision.decisionId === input.decisionId);
    const submission = (earlier === -1 ? decisions.length : earlier) + 1;
    if (earlier === -1) this.decisions.push(input);
    const first = earlier === -1 ? input : (decisions[earlier] as RecordHomeStudyDecisionInput);
    return {
      homeStudyId: first.homeStudyId,
      providerId: this.study(first.homeStudyId).providerId,
      decisionId: first.decisionId,
      outcome: first.outcome,
      status: DECIDED_STATUS[first.outcome],
      reason: first.reason,
      decidedBy: first.decidedBy,
      decidedOn: '2026-11-22',
      reStudyDueOn: first.outcome === 'approve' ? RE_STUDY_DUE_ON : null,
      submission,
    };
  }

  async scheduleReStudy(input: ScheduleReStudyInput): Promise<ReStudyScheduled> {
    if (!this.reStudies.some((scheduled) => scheduled.homeStudyId === input.homeStudyId)) {
      this.reStudies.push(input);
    }
    return {
      homeStudyId: `re-study-of-${input.homeStudyId}`,
      previousHomeStudyId: input.homeStudyId,
      providerId: this.study(input.homeStudyId).providerId,
      dueOn: input.dueOn,
    };
  }

  private study(homeStudyId: string): StoredHomeStudy {
    const study = this.studies.get(homeStudyId);
    if (!study) throw new Error(`no home study ${homeStudyId}`);
    return study;
  }
}
