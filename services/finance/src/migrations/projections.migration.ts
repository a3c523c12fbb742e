import { Migration } from '@platform/persistence';

/**
 * Finance's local copies of the providers service's facts (issue 6 "Projections", ARCHITECTURE
 * rule 1): written only by the event handlers in src/projections/, never from another database,
 * so they can be rebuilt by replaying the topics into an empty database (ADR 0018). Every row
 * remembers the `occurred_at` of the event that last wrote it; an older event never overwrites a
 * newer one, whatever order a replay delivers them in. Money is integer cents (rule 8), dates of
 * service are calendar dates with inclusive ends (null: open-ended).
 */
class FinanceProjections extends Migration {
  override async up(): Promise<void> {
    // PRV-1: the provider's lifecycle status (FIN-4: a provider must be approved to be paid).
    this.addSql(`
      create table provider_status (
        provider_id uuid primary key,
        name text null,
        status text not null check (status in
          ('enrolled', 'approved', 'rejected', 'suspended', 'closed', 'reopened')),
        reason text null,
        occurred_at timestamptz not null
      )`);
    this.addSql(`
      create table provider_status_change (
        event_id uuid primary key,
        provider_id uuid not null,
        status text not null,
        reason text null,
        occurred_at timestamptz not null
      )`);
    this.addSql(
      'create index provider_status_change_provider on provider_status_change (provider_id, occurred_at)',
    );

    // PRV-6 / PRV-7: the provider's services, their status and period, the provider-service rate
    // (FIN-7's third source) and the provider's payment options overriding the product's (SVC-3).
    this.addSql(`
      create table provider_service (
        provider_service_id uuid primary key,
        provider_id uuid not null,
        service_product_id uuid not null,
        status text not null check (status in ('pending', 'approved', 'suspended', 'ended')),
        from_date date not null,
        to_date date null,
        rate_kind text null check (rate_kind in ('fixed', 'range')),
        rate_amount_cents bigint null,
        rate_minimum_cents bigint null,
        rate_maximum_cents bigint null,
        place_limit int null,
        payment_options jsonb null,
        approved_on date null,
        occurred_at timestamptz not null
      )`);
    this.addSql('create index provider_service_provider on provider_service (provider_id)');

    // SVC-2 / SVC-3: products, their payment options and their rates by effective period (FIN-7's
    // last source).
    this.addSql(`
      create table service_product (
        product_id uuid primary key,
        name text not null,
        unit_of_measure text not null,
        payment_channels jsonb not null,
        pay_based_on_attendance boolean not null,
        pay_based_on_placement boolean not null,
        payment_options jsonb not null,
        occurred_at timestamptz not null
      )`);
    this.addSql(`
      create table service_product_rate (
        rate_id uuid primary key,
        product_id uuid not null,
        kind text not null check (kind in ('fixed', 'range')),
        amount_cents bigint null,
        minimum_cents bigint null,
        maximum_cents bigint null,
        effective_from date not null,
        effective_to date null,
        removed boolean not null default false,
        occurred_at timestamptz not null
      )`);
    this.addSql(
      'create index service_product_rate_product on service_product_rate (product_id, effective_from)',
    );

    // PRV-5: payment direction history; the payee at a date is the latest row in effect (FIN-14).
    this.addSql(`
      create table payment_direction (
        provider_id uuid not null,
        affiliation_id uuid not null,
        effective_from date not null,
        group_id uuid not null,
        payments_to_group boolean not null,
        affiliation_start date not null,
        affiliation_end date null,
        occurred_at timestamptz not null,
        primary key (affiliation_id, effective_from)
      )`);
    this.addSql(
      'create index payment_direction_provider on payment_direction (provider_id, effective_from)',
    );

    // CTR-1…CTR-7: binding contract versions (activated; then amended or terminated), with the
    // utilization unit rates (FIN-7's second source) and the fixed-fee schedule (FIN-5, FIN-11).
    this.addSql(`
      create table contract_version (
        contract_id uuid primary key,
        contract_number text not null,
        version int not null,
        provider_id uuid not null,
        type text not null check (type in ('fixed-fee', 'utilization')),
        status text not null check (status in ('active', 'amended', 'terminated')),
        period_from date not null,
        period_to date not null,
        activated_on date null,
        binding_to date null,
        provider_service_ids jsonb not null default '[]',
        bound_provider_ids jsonb not null default '[]',
        place_limit int null,
        fixed_fee jsonb null,
        supersedes_contract_id uuid null,
        end_reason text null,
        occurred_at timestamptz not null
      )`);
    this.addSql('create index contract_version_provider on contract_version (provider_id)');
    this.addSql(`
      create table contract_unit_rate (
        contract_id uuid not null,
        provider_service_id uuid not null,
        from_date date not null,
        to_date date not null,
        rate_cents bigint not null,
        primary key (contract_id, provider_service_id, from_date)
      )`);
    this.addSql(`
      create table contract_fixed_fee_period (
        contract_id uuid not null,
        from_date date not null,
        to_date date not null,
        amount_cents bigint not null,
        status text not null check (status in ('scheduled', 'prorated', 'stopped')),
        primary key (contract_id, from_date)
      )`);
  }
}

export const financeProjectionsMigration = {
  name: 'Migration20261123000000_finance_projections',
  class: FinanceProjections,
};
