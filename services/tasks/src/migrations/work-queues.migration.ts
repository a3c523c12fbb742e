import { Migration } from '@platform/persistence';

/**
 * Work queues as data (ADR 0006): each queue names the roles whose members work it and the
 * supervisor roles that may reassign its tasks. Tasks keep referring to their queue by code.
 * Also: the `urgent` priority, required fields per outcome, and assignment audit columns.
 */
class WorkQueues extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table work_queue (
        code text primary key,
        name text not null,
        description text not null,
        member_roles jsonb not null,
        supervisor_roles jsonb not null
      )`);
    this.addSql(`
      insert into work_queue (code, name, description, member_roles, supervisor_roles) values
        ('provider-inquiries', 'Provider inquiries',
         'Inquiries from staff or self-service to convert or close (PRV-2)',
         '["resource-manager", "resource-manager-supervisor"]', '["resource-manager-supervisor"]'),
        ('supervisor-approvals', 'Supervisor approvals',
         'Home study recommendations to approve, reject or return (WF-1)',
         '["resource-manager-supervisor"]', '["resource-manager-supervisor"]'),
        ('licence-renewals', 'Licence renewals',
         'Licence renewal requests to renew or find non-compliant (WF-2)',
         '["resource-manager", "resource-manager-supervisor"]', '["resource-manager-supervisor"]'),
        ('finance-exceptions', 'Finance exceptions',
         'Invoice line items that failed matching or validation (WF-4)',
         '["finance-user"]', '[]')`);
    this.addSql('alter table task drop constraint task_priority_check');
    this.addSql(
      `alter table task add constraint task_priority_check
         check (priority in ('low', 'normal', 'high', 'urgent'))`,
    );
    this.addSql('alter table task add column required_fields jsonb null');
    this.addSql('alter table task add column assigned_at timestamptz null');
    this.addSql('create index task_assignee_status_due on task (assignee, status, due_at)');
    this.addSql('alter table task_history add column from_user text null');
    this.addSql('alter table task_history add column to_user text null');
    this.addSql('alter table task_history add column reason text null');
  }
}

export const workQueuesMigration = {
  name: 'Migration20261122000300_work_queues',
  class: WorkQueues,
};
