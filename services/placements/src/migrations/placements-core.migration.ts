import { Migration } from '@platform/persistence';

/**
 * The placements service's own records (issue 7, ADR 0020): facility layouts (PLC-1…PLC-3),
 * reservations (PLC-4), placements (PLC-5…PLC-7), waitlist offers (PRV-10) and the notices its
 * case workers read. Dates of service are calendar dates with inclusive ends (null: open-ended).
 * Every row says who created it and when; changes keep who and when last.
 */
class PlacementsCore extends Migration {
  override async up(): Promise<void> {
    // PLC-2: the administrator's switch for race and religion (disabled until enabled). One row.
    this.addSql(`
      create table characteristic_settings (
        id boolean primary key default true check (id),
        race_enabled boolean not null default false,
        religion_enabled boolean not null default false,
        updated_by text null,
        updated_at timestamptz null
      )`);
    this.addSql('insert into characteristic_settings (id) values (true)');

    // ROLE: a facility manager acts like a resource manager, but only for the facilities and
    // placements of the providers assigned to them (by a resource manager).
    this.addSql(`
      create table facility_manager_assignment (
        user_id text not null,
        provider_id uuid not null,
        assigned_by text not null,
        assigned_at timestamptz not null default now(),
        primary key (user_id, provider_id)
      )`);

    // PLC-1: a provider's facility, its designated (usable by the agency) and physical capacity.
    this.addSql(`
      create table facility (
        facility_id uuid primary key,
        provider_id uuid not null,
        name text not null,
        designated_capacity integer not null check (designated_capacity >= 0),
        physical_capacity integer not null check (physical_capacity >= 0),
        created_by text not null,
        created_at timestamptz not null default now(),
        updated_by text null,
        updated_at timestamptz null,
        unique (provider_id, name)
      )`);

    // PLC-1/PLC-2: compartments as a tree of any depth (one root per facility) and what each asks
    // of its occupants (characteristics, inherited per field from the nearest ancestor).
    this.addSql(`
      create table compartment (
        compartment_id uuid primary key,
        facility_id uuid not null references facility (facility_id),
        parent_id uuid null references compartment (compartment_id),
        name text not null,
        characteristics jsonb not null default '{}',
        created_by text not null,
        created_at timestamptz not null default now(),
        updated_by text null,
        updated_at timestamptz null
      )`);
    this.addSql(
      'create unique index compartment_one_root on compartment (facility_id) where parent_id is null',
    );
    this.addSql(
      'create unique index compartment_sibling_name on compartment (parent_id, lower(name)) where parent_id is not null',
    );
    this.addSql('create index compartment_facility on compartment (facility_id)');

    // PLC-1/PLC-6: places (beds); emergency places are created beyond designated capacity and
    // close (closed_on) when their client moves to a designated place.
    this.addSql(`
      create table place (
        place_id uuid primary key,
        facility_id uuid not null references facility (facility_id),
        compartment_id uuid not null references compartment (compartment_id),
        name text not null,
        emergency boolean not null default false,
        closed_on date null,
        created_by text not null,
        created_at timestamptz not null default now(),
        unique (facility_id, name)
      )`);
    this.addSql('create index place_compartment on place (compartment_id)');

    // PLC-3: a place, or every place of a compartment (and below), out of service for a period.
    this.addSql(`
      create table out_of_service (
        out_of_service_id uuid primary key,
        facility_id uuid not null references facility (facility_id),
        place_id uuid null references place (place_id),
        compartment_id uuid null references compartment (compartment_id),
        starts_on date not null,
        ends_on date null,
        reason text not null,
        recorded_by text not null,
        recorded_at timestamptz not null default now(),
        withdrawn_by text null,
        withdrawn_at timestamptz null,
        constraint out_of_service_one_target check ((place_id is null) <> (compartment_id is null)),
        constraint out_of_service_period check (ends_on is null or ends_on >= starts_on)
      )`);
    this.addSql('create index out_of_service_facility on out_of_service (facility_id)');

    // PLC-4: a place (or only a provider) held for a client for a future period. The client's
    // characteristics are recorded with it (PLC-2 matching of later requests in the same rooms).
    this.addSql(`
      create table reservation (
        reservation_id uuid primary key,
        provider_id uuid not null,
        facility_id uuid null references facility (facility_id),
        place_id uuid null references place (place_id),
        client_id text not null,
        client jsonb not null,
        starts_on date not null,
        ends_on date null,
        grace_period_days integer not null check (grace_period_days >= 0),
        expires_on date not null,
        state text not null check (state in ('active', 'confirmed', 'cancelled', 'expired')),
        provider_service_id uuid null,
        service_product_id uuid null,
        contract_id uuid null,
        waitlist_entry_id uuid null unique,
        placement_id uuid null,
        cancel_reason text null,
        created_by text not null,
        created_at timestamptz not null default now(),
        updated_by text null,
        updated_at timestamptz null,
        constraint reservation_period check (ends_on is null or ends_on >= starts_on)
      )`);
    this.addSql('create index reservation_place on reservation (place_id, state)');
    this.addSql('create index reservation_client on reservation (client_id, state)');
    this.addSql('create index reservation_facility on reservation (facility_id, state)');

    // PLC-5…PLC-7: a client in a place for a period. A transfer ends one placement the day before
    // and continues it in another (transferred_from), so history keeps where the client was.
    this.addSql(`
      create table placement (
        placement_id uuid primary key,
        provider_id uuid not null,
        facility_id uuid not null references facility (facility_id),
        place_id uuid not null references place (place_id),
        client_id text not null,
        client jsonb not null,
        starts_on date not null,
        ends_on date null,
        state text not null check (state in ('active', 'ended')),
        end_reason text null,
        emergency boolean not null default false,
        provider_service_id uuid null,
        service_product_id uuid null,
        contract_id uuid null,
        reservation_id uuid null unique references reservation (reservation_id),
        waitlist_entry_id uuid null unique,
        transferred_from uuid null references placement (placement_id),
        created_by text not null,
        created_at timestamptz not null default now(),
        updated_by text null,
        updated_at timestamptz null,
        constraint placement_period check (ends_on is null or ends_on >= starts_on)
      )`);
    this.addSql('create index placement_place on placement (place_id, state)');
    this.addSql('create index placement_facility on placement (facility_id, state)');
    this.addSql('create index placement_client on placement (client_id, state)');
    this.addSql('create index placement_provider on placement (provider_id, state)');

    // PRV-10: a freed place offered to a waitlist entry's case worker (a task, ADR 0020).
    this.addSql(`
      create table waitlist_offer (
        offer_id uuid primary key,
        entry_id uuid not null,
        provider_id uuid not null,
        facility_id uuid not null references facility (facility_id),
        place_id uuid not null references place (place_id),
        offered_to text not null,
        available_from date not null,
        state text not null check (state in ('open', 'accepted', 'declined', 'withdrawn')),
        decided_by text null,
        decided_at timestamptz null,
        created_at timestamptz not null default now()
      )`);
    this.addSql(
      "create unique index waitlist_offer_open_place on waitlist_offer (place_id) where state = 'open'",
    );
    this.addSql('create index waitlist_offer_entry on waitlist_offer (entry_id)');

    // PLC-4/PLC-5: what a case worker is told when someone else changed their reservation or
    // placement, written in the same transaction as the change.
    this.addSql(`
      create table notice (
        notice_id uuid primary key,
        recipient text not null,
        subject_type text not null check (subject_type in ('reservation', 'placement', 'waitlist-offer')),
        subject_id uuid not null,
        title text not null,
        body text not null,
        changed_by text not null,
        created_at timestamptz not null default now(),
        read_at timestamptz null
      )`);
    this.addSql('create index notice_recipient on notice (recipient, created_at desc)');
  }
}

export const placementsCoreMigration = {
  name: 'Migration20261123120100_placements_core',
  class: PlacementsCore,
};
