import { Migration } from '@platform/persistence';

const AUDIT_COLUMNS = `
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_by text not null,
  updated_at timestamptz not null default now()`;

/**
 * PRV-9 service enquiries. The provider and the service product exist before an enquiry is
 * created (never in the same unit of work), so both are foreign keys. Indexes serve each list
 * filter: provider, service product, case worker, client, status, period — newest first.
 */
class ServiceEnquiries extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table service_enquiry (
        id uuid primary key,
        provider_id uuid not null references provider (id),
        service_product_id uuid not null references service_product (id),
        client_reference text not null,
        client_name text null,
        from_date date not null,
        to_date date not null,
        units integer not null check (units > 0),
        contact_method text not null check (contact_method in ('phone', 'email', 'web', 'mail')),
        contact_method_source text not null
          check (contact_method_source in ('provider-preference', 'case-worker')),
        question text null,
        case_worker text not null,
        status text not null default 'sent' check (status in ('sent', 'responded', 'cancelled')),
        response text null
          check (response in ('available', 'unavailable', 'partially-available')),
        available_units integer null check (available_units >= 0),
        response_comments text null,
        responded_by text null,
        responded_at timestamptz null,
        response_recorded_by text null,
        response_via text null check (response_via in ('self-service', 'staff')),
        cancel_reason text null,
        cancelled_by text null,
        cancelled_at timestamptz null,${AUDIT_COLUMNS},
        constraint service_enquiry_period check (to_date >= from_date),
        -- PRV-9: a responded enquiry has its answer; only a responded one does
        constraint service_enquiry_answer check (
          (status = 'responded') = (response is not null and available_units is not null
            and responded_at is not null)),
        constraint service_enquiry_partial check (
          response is distinct from 'partially-available'
          or (available_units between 1 and units - 1))
      )`);
    this.addSql(
      'create index service_enquiry_provider on service_enquiry (provider_id, status, created_at desc)',
    );
    this.addSql(
      'create index service_enquiry_product on service_enquiry (service_product_id, status, created_at desc)',
    );
    this.addSql(
      'create index service_enquiry_case_worker on service_enquiry (case_worker, status, created_at desc)',
    );
    this.addSql(
      'create index service_enquiry_client on service_enquiry (client_reference, created_at desc)',
    );
    this.addSql('create index service_enquiry_client_name on service_enquiry (lower(client_name))');
    this.addSql('create index service_enquiry_status on service_enquiry (status, created_at desc)');
    this.addSql('create index service_enquiry_period on service_enquiry (from_date, to_date)');
  }
}

export const serviceEnquiriesMigration = {
  name: 'Migration20261122001800_service_enquiries',
  class: ServiceEnquiries,
};
