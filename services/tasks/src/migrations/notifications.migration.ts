import { Migration } from '@platform/persistence';

/**
 * WF-1 / WF-2 follow-ups: the queue of home studies returned for revision; tasks a workflow assigns
 * at once and explains (`details`); escalation marks; reminder/escalation history keyed by the
 * activity's request key; and the in-app notification feed with per-user read state.
 */
class TaskNotifications extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      insert into work_queue (code, name, description, member_roles, supervisor_roles) values
        ('home-study-revisions', 'Home study revisions',
         'Home studies the supervisor returned for further review, to revise and resubmit (WF-1)',
         '["resource-manager", "resource-manager-supervisor"]', '["resource-manager-supervisor"]')
      on conflict (code) do nothing`);
    this.addSql(`alter table task add column details jsonb not null default '[]'`);
    this.addSql('alter table task add column escalated_at timestamptz null');
    this.addSql('alter table task add column escalated_to jsonb null');
    this.addSql(
      'create index task_escalated on task (escalated_at, due_at) where escalated_at is not null',
    );
    // The reminder / escalation a history row records, so a retried activity records it once.
    this.addSql('alter table task_history add column request_key text null unique');
    this.addSql(`
      create table notification (
        id uuid primary key,
        request_key text not null unique,
        recipient_user text null,
        recipient_role text null,
        kind text not null check (kind in ('reminder', 'escalation', 'info')),
        title text not null,
        body text not null,
        subject_type text not null,
        subject_id text not null,
        task_id uuid null references task (id),
        created_at timestamptz not null default now(),
        emailed_at timestamptz null,
        constraint notification_one_recipient
          check ((recipient_user is null) <> (recipient_role is null))
      )`);
    this.addSql(
      'create index notification_user_feed on notification (recipient_user, created_at desc, id) ' +
        'where recipient_user is not null',
    );
    this.addSql(
      'create index notification_role_feed on notification (recipient_role, created_at desc, id) ' +
        'where recipient_role is not null',
    );
    this.addSql('create index notification_task on notification (task_id)');
    this.addSql(`
      create table notification_read (
        notification_id uuid not null references notification (id),
        user_id text not null,
        read_at timestamptz not null default now(),
        primary key (notification_id, user_id)
      )`);
    this.addSql('create index notification_read_user on notification_read (user_id)');
  }
}

export const taskNotificationsMigration = {
  name: 'Migration20261122000400_task_notifications',
  class: TaskNotifications,
};
