import { Migration } from '@platform/persistence';

/**
 * Placements' local copies of the providers service's facts (ADR 0020, ARCHITECTURE rule 1),
 * written only by the event handlers in src/projections/ so they can be rebuilt by replaying the
 * topics into an empty database. Each row remembers the `occurred_at` of the event that last wrote
 * it; an older event never overwrites a newer one.
 */
class PlacementsProjections extends Migration {
  override async up(): Promise<void> {
    // PRV-1: a suspended or closed provider takes no new reservations or placements (issue 7).
    this.addSql(`
      create table provider_status (
        provider_id uuid primary key,
        name text null,
        status text not null check (status in
          ('enrolled', 'approved', 'rejected', 'suspended', 'closed', 'reopened')),
        reason text null,
        occurred_at timestamptz not null
      )`);

    // PRV-6: provider services with their period and place limit; SVC-5 from the product.
    this.addSql(`
      create table provider_service (
        provider_service_id uuid primary key,
        provider_id uuid not null,
        service_product_id uuid not null,
        status text not null,
        starts_on date not null,
        ends_on date null,
        place_limit integer null,
        occurred_at timestamptz not null
      )`);
    this.addSql('create index provider_service_provider on provider_service (provider_id)');
    this.addSql(`
      create table service_product (
        service_product_id uuid primary key,
        name text not null,
        unit_of_measure text not null,
        prevent_authorization_from_placement boolean not null,
        occurred_at timestamptz not null
      )`);

    // PLC-8: binding contract versions with a place limit, and the services they cover.
    this.addSql(`
      create table contract_version (
        contract_id uuid primary key,
        provider_id uuid not null,
        status text not null check (status in ('active', 'amended', 'terminated', 'cancelled')),
        starts_on date not null,
        ends_on date null,
        place_limit integer null,
        provider_service_ids uuid[] not null,
        bound_provider_ids uuid[] not null,
        occurred_at timestamptz not null
      )`);
    this.addSql('create index contract_version_provider on contract_version (provider_id)');

    // PRV-10: the placement waitlists, in queue order, to offer a freed place to (ADR 0020).
    this.addSql(`
      create table waitlist_entry (
        entry_id uuid primary key,
        waitlist_id uuid not null,
        provider_id uuid not null,
        provider_service_id uuid null,
        service_product_id uuid null,
        client_id text not null,
        client_name text null,
        placement boolean not null,
        priority text not null,
        status text not null check (status in ('waiting', 'allocated', 'expired', 'removed')),
        position integer null,
        expiry_date date null,
        added_by text not null,
        occurred_at timestamptz not null
      )`);
    this.addSql(
      'create index waitlist_entry_queue on waitlist_entry (provider_id, status, position)',
    );
  }
}

export const placementsProjectionsMigration = {
  name: 'Migration20261123120000_placements_projections',
  class: PlacementsProjections,
};
