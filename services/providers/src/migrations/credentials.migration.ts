import { Migration } from '@platform/persistence';

const AUDIT_COLUMNS = `
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_by text not null,
  updated_at timestamptz not null default now()`;

/**
 * CRD-4 training courses and member trainings, CRD-5 certification types and member
 * certifications, CRD-1 accreditations. Foreign keys point only at rows that exist before the unit
 * of work that references them (a member, a provider, a service product, a certification type).
 */
class Credentials extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table training_course (
        id uuid primary key,
        code text not null,
        name text not null,
        description text null,
        default_credits numeric(7, 2) not null check (default_credits >= 0),
        credit_variations jsonb not null default '[]',
        service_product_id uuid null references service_product (id),
        active boolean not null default true,${AUDIT_COLUMNS}
      )`);
    this.addSql('create unique index training_course_code_unique on training_course (upper(code))');
    this.addSql('create index training_course_name on training_course (lower(name), id)');
    // CRD-4: a training service product delivers one course (managed trainings name it)
    this.addSql(
      'create unique index training_course_service_product on training_course (service_product_id) where service_product_id is not null',
    );

    this.addSql(`
      create table member_training (
        id uuid primary key,
        member_id uuid not null references member (id),
        kind text not null check (kind in ('managed', 'unmanaged')),
        course_code text null,
        course_name text not null,
        training_provider_name text null,
        provider_id uuid null references provider (id),
        service_product_id uuid null references service_product (id),
        requirement text null check (requirement in ('mandatory', 'recommended')),
        required_by date null,
        status text not null check (status in ('assigned', 'approved', 'completed', 'waived')),
        approved_by text null,
        approved_on date null,
        completed_on date null,
        units numeric(7, 2) null check (units >= 0),
        waiver_reason text null,
        waived_by text null,
        waived_on date null,${AUDIT_COLUMNS},
        -- CRD-4: a completed training has its date; a waived one its reason
        constraint member_training_completed check ((status = 'completed') = (completed_on is not null)),
        constraint member_training_waived check ((status = 'waived') = (waiver_reason is not null)),
        constraint member_training_managed check (kind = 'unmanaged' or
          (provider_id is not null and service_product_id is not null and course_code is not null
           and requirement is not null and required_by is not null))
      )`);
    this.addSql(
      'create index member_training_member on member_training (member_id, status, completed_on)',
    );
    // SVC-10 / CRD-3: "has this member completed or waived this course" per course code
    this.addSql(
      'create index member_training_course on member_training (member_id, upper(course_code), status)',
    );
    this.addSql(
      'create index member_training_provider on member_training (provider_id, status, required_by)',
    );

    this.addSql(`
      create table certification_type (
        id uuid primary key,
        name text not null,
        description text null,
        validity_months smallint not null check (validity_months between 1 and 600),
        required_credits numeric(7, 2) not null check (required_credits >= 0),
        issuer text not null check (issuer in ('agency', 'third-party')),
        active boolean not null default true,${AUDIT_COLUMNS}
      )`);
    this.addSql(
      'create unique index certification_type_name_unique on certification_type (lower(name))',
    );
    this.addSql(
      'create index certification_type_active on certification_type (active, lower(name))',
    );

    this.addSql(`
      create table member_certification (
        id uuid primary key,
        member_id uuid not null references member (id),
        certification_type_id uuid not null references certification_type (id),
        issued_by text not null,
        issued_on date not null,
        valid_from date not null,
        valid_to date not null,
        credits_earned numeric(9, 2) not null check (credits_earned >= 0),
        renewal_count smallint not null default 0,
        removed_at timestamptz null,
        removed_by text null,
        removal_reason text null,${AUDIT_COLUMNS},
        constraint member_certification_validity check (valid_to >= valid_from),
        constraint member_certification_removal
          check ((removed_at is null) = (removal_reason is null))
      )`);
    this.addSql(
      'create index member_certification_member on member_certification (member_id, valid_to, valid_from)',
    );
    this.addSql(
      'create index member_certification_type on member_certification (certification_type_id, member_id)',
    );

    this.addSql(`
      create table accreditation (
        id uuid primary key,
        provider_id uuid not null references provider (id),
        accrediting_body text not null,
        accreditation_type text not null,
        reference text null,
        start_date date not null,
        expiry_date date not null,
        end_date date null,
        end_reason text null,${AUDIT_COLUMNS},
        -- CRD-1: expiry on or after start; an early end falls within the period and says why
        constraint accreditation_period check (expiry_date >= start_date),
        constraint accreditation_end check (end_date is null or
          (end_date between start_date and expiry_date and end_reason is not null))
      )`);
    this.addSql(
      'create index accreditation_provider on accreditation (provider_id, start_date, expiry_date, end_date)',
    );
  }
}

export const credentialsMigration = {
  name: 'Migration20261122001500_credentials',
  class: Credentials,
};
