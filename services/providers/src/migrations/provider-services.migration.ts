import { Migration } from '@platform/persistence';

const AUDIT_COLUMNS = `
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_by text not null,
  updated_at timestamptz not null default now()`;

/**
 * PRV-6 / PRV-7 provider services and their approvals (with the SVC-7 / SVC-10 warnings shown).
 * Foreign keys point only at rows that exist before the unit of work (provider, service product);
 * a provider service and its approval are never created together, but the approval references
 * the provider service by id only, to stay clear of flush ordering.
 */
class ProviderServices extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table provider_service (
        id uuid primary key,
        provider_id uuid not null references provider (id),
        service_product_id uuid not null references service_product (id),
        status text not null default 'pending'
          check (status in ('pending', 'approved', 'suspended', 'ended')),
        from_date date not null,
        to_date date null,
        rate_kind text null check (rate_kind in ('fixed', 'range')),
        rate_fixed_cents bigint null check (rate_fixed_cents >= 0),
        rate_minimum_cents bigint null check (rate_minimum_cents >= 0),
        rate_maximum_cents bigint null check (rate_maximum_cents >= 0),
        place_limit integer null check (place_limit > 0),
        payment_options jsonb null,
        status_reason text null,${AUDIT_COLUMNS},
        constraint provider_service_period check (to_date is null or to_date >= from_date),
        constraint provider_service_rate check (
          (rate_kind is null and rate_fixed_cents is null
            and rate_minimum_cents is null and rate_maximum_cents is null)
          or (rate_kind = 'fixed' and rate_fixed_cents is not null
            and rate_minimum_cents is null and rate_maximum_cents is null)
          or (rate_kind = 'range' and rate_fixed_cents is null
            and (rate_minimum_cents is not null or rate_maximum_cents is not null)
            and (rate_minimum_cents is null or rate_maximum_cents is null
              or rate_minimum_cents <= rate_maximum_cents))),
        -- PRV-6: a provider offers a product at most once at any date (ended services aside).
        -- The service checks first (under a lock on the provider) to name the clash; this is the
        -- last line of defence. btree_gist comes with the service registry migration.
        constraint provider_service_one_at_a_time exclude using gist (
          provider_id with =,
          service_product_id with =,
          daterange(from_date, to_date, '[]') with &&) where (status <> 'ended')
      )`);
    this.addSql(
      'create index provider_service_provider on provider_service (provider_id, from_date, id)',
    );
    this.addSql(
      'create index provider_service_product on provider_service (service_product_id, provider_id)',
    );
    this.addSql('create index provider_service_status on provider_service (status, provider_id)');

    this.addSql(`
      create table provider_service_approval (
        id uuid primary key,
        provider_service_id uuid not null,
        provider_id uuid not null,
        approved_on date not null,
        checked_on date not null,
        warnings jsonb not null default '[]',${AUDIT_COLUMNS}
      )`);
    this.addSql(
      'create index provider_service_approval_service on provider_service_approval (provider_service_id, created_at)',
    );
  }
}

export const providerServicesMigration = {
  name: 'Migration20261122001000_provider_services',
  class: ProviderServices,
};
