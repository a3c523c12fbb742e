import { Migration } from '@platform/persistence';

const AUDIT_COLUMNS = `
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_by text not null,
  updated_at timestamptz not null default now()`;

const LICENCE_STATUSES = `('pending', 'approved', 'rejected', 'suspended', 'non-compliant', 'expired')`;

/**
 * CRD-2 / CRD-3 licence types and licences: covered provider services, the period history and the
 * status history. Foreign keys point only at rows that exist before the unit of work that
 * references them (provider, licence type, provider service); the rows of one licence, created
 * together, reference it by id only, to stay clear of flush ordering.
 */
class Licences extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table licence_type (
        id uuid primary key,
        code text not null,
        name text not null,
        description text null,
        mandatory_course_codes text[] not null default '{}',
        default_validity_months integer not null check (default_validity_months between 1 and 120),${AUDIT_COLUMNS},
        constraint licence_type_code_upper check (code = upper(code))
      )`);
    this.addSql('create unique index licence_type_code on licence_type (code)');
    this.addSql('create index licence_type_name on licence_type (lower(name), id)');

    this.addSql(`
      create table licence (
        id uuid primary key,
        provider_id uuid not null references provider (id),
        licence_type_id uuid not null references licence_type (id),
        number text not null,
        issuing_authority text not null,
        status text not null default 'pending' check (status in ${LICENCE_STATUSES}),
        valid_from date not null,
        period_from date not null,
        period_to date not null,
        status_reason text null,
        training_warnings text[] not null default '{}',
        training_checked_on date null,${AUDIT_COLUMNS},
        constraint licence_period check (valid_from <= period_from and period_from <= period_to)
      )`);
    this.addSql(
      'create index licence_provider on licence (provider_id, status, licence_type_id, period_to)',
    );
    this.addSql('create index licence_type_status on licence (licence_type_id, status, period_to)');
    this.addSql('create index licence_number on licence (lower(number))');

    this.addSql(`
      create table licence_coverage (
        id uuid primary key,
        licence_id uuid not null,
        provider_service_id uuid not null references provider_service (id),
        constraint licence_coverage_once unique (licence_id, provider_service_id)
      )`);
    this.addSql(
      'create index licence_coverage_service on licence_coverage (provider_service_id, licence_id)',
    );

    this.addSql(`
      create table licence_period (
        id uuid primary key,
        licence_id uuid not null,
        sequence integer not null check (sequence >= 1),
        from_date date not null,
        to_date date not null,
        recorded_by text not null,
        recorded_at timestamptz not null default now(),
        constraint licence_period_order check (from_date <= to_date),
        constraint licence_period_sequence unique (licence_id, sequence)
      )`);

    this.addSql(`
      create table licence_status_change (
        id bigserial primary key,
        licence_id uuid not null,
        action text not null check (action in ('record', 'approve', 'reject', 'suspend',
          'reinstate', 'renew', 'record-non-compliance', 'expire')),
        from_status text null check (from_status in ${LICENCE_STATUSES}),
        to_status text not null check (to_status in ${LICENCE_STATUSES}),
        reason text null,
        period_from date not null,
        period_to date not null,
        training_warnings text[] not null default '{}',
        request_id text null,
        actor text not null,
        at timestamptz not null default now(),
        -- WF-2: one decision per idempotency key, so a retried activity cannot record twice
        constraint licence_status_change_request unique (licence_id, request_id)
      )`);
    this.addSql(
      'create index licence_status_change_licence on licence_status_change (licence_id, id)',
    );
  }
}

export const licencesMigration = {
  name: 'Migration20261122001500_licences',
  class: Licences,
};
