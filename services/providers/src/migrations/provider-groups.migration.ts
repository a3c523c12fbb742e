import { Migration } from '@platform/persistence';

class ProviderGroups extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table provider_group (
        id uuid primary key,
        name text not null,
        status text not null default 'active' check (status in ('active', 'closed')),
        close_reason text null,
        created_by text not null,
        created_at timestamptz not null default now(),
        updated_by text not null,
        updated_at timestamptz not null default now()
      )`);
    this.addSql('create index provider_group_name on provider_group (lower(name))');
    this.addSql(`
      create table provider_affiliation (
        id uuid primary key,
        group_id uuid not null,
        provider_id uuid not null,
        start_date date not null,
        end_date date null,
        created_by text not null,
        created_at timestamptz not null default now(),
        constraint provider_affiliation_period check (end_date is null or end_date >= start_date),
        -- PRV-4: one affiliation of a provider with a group at a time
        constraint provider_affiliation_no_overlap exclude using gist (
          group_id with =, provider_id with =, daterange(start_date, end_date, '[]') with &&)
      )`);
    this.addSql('create index provider_affiliation_provider on provider_affiliation (provider_id)');
    this.addSql('create index provider_affiliation_group on provider_affiliation (group_id)');
    this.addSql(`
      create table payment_direction_change (
        id bigserial primary key,
        affiliation_id uuid not null,
        effective_from date not null,
        payments_to_group boolean not null,
        recorded_by text not null,
        recorded_at timestamptz not null default now()
      )`);
    this.addSql(
      'create index payment_direction_change_affiliation on payment_direction_change (affiliation_id, effective_from)',
    );
  }
}

export const providerGroupsMigration = {
  name: 'Migration20261122000500_provider_groups',
  class: ProviderGroups,
};
