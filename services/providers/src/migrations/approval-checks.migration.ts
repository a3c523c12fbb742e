import { Migration } from '@platform/persistence';

/**
 * SVC-8 approval check settings below the service product and the history of their changes.
 * Neither table has a foreign key: organisation units and users live outside this service, a
 * provider or provider service is checked by the service before it is referenced, and a setting
 * and its first change are written in the same unit of work.
 */
class ApprovalChecks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table approval_check (
        id uuid primary key,
        scope text not null
          check (scope in ('organisation-unit', 'user', 'provider', 'provider-service')),
        scope_id text not null check (length(scope_id) > 0),
        service_product_id uuid null,
        percentage smallint null check (percentage between 0 and 100),
        revision integer not null check (revision > 0),
        created_by text not null,
        created_at timestamptz not null default now(),
        updated_by text not null,
        updated_at timestamptz not null default now()
      )`);
    // SVC-8: one setting per slot; "all services" is the slot '*'. Also serves the scope and
    // scope id filters of GET /approval-checks and the lookups of the effective resolution.
    this.addSql(`
      create unique index approval_check_slot
        on approval_check (scope, scope_id, coalesce(service_product_id::text, '*'))`);
    this.addSql(
      'create index approval_check_product on approval_check (service_product_id, scope, scope_id)',
    );

    this.addSql(`
      create table approval_check_change (
        id uuid primary key,
        approval_check_id uuid not null,
        revision integer not null check (revision > 0),
        previous_percentage smallint null check (previous_percentage between 0 and 100),
        percentage smallint null check (percentage between 0 and 100),
        changed_by text not null,
        changed_at timestamptz not null,
        constraint approval_check_change_revision unique (approval_check_id, revision)
      )`);
  }
}

export const approvalChecksMigration = {
  name: 'Migration20261122003100_approval_checks',
  class: ApprovalChecks,
};
