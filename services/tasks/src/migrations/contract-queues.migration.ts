import { Migration } from '@platform/persistence';

/**
 * WF-3's work queues for resource managers: contracts whose signature deadline passed (the
 * escalation), and signed contracts waiting to be activated (CTR-4).
 */
class ContractQueues extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      insert into work_queue (code, name, description, member_roles, supervisor_roles) values
        ('contract-signatures', 'Contract signatures overdue',
         'Issued contracts the provider has not signed by the deadline: follow up, re-issue or cancel (WF-3)',
         '["resource-manager", "resource-manager-supervisor"]', '["resource-manager-supervisor"]'),
        ('contract-activations', 'Contract activations',
         'Signed contracts to activate once provider, services and licences allow it (CTR-4, WF-3)',
         '["resource-manager", "resource-manager-supervisor"]', '["resource-manager-supervisor"]')
      on conflict (code) do nothing`);
  }
}

export const contractQueuesMigration = {
  name: 'Migration20261122000500_contract_queues',
  class: ContractQueues,
};
