import { Migration } from '@platform/persistence';

const AUDIT_COLUMNS = `
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_by text not null,
  updated_at timestamptz not null default now()`;

/** The service registry (DOMAIN.md SVC): products, their groups and rates, absence reasons. */
class ServiceRegistry extends Migration {
  override async up(): Promise<void> {
    // For the SVC-2 exclusion constraint below: gist equality on uuid. A trusted extension, so the
    // database owner may create it without superuser rights.
    this.addSql('create extension if not exists btree_gist');

    this.addSql(`
      create table service_group (
        id uuid primary key,
        name text not null,
        description text null,${AUDIT_COLUMNS}
      )`);
    this.addSql('create unique index service_group_name_unique on service_group (lower(name))');

    this.addSql(`
      create table service_product (
        id uuid primary key,
        name text not null,
        unit_of_measure text not null check (unit_of_measure in
          ('place', 'dose', 'session', 'visit', 'hour', 'day', 'week', 'month', 'mile', 'item')),
        pay_based_on_attendance boolean not null,
        pay_based_on_placement boolean not null,
        prevent_authorization_from_placement boolean not null default false,
        attendance_tracking jsonb not null,
        approval_criteria text[] not null default '{}',
        approval_check_percentage smallint not null default 0
          check (approval_check_percentage between 0 and 100),
        delivery jsonb not null,
        mandatory_course_codes text[] not null default '{}',
        payment_options jsonb not null,${AUDIT_COLUMNS},
        constraint service_product_pay_by_one_way -- SVC-4
          check (not (pay_based_on_attendance and pay_based_on_placement))
      )`);
    this.addSql('create index service_product_unit on service_product (unit_of_measure)');

    this.addSql(`
      create table service_product_group (
        service_product_id uuid not null references service_product (id) on delete cascade,
        service_group_id uuid not null references service_group (id) on delete cascade,
        primary key (service_product_id, service_group_id)
      )`);
    this.addSql(
      'create index service_product_group_group on service_product_group (service_group_id)',
    );

    this.addSql(`
      create table service_product_rate (
        id uuid primary key,
        service_product_id uuid not null references service_product (id),
        kind text not null check (kind in ('fixed', 'range')),
        fixed_cents bigint null check (fixed_cents >= 0),
        minimum_cents bigint null check (minimum_cents >= 0),
        maximum_cents bigint null check (maximum_cents >= 0),
        effective_from date not null,
        effective_to date null,${AUDIT_COLUMNS},
        constraint service_product_rate_amounts check (
          (kind = 'fixed' and fixed_cents is not null
            and minimum_cents is null and maximum_cents is null)
          or (kind = 'range' and fixed_cents is null
            and (minimum_cents is not null or maximum_cents is not null)
            and (minimum_cents is null or maximum_cents is null or minimum_cents <= maximum_cents))),
        constraint service_product_rate_period check (effective_to is null or effective_to >= effective_from),
        -- SVC-2: at most one active rate per product at any date. The service checks first (under
        -- a lock on the product) to name the clashing rate; this is the last line of defence.
        constraint service_product_rate_one_at_a_time exclude using gist (
          service_product_id with =,
          daterange(effective_from, effective_to, '[]') with &&)
      )`);

    this.addSql(`
      create table absence_reason (
        id uuid primary key,
        name text not null,
        payable boolean not null,
        deductible boolean not null,${AUDIT_COLUMNS}
      )`);
    this.addSql('create unique index absence_reason_name_unique on absence_reason (lower(name))');
  }
}

export const serviceRegistryMigration = {
  name: 'Migration20261122000400_service_registry',
  class: ServiceRegistry,
};
