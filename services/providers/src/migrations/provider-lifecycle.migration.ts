import { Migration } from '@platform/persistence';

class ProviderLifecycle extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table provider
        add column address_line1 text null,
        add column address_line2 text null,
        add column city text null,
        add column region text null,
        add column postal_code text null,
        add column preferred_language text null,
        add column preferred_communication text null
          check (preferred_communication in ('phone', 'email', 'mail', 'web')),
        add column payment_method text null check (payment_method in ('eft', 'cheque')),
        add column physical_capacity int null check (physical_capacity >= 0),
        add column designated_capacity int null check (designated_capacity >= 0),
        add column updated_at timestamptz not null default now(),
        add column updated_by text null,
        -- PRV-3: designated capacity is what the agency may use of the physical capacity
        add constraint provider_designated_within_physical
          check (designated_capacity is null or physical_capacity is null
                 or designated_capacity <= physical_capacity),
        add constraint provider_status_known
          check (status in ('enrolled', 'approved', 'rejected', 'suspended', 'closed', 'reopened'))`);
    this.addSql('create index provider_status_name on provider (status, lower(name))');
    this.addSql(`
      create table provider_status_change (
        id bigserial primary key,
        provider_id uuid not null,
        action text not null,
        from_status text null,
        to_status text not null,
        reason text null,
        actor text not null,
        at timestamptz not null default now()
      )`);
    this.addSql(
      'create index provider_status_change_provider on provider_status_change (provider_id, id)',
    );
  }
}

export const providerLifecycleMigration = {
  name: 'Migration20261122000300_provider_lifecycle',
  class: ProviderLifecycle,
};
