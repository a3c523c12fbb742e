/** Temporal task queues: one per service that hosts activities, one for the workflow worker. */
export const TaskQueues = {
  workflows: 'platform-workflows',
  providersActivities: 'providers-activities',
  tasksActivities: 'tasks-activities',
  financeActivities: 'finance-activities',
  placementsActivities: 'placements-activities',
  taxonomyActivities: 'taxonomy-activities',
} as const;

/** Work queues of the tasks service that people pull work from. */
export const WorkQueues = {
  providerInquiries: 'provider-inquiries',
  /** WF-1: home study recommendations for the resource manager supervisor. */
  supervisorApprovals: 'supervisor-approvals',
  /** WF-1: home studies returned for further review, for the resource manager to revise. */
  homeStudyRevisions: 'home-study-revisions',
  /** WF-2: licences coming up for renewal. */
  licenceRenewals: 'licence-renewals',
  /** WF-3: contracts whose signature deadline passed, for the resource manager. */
  contractSignatures: 'contract-signatures',
  /** WF-3: signed contracts for a resource manager to activate (CTR-4). */
  contractActivations: 'contract-activations',
  /** WF-4 (FIN-6): invoice line items that failed validation or matching, for finance users. */
  financeExceptions: 'finance-exceptions',
  /** PRV-10: a freed place offered to the first suitable waitlist entry, for its case worker. */
  waitlistOffers: 'waitlist-offers',
  /** TAX-5: update imports' reviews pending, for administrators (one task per version). */
  taxonomyReviews: 'taxonomy-reviews',
} as const;
