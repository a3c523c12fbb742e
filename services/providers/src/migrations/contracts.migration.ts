import { Migration } from '@platform/persistence';

const AUDIT_COLUMNS = `
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_by text not null,
  updated_at timestamptz not null default now()`;

const STATUSES = `('editing', 'issued', 'active', 'terminated', 'amended', 'cancelled')`;

/**
 * CTR-1…CTR-7: contract versions and their terms, the documents issued for signature with their
 * SHA-256, the signatures bound to them (SS-5), the status history (which also keys the process's
 * idempotent steps), licence-expiry flags and the reminders sent (WF-3).
 */
class Contracts extends Migration {
  override async up(): Promise<void> {
    this.addSql('create sequence contract_number_seq');
    this.addSql(`
      create table contract (
        id uuid primary key,
        contract_number text not null,
        version integer not null default 1 check (version >= 1),
        title text not null,
        provider_id uuid not null references provider (id),
        provider_group_id uuid null references provider_group (id),
        type text not null check (type in ('fixed-fee', 'utilization')),
        status text not null default 'editing' check (status in ${STATUSES}),
        period_from date not null,
        period_to date not null,
        fixed_fee_kind text null check (fixed_fee_kind in ('total', 'periodic')),
        fixed_fee_amount_cents bigint null check (fixed_fee_amount_cents > 0),
        fixed_fee_frequency text null check (fixed_fee_frequency in ('monthly', 'quarterly', 'annually')),
        place_limit integer null check (place_limit > 0),
        amends_contract_id uuid null references contract (id),
        renews_contract_id uuid null references contract (id),
        issue_count integer not null default 0,
        activated_on date null,
        activated_by text null,
        terminated_on date null,
        status_reason text null,${AUDIT_COLUMNS},
        constraint contract_period check (period_from <= period_to),
        -- CTR-1: a fixed-fee contract states its fee; a utilization contract has unit rates instead
        constraint contract_fixed_fee check (
          (type = 'fixed-fee') = (fixed_fee_kind is not null
            and fixed_fee_amount_cents is not null and fixed_fee_frequency is not null)
          and (type = 'fixed-fee' or (fixed_fee_kind is null
            and fixed_fee_amount_cents is null and fixed_fee_frequency is null)))
      )`);
    this.addSql(
      'create unique index contract_number_version on contract (contract_number, version)',
    );
    this.addSql('create index contract_provider on contract (provider_id, status, period_from)');
    this.addSql('create index contract_status on contract (status, period_to)');
    // CTR-5: one amendment of a version in progress at a time
    this.addSql(
      `create unique index contract_open_amendment on contract (amends_contract_id)
         where amends_contract_id is not null and status in ('editing', 'issued')`,
    );

    this.addSql(`
      create table contract_covered_service (
        contract_id uuid not null references contract (id),
        provider_service_id uuid not null references provider_service (id),
        primary key (contract_id, provider_service_id)
      )`);
    this.addSql(`
      create table contract_unit_rate (
        id uuid primary key,
        contract_id uuid not null references contract (id),
        provider_service_id uuid not null references provider_service (id),
        from_date date not null,
        to_date date not null,
        rate_cents bigint not null check (rate_cents >= 0),
        constraint contract_unit_rate_period check (from_date <= to_date),
        -- CTR-5: one rate per covered service per day
        constraint contract_unit_rate_no_overlap exclude using gist (
          contract_id with =, provider_service_id with =,
          daterange(from_date, to_date, '[]') with &&)
      )`);
    this.addSql('create index contract_unit_rate_contract on contract_unit_rate (contract_id)');
    this.addSql(`
      create table contract_performance_measure (
        id uuid primary key,
        contract_id uuid not null references contract (id),
        position integer not null,
        name text not null,
        target text not null,
        unique (contract_id, position)
      )`);
    this.addSql(`
      create table contract_required_licence_type (
        contract_id uuid not null references contract (id),
        licence_type_id uuid not null references licence_type (id),
        primary key (contract_id, licence_type_id)
      )`);
    this.addSql(`
      create table contract_bound_provider (
        contract_id uuid not null references contract (id),
        provider_id uuid not null references provider (id),
        primary key (contract_id, provider_id)
      )`);

    this.addSql(`
      create table contract_document (
        id uuid primary key,
        contract_id uuid not null references contract (id),
        issue_number integer not null check (issue_number >= 1),
        content bytea not null,
        sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
        byte_size integer not null,
        issued_by text not null,
        issued_at timestamptz not null,
        reissue_reason text null,
        voided_at timestamptz null,
        void_reason text null,
        unique (contract_id, issue_number)
      )`);
    // CTR-3: one current document per contract; a re-issue voids the previous one
    this.addSql(
      `create unique index contract_document_current on contract_document (contract_id)
         where voided_at is null`,
    );

    this.addSql(`
      create table contract_signature (
        id uuid primary key,
        contract_id uuid not null references contract (id),
        document_id uuid not null references contract_document (id),
        document_sha256 text not null,
        method text not null check (method in ('electronic', 'wet')),
        typed_name text not null,
        consent_statement text null,
        received_on date null,
        signer_user_id text not null,
        signer_roles text[] not null,
        signer_provider_id uuid null,
        signed_at timestamptz not null,
        origin text null,
        record_sha256 text not null,
        recorded_by text not null,
        voided_at timestamptz null,
        constraint contract_signature_method check (
          (method = 'electronic') = (consent_statement is not null)
          and (method = 'wet') = (received_on is not null))
      )`);
    // SS-5: one signature on a current document
    this.addSql(
      `create unique index contract_signature_document on contract_signature (document_id)
         where voided_at is null`,
    );

    this.addSql(`
      create table contract_status_change (
        id bigserial primary key,
        contract_id uuid not null references contract (id),
        action text not null,
        from_status text null check (from_status in ${STATUSES}),
        to_status text not null check (to_status in ${STATUSES}),
        reason text null,
        details jsonb not null default '{}',
        request_id text null,
        workflow_id text null,
        actor text not null,
        at timestamptz not null default now()
      )`);
    this.addSql(
      'create index contract_status_change_contract on contract_status_change (contract_id, id)',
    );
    // WF-3: a step of the process (re-issue, activation) is recorded once however often retried
    this.addSql(
      `create unique index contract_status_change_request
         on contract_status_change (request_id) where request_id is not null`,
    );

    this.addSql(`
      create table contract_flag (
        id uuid primary key,
        contract_id uuid not null references contract (id),
        kind text not null check (kind in ('licence-expired')),
        licence_id uuid not null,
        licence_type_code text not null,
        since date not null,
        raised_at timestamptz not null default now(),
        resolved_at timestamptz null,
        resolved_by text null,
        resolution text null,
        unique (contract_id, kind, licence_id)
      )`);
    this.addSql(
      'create index contract_flag_open on contract_flag (contract_id) where resolved_at is null',
    );

    this.addSql(`
      create table contract_notice (
        request_key text primary key,
        contract_id uuid not null references contract (id),
        message text not null,
        -- the signature deadline the notice reminds of (WF-3), shown with it in self-service
        deadline timestamptz null,
        sent_to text[] not null,
        sent_at timestamptz not null default now()
      )`);
  }
}

export const contractsMigration = {
  name: 'Migration20261122003200_contracts',
  class: Contracts,
};
