import { Migration } from '@mikro-orm/migrations';

/**
 * Outbox and inbox tables. Every service that publishes or consumes events lists this migration
 * first, so the tables are the same everywhere.
 */
export class MessagingTablesMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table outbox_message (
        seq bigserial primary key,
        id uuid not null unique,
        topic text not null,
        message_key text not null,
        event_type text not null,
        envelope jsonb not null,
        created_at timestamptz not null default now(),
        published_at timestamptz null,
        publish_attempts int not null default 0,
        last_error text null
      )`);
    this.addSql(
      `create index outbox_message_unpublished on outbox_message (seq) where published_at is null`,
    );
    this.addSql(`
      create table inbox_message (
        consumer text not null,
        event_id uuid not null,
        event_type text not null,
        processed_at timestamptz not null default now(),
        primary key (consumer, event_id)
      )`);
  }
}

export const messagingMigration = {
  name: 'Migration20261122000000_messaging',
  class: MessagingTablesMigration,
};
