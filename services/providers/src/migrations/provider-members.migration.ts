import { Migration } from '@platform/persistence';

const AUDIT_COLUMNS = `
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_by text not null,
  updated_at timestamptz not null default now()`;

/**
 * PRV-8 members, memberships and participants; CRD-6 background checks. Foreign keys point only
 * at rows that exist before the unit of work that references them (a provider, a member); when a
 * member and its first membership are created together the service flushes the member first.
 */
class ProviderMembers extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table member (
        id uuid primary key,
        name text not null,
        date_of_birth date null,${AUDIT_COLUMNS}
      )`);
    this.addSql('create index member_name on member (lower(name), id)');

    this.addSql(`
      create table provider_membership (
        id uuid primary key,
        provider_id uuid not null references provider (id),
        member_id uuid not null references member (id),
        role text not null check (role in
          ('foster-parent', 'staff', 'volunteer', 'household-member', 'other')),
        from_date date not null,
        to_date date null,
        end_reason text null,${AUDIT_COLUMNS},
        constraint provider_membership_period check (to_date is null or to_date >= from_date),
        -- PRV-8: one membership of a member at a provider at any date. The service checks first
        -- (under a lock on the provider) to explain the clash; this is the last line of defence.
        constraint provider_membership_one_at_a_time exclude using gist (
          provider_id with =,
          member_id with =,
          daterange(from_date, to_date, '[]') with &&)
      )`);
    this.addSql(
      'create index provider_membership_provider on provider_membership (provider_id, role, from_date)',
    );
    this.addSql(
      'create index provider_membership_member on provider_membership (member_id, from_date, to_date)',
    );

    this.addSql(`
      create table provider_participant (
        id uuid primary key,
        provider_id uuid not null references provider (id),
        name text not null,
        role text not null,
        organisation text null,
        phone text null,
        email text null,${AUDIT_COLUMNS}
      )`);
    this.addSql(
      'create index provider_participant_provider on provider_participant (provider_id, lower(name))',
    );

    this.addSql(`
      create table background_check (
        id uuid primary key,
        member_id uuid not null references member (id),
        check_type text not null check (check_type in
          ('criminal', 'child-protective-services', 'firearms', 'other')),
        result text not null check (result in ('pending', 'passed', 'failed')),
        failure_reason text null,
        requested_on date not null,
        completed_on date null,
        valid_from date null,
        valid_to date null,${AUDIT_COLUMNS},
        -- CRD-6: a failed check names why; only a failed one does
        constraint background_check_failure_reason
          check ((result = 'failed') = (failure_reason is not null)),
        constraint background_check_validity
          check (valid_to is null or valid_from is null or valid_to >= valid_from)
      )`);
    this.addSql(
      'create index background_check_member on background_check (member_id, check_type, result, requested_on)',
    );
  }
}

export const providerMembersMigration = {
  name: 'Migration20261122000600_provider_members',
  class: ProviderMembers,
};
