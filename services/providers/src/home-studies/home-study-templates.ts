import type { AssessmentResult } from './home-study-rules.js';

/**
 * CRD-7: supporting documents generated from templates and attached to the home study. The guide
 * uses Microsoft Word communication templates with an out-of-the-box home study sample; here a
 * small registry of templates in code renders Markdown from the home study's data. Pure: the
 * service gathers the data, renders, and stores the text with the template id and when it was
 * generated, so a document keeps saying what the home study said at that moment.
 */

export interface HomeStudyDocumentData {
  provider: { id: string; name: string };
  homeStudy: {
    id: string;
    type: string;
    status: string;
    dueOn: string | null;
    previousHomeStudyId: string | null;
    submission: number;
    recommendation: string | null;
    recommendationText: string | null;
    submittedBy: string | null;
    decidedBy: string | null;
    decidedOn: string | null;
    failureReason: string | null;
    returnComments: string | null;
    reStudyDueOn: string | null;
  };
  assessments: {
    id: string;
    assessmentType: string;
    result: AssessmentResult;
    assessedOn: string;
    notes: string | null;
    correctiveActions: {
      id: string;
      description: string;
      dueOn: string;
      completedOn: string | null;
    }[];
  }[];
  visits: {
    id: string;
    visitedOn: string;
    attendees: string[];
    narrative: string;
    visitedBy: string;
  }[];
  history: {
    action: string;
    fromStatus: string | null;
    toStatus: string;
    reason: string | null;
    actor: string;
    at: string;
  }[];
}

export interface RenderContext {
  /** YYYY-MM-DD */
  generatedOn: string;
  generatedBy: string;
  /** The visit a visit-level template is about. */
  visitId?: string | null;
}

export interface RenderedDocument {
  title: string;
  content: string;
}

export interface HomeStudyTemplate {
  id: string;
  title: string;
  description: string;
  /** The template is about one visit: `visitId` must name a visit of the home study. */
  needsVisit: boolean;
  render(data: HomeStudyDocumentData, context: RenderContext): RenderedDocument;
}

export const DOCUMENT_MEDIA_TYPE = 'text/markdown';

const RESULT_LABELS: Record<AssessmentResult, string> = {
  pass: 'Pass',
  fail: 'Fail',
  'conditional-pass': 'Conditional pass',
};

/** A table cell: one line, pipes escaped. */
function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return String(value)
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|');
}

function table(header: string[], rows: (string | number | null)[][]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
}

function footer(context: RenderContext): string[] {
  return ['', '---', `Generated on ${context.generatedOn} by ${context.generatedBy}.`];
}

function assessmentsSection(data: HomeStudyDocumentData): string[] {
  if (data.assessments.length === 0) return ['No assessment recorded.'];
  return table(
    ['Assessment', 'Date', 'Result', 'Notes'],
    data.assessments.map((a) => [a.assessmentType, a.assessedOn, RESULT_LABELS[a.result], a.notes]),
  );
}

function correctiveActionRows(data: HomeStudyDocumentData) {
  return data.assessments.flatMap((assessment) =>
    assessment.correctiveActions.map((action) => [
      assessment.assessmentType,
      action.description,
      action.dueOn,
      action.completedOn ?? 'open',
    ]),
  );
}

function correctiveActionsSection(data: HomeStudyDocumentData): string[] {
  const rows = correctiveActionRows(data);
  if (rows.length === 0) return ['No corrective action.'];
  return table(['Assessment', 'Corrective action', 'Due', 'Completed'], rows);
}

