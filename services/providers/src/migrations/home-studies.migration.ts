import { Migration } from '@platform/persistence';

const AUDIT_COLUMNS = `
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_by text not null,
  updated_at timestamptz not null default now()`;

const STATUSES = `('in-progress', 'submitted', 'approved', 'rejected', 'returned')`;

/**
 * CRD-7 home studies with their assessments, corrective actions, visits, generated documents and
 * status history (WF-1). Foreign keys point only at rows that exist before the unit of work that
 * references them (the provider, the home study); corrective actions and status history rows are
 * written in the same unit of work as their assessment or home study, so they carry none.
 */
class HomeStudies extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table home_study (
        id uuid primary key,
        provider_id uuid not null references provider (id),
        type text not null check (type in ('initial', 're-study', 'change-of-circumstances')),
        status text not null check (status in ${STATUSES}),
        due_on date null,
        previous_home_study_id uuid null,
        notes text null,
        submission integer not null default 0 check (submission >= 0),
        recommendation text null check (recommendation in ('approve', 'reject')),
        recommendation_text text null,
        submitted_by text null,
        submitted_at timestamptz null,
        decided_by text null,
        decided_on date null,
        decided_at timestamptz null,
        failure_reason text null,
        return_comments text null,
        re_study_due_on date null,${AUDIT_COLUMNS},
        -- CRD-7: a rejection (failure on non-compliance) records why
        constraint home_study_failure_reason
          check ((status = 'rejected') = (failure_reason is not null)),
        -- CRD-7: an approved home study knows when it is to be repeated
        constraint home_study_re_study_due
          check ((status = 'approved') = (re_study_due_on is not null)),
        constraint home_study_submitted_has_recommendation
          check (status = 'in-progress' or recommendation is not null)
      )`);
    this.addSql(
      'create index home_study_provider on home_study (provider_id, status, type, created_at)',
    );
    // CRD-7: an approved home study is followed by at most one re-study (scheduleReStudy is
    // idempotent on it)
    this.addSql(
      `create unique index home_study_one_re_study on home_study (previous_home_study_id)
         where type = 're-study'`,
    );
    // SVC-7 'home-study': the provider's decided home studies
    this.addSql(
      `create index home_study_decided on home_study (provider_id, decided_on)
         where status in ('approved', 'rejected')`,
    );

    this.addSql(`
      create table home_study_assessment (
        id uuid primary key,
        home_study_id uuid not null references home_study (id),
        assessment_type text not null,
        result text not null check (result in ('pass', 'fail', 'conditional-pass')),
        assessed_on date not null,
        notes text null,${AUDIT_COLUMNS}
      )`);
    this.addSql(
      'create index home_study_assessment_study on home_study_assessment (home_study_id, assessed_on)',
    );

    this.addSql(`
      create table home_study_corrective_action (
        id uuid primary key,
        home_study_id uuid not null references home_study (id),
        assessment_id uuid not null,
        description text not null,
        due_on date not null,
        completed_on date null,${AUDIT_COLUMNS}
      )`);
    this.addSql(
      `create index home_study_corrective_action_study
         on home_study_corrective_action (home_study_id, assessment_id, due_on)`,
    );

    this.addSql(`
      create table home_study_visit (
        id uuid primary key,
        home_study_id uuid not null references home_study (id),
        visited_on date not null,
        attendees text[] not null check (cardinality(attendees) > 0),
        narrative text not null,${AUDIT_COLUMNS}
      )`);
    this.addSql(
      'create index home_study_visit_study on home_study_visit (home_study_id, visited_on)',
    );

    this.addSql(`
      create table home_study_status_change (
        id bigserial primary key,
        home_study_id uuid not null,
        action text not null check (action in
          ('create', 'schedule', 'submit', 'approve', 'reject', 'return')),
        from_status text null check (from_status in ${STATUSES}),
        to_status text not null check (to_status in ${STATUSES}),
        reason text null,
        recommendation text null check (recommendation in ('approve', 'reject')),
        submission integer not null,
        actor text not null,
        decision_id text null,
        decided_on date null,
        workflow_id text null,
        at timestamptz not null default now()
      )`);
    this.addSql(
      'create index home_study_status_change_study on home_study_status_change (home_study_id, id)',
    );
    // WF-1: a decision is recorded once, however often the activity is retried
    this.addSql(
      `create unique index home_study_status_change_decision
         on home_study_status_change (decision_id) where decision_id is not null`,
    );

    this.addSql(`
      create table home_study_document (
        id uuid primary key,
        home_study_id uuid not null references home_study (id),
        template_id text not null,
        visit_id uuid null,
        title text not null,
        media_type text not null,
        content text not null,
        generated_by text not null,
        generated_at timestamptz not null
      )`);
    this.addSql(
      `create index home_study_document_study
         on home_study_document (home_study_id, template_id, generated_at)`,
    );
  }
}

export const homeStudiesMigration = {
  name: 'Migration20261122002700_home_studies',
  class: HomeStudies,
};
