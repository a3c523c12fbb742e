import { Migration } from '@platform/persistence';

class InquiriesAndProviders extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table inquiry (
        id uuid primary key,
        name text not null,
        email text null,
        phone text null,
        source text not null check (source in ('staff', 'guest')),
        status text not null default 'received' check (status in ('received', 'closed', 'converted')),
        submitted_by text not null,
        created_at timestamptz not null default now(),
        decided_at timestamptz null,
        decided_by text null,
        close_reason text null,
        provider_id uuid null
      )`);
    this.addSql('create index inquiry_status_created on inquiry (status, created_at desc)');
    this.addSql(`
      create table provider (
        id uuid primary key,
        name text not null,
        status text not null default 'enrolled',
        inquiry_id uuid null unique,
        enrolled_by text not null,
        created_at timestamptz not null default now()
      )`);
  }
}

export const inquiriesMigration = {
  name: 'Migration20261122000100_inquiries',
  class: InquiriesAndProviders,
};