const homeStudyReport: HomeStudyTemplate = {
  id: 'home-study-report',
  title: 'Home study report',
  description:
    'The whole home study: summary, recommendation, assessments with their corrective ' +
    'actions, visits, decision and status history (CRD-7).',
  needsVisit: false,
  render(data, context) {
    const study = data.homeStudy;
    const title = `Home study report — ${data.provider.name}`;
    const lines = [
      `# ${title}`,
      '',
      ...table(
        ['Field', 'Value'],
        [
          ['Provider', `${data.provider.name} (${data.provider.id})`],
          ['Home study', study.id],
          ['Type', study.type],
          ['Status', study.status],
          ['Due', study.dueOn],
          ['Follows home study', study.previousHomeStudyId],
          ['Submissions', study.submission],
        ],
      ),
      '',
      '## Recommendation',
      '',
      study.recommendation
        ? `**${study.recommendation}** (submitted by ${study.submittedBy ?? '—'}): ${study.recommendationText ?? ''}`
        : 'Not submitted yet.',
      '',
      '## Assessments',
      '',
      ...assessmentsSection(data),
      '',
      '## Corrective actions',
      '',
      ...correctiveActionsSection(data),
      '',
      '## Visits',
      '',
      ...(data.visits.length === 0
        ? ['No visit recorded.']
        : data.visits.flatMap((visit) => [
            `### ${visit.visitedOn} — ${visit.attendees.join(', ')}`,
            '',
            visit.narrative,
            '',
          ])),
      '## Decision',
      '',
      decisionText(data),
      '',
      '## Status history',
      '',
      ...table(
        ['When', 'Action', 'From', 'To', 'By', 'Reason / comments'],
        data.history.map((h) => [h.at, h.action, h.fromStatus, h.toStatus, h.actor, h.reason]),
      ),
      ...footer(context),
    ];
    return { title, content: `${lines.join('\n')}\n` };
  },
};

function decisionText(data: HomeStudyDocumentData): string {
  const study = data.homeStudy;
  switch (study.status) {
    case 'approved':
      return `Approved by ${study.decidedBy} on ${study.decidedOn}. Re-study due on ${study.reStudyDueOn}.`;
    case 'rejected':
      return `Rejected by ${study.decidedBy} on ${study.decidedOn}. Failure reason: ${study.failureReason}`;
    case 'returned':
      return `Returned for further review: ${study.returnComments}`;
    case 'submitted':
      return 'Awaiting the supervisor’s decision.';
    default:
      return 'Not decided.';
  }
}

const visitSummary: HomeStudyTemplate = {
  id: 'visit-summary',
  title: 'Home visit summary',
  description: 'One home visit: date, attendees, visitor and narrative (CRD-7).',
  needsVisit: true,
  render(data, context) {
    const visit = data.visits.find((candidate) => candidate.id === context.visitId);
    if (!visit) throw new RangeError(`visit ${context.visitId} is not part of the home study`);
    const title = `Home visit summary — ${data.provider.name} — ${visit.visitedOn}`;
    const lines = [
      `# ${title}`,
      '',
      ...table(
        ['Field', 'Value'],
        [
          ['Provider', data.provider.name],
          ['Home study', `${data.homeStudy.id} (${data.homeStudy.type})`],
          ['Visit date', visit.visitedOn],
          ['Visitor', visit.visitedBy],
          ['Attendees', visit.attendees.join(', ')],
        ],
      ),
      '',
      '## Narrative',
      '',
      visit.narrative,
      ...footer(context),
    ];
    return { title, content: `${lines.join('\n')}\n` };
  },
};

const correctiveActionPlan: HomeStudyTemplate = {
  id: 'corrective-action-plan',
  title: 'Corrective action plan',
  description:
    'The corrective actions the provider agreed to for its conditional passes, with due and ' +
    'completion dates (CRD-7).',
  needsVisit: false,
  render(data, context) {
    const title = `Corrective action plan — ${data.provider.name}`;
    const open = correctiveActionRows(data).filter((row) => row[3] === 'open').length;
    const lines = [
      `# ${title}`,
      '',
      `Home study ${data.homeStudy.id} (${data.homeStudy.type}). Open corrective actions: ${open}.`,
      '',
      ...correctiveActionsSection(data),
      ...footer(context),
    ];
    return { title, content: `${lines.join('\n')}\n` };
  },
};

/** CRD-7: the document templates, by id. */
export const HOME_STUDY_TEMPLATES = {
  'home-study-report': homeStudyReport,
  'visit-summary': visitSummary,
  'corrective-action-plan': correctiveActionPlan,
} as const satisfies Record<string, HomeStudyTemplate>;

export type HomeStudyTemplateId = keyof typeof HOME_STUDY_TEMPLATES;
export const HOME_STUDY_TEMPLATE_IDS = Object.keys(HOME_STUDY_TEMPLATES) as [
  HomeStudyTemplateId,
  ...HomeStudyTemplateId[],
];

/** CRD-7: renders a registered template from the home study's data. */
export function renderHomeStudyDocument(
  templateId: HomeStudyTemplateId,
  data: HomeStudyDocumentData,
  context: RenderContext,
): RenderedDocument {
  return HOME_STUDY_TEMPLATES[templateId].render(data, context);
}
