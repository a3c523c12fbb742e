import { Migration } from '@platform/persistence';

class TasksTables extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table task (
        id uuid primary key,
        request_key text not null unique,
        workflow_id text not null,
        queue text not null,
        title text not null,
        subject_type text not null,
        subject_id text not null,
        priority text not null check (priority in ('low', 'normal', 'high')),
        status text not null default 'open' check (status in ('open', 'completed')),
        due_at timestamptz not null,
        assignee text null,
        allowed_outcomes jsonb not null,
        outcomes_requiring_reason jsonb not null,
        decider_roles jsonb not null,
        created_at timestamptz not null default now(),
        completed_at timestamptz null,
        outcome text null,
        decided_by text null,
        reason text null
      )`);
    this.addSql('create index task_queue_status_due on task (queue, status, due_at)');
    this.addSql('create index task_subject on task (subject_type, subject_id)');
    this.addSql(`
      create table task_history (
        id bigserial primary key,
        task_id uuid not null references task (id),
        action text not null,
        actor text not null,
        at timestamptz not null default now(),
        details jsonb not null
      )`);
    this.addSql('create index task_history_task on task_history (task_id, id)');
  }
}

export const tasksMigration = { name: 'Migration20261122000200_tasks', class: TasksTables };
