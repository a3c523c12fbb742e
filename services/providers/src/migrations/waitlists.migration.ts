import { Migration } from '@platform/persistence';

const AUDIT_COLUMNS = `
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_by text not null,
  updated_at timestamptz not null default now()`;

/**
 * PRV-10 waitlist entries. `waitlist_id` names the list: the provider service's id, or the
 * provider's id for its provider-level list. The provider exists before any entry, so it is a
 * foreign key; the provider service is not (it belongs to another module's tables and the
 * service checks it belongs to the provider before adding the entry).
 *
 * Positions: only waiting entries have one, and the service keeps them 1..N under the list's lock
 * (pg_advisory_xact_lock). As a last line of defence no two waiting entries of a list share a
 * position; the constraint is deferred to the commit because renumbering moves several entries in
 * one transaction (left-behind entries have no position, and NULLs never clash).
 */
class Waitlists extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table waitlist_entry (
        id uuid primary key,
        waitlist_id uuid not null,
        provider_id uuid not null references provider (id),
        provider_service_id uuid null,
        service_product_id uuid null,
        placement boolean not null,
        client_reference text not null,
        client_name text null,
        priority text not null check (priority in ('high', 'medium', 'low')),
        status text not null default 'waiting'
          check (status in ('waiting', 'allocated', 'expired', 'removed')),
        position integer null check (position > 0),
        expiry_date date null,
        review_date date null,
        review_date_computed boolean not null default false,
        notes text null,
        left_on date null,
        last_position integer null,
        removal_reason text null,
        allocation_kind text null check (allocation_kind in ('reservation', 'placement')),
        allocation_from date null,
        allocation_to date null,
        allocation_place_id uuid null,${AUDIT_COLUMNS},
        constraint waitlist_entry_list check (
          waitlist_id = coalesce(provider_service_id, provider_id)),
        constraint waitlist_entry_position check ((status = 'waiting') = (position is not null)),
        -- PRV-10: the review date is on or before the expiry date
        constraint waitlist_entry_review check (
          review_date is null or expiry_date is null or review_date <= expiry_date),
        constraint waitlist_entry_allocation check (
          (status = 'allocated') = (allocation_kind is not null and allocation_from is not null)),
        constraint waitlist_entry_allocation_period check (
          allocation_to is null or allocation_to >= allocation_from),
        constraint waitlist_entry_unique_position unique (waitlist_id, position)
          deferrable initially deferred
      )`);
    // PRV-10: a client waits on a list at most once at a time
    this.addSql(`
      create unique index waitlist_entry_client_once on waitlist_entry (waitlist_id, client_reference)
        where status = 'waiting'`);
    this.addSql(
      'create index waitlist_entry_queue on waitlist_entry (waitlist_id, status, position)',
    );
    this.addSql(
      'create index waitlist_entry_provider on waitlist_entry (provider_id, status, priority)',
    );
    this.addSql(
      'create index waitlist_entry_provider_service on waitlist_entry (provider_service_id, status)',
    );
    this.addSql('create index waitlist_entry_client on waitlist_entry (client_reference, status)');
    this.addSql('create index waitlist_entry_client_name on waitlist_entry (lower(client_name))');
    this.addSql('create index waitlist_entry_status on waitlist_entry (status, priority)');
    this.addSql(`
      create index waitlist_entry_review_due on waitlist_entry (review_date)
        where status = 'waiting'`);
    this.addSql(`
      create index waitlist_entry_expiry on waitlist_entry (expiry_date)
        where status = 'waiting'`);
  }
}

export const waitlistsMigration = {
  name: 'Migration20261122001900_waitlists',
  class: Waitlists,
};
