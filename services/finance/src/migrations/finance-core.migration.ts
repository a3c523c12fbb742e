import { Migration } from '@platform/persistence';

/**
 * Finance's own records (issue 6): the clients and cases invoices are billed under, service
 * authorizations (FIN-1, FIN-2), service invoices and their line items with the outcome of
 * validation and matching (FIN-3…FIN-6), and payments with their lines and adjustment records
 * (FIN-7…FIN-9, FIN-14) through calculated → approved → issued in payment runs. Money is bigint
 * cents, service dates are `date` with inclusive ends (ARCHITECTURE rule 8). Every change keeps
 * who made it and when. Set-based processing (ADR 0019) relies on the indexes named below.
 */
class FinanceCore extends Migration {
  override async up(): Promise<void> {
    // Numbers people read aloud: SA-2026-000001, INV-…, PAY-…, RUN-…
    this.addSql('create sequence service_authorization_number');
    this.addSql('create sequence invoice_number');
    this.addSql('create sequence payment_number');
    this.addSql('create sequence payment_run_number');

    // FIN-4 "client and payee registered": the people finance pays for or pays to.
    this.addSql(`
      create table participant (
        participant_id uuid primary key,
        kind text not null check (kind in ('client', 'nominee')),
        name text not null,
        date_of_birth date null,
        registered_at timestamptz not null default now(),
        registered_by text not null
      )`);
    this.addSql('create index participant_kind_name on participant (kind, lower(name))');

    // FIN-4 "case valid": a case is valid for a service period it was open throughout.
    this.addSql(`
      create table client_case (
        case_id uuid primary key,
        reference text not null unique,
        status text not null check (status in ('open', 'closed')),
        opened_on date not null,
        closed_on date null,
        closed_reason text null,
        created_at timestamptz not null default now(),
        created_by text not null,
        updated_at timestamptz not null default now(),
        updated_by text not null,
        check (closed_on is null or closed_on >= opened_on)
      )`);
    this.addSql(`
      create table case_client (
        case_id uuid not null references client_case (case_id),
        client_id uuid not null references participant (participant_id),
        primary key (case_id, client_id)
      )`);
    this.addSql('create index case_client_client on case_client (client_id)');

    // FIN-1 / FIN-2: service authorizations; statuses are derived, never stored.
    this.addSql(`
      create table service_authorization (
        authorization_id uuid primary key,
        reference text not null unique,
        case_id uuid null references client_case (case_id),
        from_date date not null,
        to_date date not null,
        cancelled_at timestamptz null,
        cancelled_by text null,
        cancel_reason text null,
        created_at timestamptz not null default now(),
        created_by text not null,
        check (to_date >= from_date)
      )`);
    this.addSql(`
      create table authorization_client (
        authorization_id uuid not null references service_authorization (authorization_id),
        client_id uuid not null references participant (participant_id),
        primary key (authorization_id, client_id)
      )`);
    this.addSql('create index authorization_client_client on authorization_client (client_id)');
    this.addSql(`
      create table authorization_line_item (
        line_item_id uuid primary key,
        authorization_id uuid not null references service_authorization (authorization_id),
        line_number int not null,
        service_product_id uuid not null,
        provider_id uuid null,
        units int null check (units >= 0),
        rate_cents bigint null check (rate_cents >= 0),
        nominee_id uuid null references participant (participant_id),
        from_date date not null,
        to_date date not null,
        cancelled_at timestamptz null,
        cancelled_by text null,
        cancel_reason text null,
        unique (authorization_id, line_number),
        check (to_date >= from_date)
      )`);
    this.addSql(
      'create index authorization_line_item_service on authorization_line_item (service_product_id)',
    );

    // FIN-3: invoices from a provider or a group, entered by staff or requested through
    // self-service (then accepted by a resource manager before processing).
    this.addSql(`
      create table invoice (
        invoice_id uuid primary key,
        reference text not null unique,
        provider_id uuid not null,
        submitter_kind text not null check (submitter_kind in ('provider', 'group')),
        provider_reference text null,
        origin text not null check (origin in ('staff', 'self-service')),
        status text not null check (status in
          ('draft', 'requested', 'request-rejected', 'submitted')),
        received_on date not null,
        request_decided_by text null,
        request_decided_at timestamptz null,
        request_rejection_reason text null,
        submitted_at timestamptz null,
        submitted_by text null,
        created_at timestamptz not null default now(),
        created_by text not null,
        updated_at timestamptz not null default now(),
        updated_by text not null
      )`);
    this.addSql('create index invoice_provider on invoice (provider_id, created_at)');
    this.addSql('create index invoice_status on invoice (status)');

    // FIN-3…FIN-6: a line item and the outcome of its latest processing attempt. `failures` lists
    // every reason of that attempt (the exception task shows them); `attempt` counts attempts.
    this.addSql(`
      create table invoice_line_item (
        line_item_id uuid primary key,
        invoice_id uuid not null references invoice (invoice_id),
        line_number int not null,
        provider_id uuid not null,
        service_product_id uuid not null,
        case_id uuid null,
        payee_id uuid null,
        from_date date not null,
        to_date date not null,
        units int not null check (units > 0),
        unit_amount_cents bigint null check (unit_amount_cents >= 0),
        status text not null check (status in
          ('draft', 'accepted', 'exception', 'stopped', 'denied')),
        attempt int not null default 0,
        failures jsonb not null default '[]',
        authorization_line_item_id uuid null references authorization_line_item (line_item_id),
        processed_at timestamptz null,
        last_request_key text null,
        denied_reason text null,
        denied_by text null,
        denied_at timestamptz null,
        updated_at timestamptz not null default now(),
        updated_by text not null,
        unique (invoice_id, line_number),
        check (to_date >= from_date)
      )`);
    this.addSql(`
      create table invoice_line_client (
        line_item_id uuid not null references invoice_line_item (line_item_id),
        client_id uuid not null,
        primary key (line_item_id, client_id)
      )`);
    this.addSql('create index invoice_line_client_client on invoice_line_client (client_id)');
    // FIN-1: units used per authorization line item = sum over accepted lines matched to it.
    this.addSql(`
      create index invoice_line_item_matched on invoice_line_item (authorization_line_item_id)
        where status = 'accepted'`);
    // FIN-4 duplicates: the natural key's leading columns.
    this.addSql(`
      create index invoice_line_item_natural_key
        on invoice_line_item (provider_id, service_product_id, from_date, to_date)`);
    this.addSql('create index invoice_line_item_status on invoice_line_item (status)');
    // Who changed a line item (an exception queue's user modifies before resubmitting) and why.
    this.addSql(`
      create table invoice_line_change (
        change_id uuid primary key,
        line_item_id uuid not null references invoice_line_item (line_item_id),
        action text not null,
        changes jsonb not null default '{}',
        actor text not null,
        occurred_at timestamptz not null default now()
      )`);
    this.addSql('create index invoice_line_change_line on invoice_line_change (line_item_id)');

    // FIN-7…FIN-9, FIN-14: a payment to one payee; its lines are the priced runs of line items.
    this.addSql(`
      create table payment (
        payment_id uuid primary key,
        reference text not null unique,
        provider_id uuid not null,
        payee_kind text not null check (payee_kind in ('provider', 'group', 'nominee')),
        payee_id uuid not null,
        payee_rule text not null,
        invoice_id uuid null references invoice (invoice_id),
        amount_cents bigint not null,
        billed_cents bigint not null,
        status text not null check (status in ('calculated', 'approved', 'issued')),
        calculated_at timestamptz not null default now(),
        approved_at timestamptz null,
        approved_by text null,
        issued_at timestamptz null,
        issued_by text null,
        payment_run_id uuid null
      )`);
    this.addSql('create index payment_provider on payment (provider_id, calculated_at)');
    this.addSql('create index payment_status on payment (status)');
    this.addSql('create index payment_invoice on payment (invoice_id)');
    this.addSql(`
      create table payment_line (
        line_item_id uuid not null references invoice_line_item (line_item_id),
        part_number int not null,
        payment_id uuid not null references payment (payment_id),
        from_date date not null,
        to_date date not null,
        days int not null,
        units int not null,
        rate_source text not null,
        rate jsonb not null,
        unit_amount_paid_cents bigint not null,
        billed_cents bigint not null,
        paid_cents bigint not null,
        primary key (line_item_id, part_number)
      )`);
    this.addSql('create index payment_line_payment on payment_line (payment_id)');
    this.addSql(`
      create table payment_adjustment (
        line_item_id uuid not null,
        part_number int not null,
        payment_id uuid not null references payment (payment_id),
        rule text not null,
        svc3_case text not null,
        option text not null,
        options_owner text not null,
        rate_source text not null,
        billed_cents bigint not null,
        paid_cents bigint not null,
        difference_cents bigint not null,
        explanation text not null,
        primary key (line_item_id, part_number),
        foreign key (line_item_id, part_number) references payment_line (line_item_id, part_number)
      )`);
    this.addSql('create index payment_adjustment_payment on payment_adjustment (payment_id)');

    // Approved payments handed to the agency's payment system together, with the file sent.
    this.addSql(`
      create table payment_run (
        payment_run_id uuid primary key,
        reference text not null unique,
        adapter text not null,
        file_name text not null,
        media_type text not null,
        content bytea not null,
        sha256 text not null,
        payment_count int not null,
        total_cents bigint not null,
        created_at timestamptz not null default now(),
        created_by text not null
      )`);
    this.addSql(
      'alter table payment add constraint payment_run_fk foreign key (payment_run_id) references payment_run (payment_run_id)',
    );

    // PRV-4: provider groups, so a group invoice's submitter and a group payee are known (FIN-4).
    this.addSql(`
      create table provider_group (
        group_id uuid primary key,
        name text null,
        status text not null check (status in ('enrolled', 'closed', 'reopened')),
        occurred_at timestamptz not null
      )`);
  }
}

export const financeCoreMigration = {
  name: 'Migration20261123100000_finance_core',
  class: FinanceCore,
};
