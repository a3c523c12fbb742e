import { Migration } from '@platform/persistence';

/**
 * PRV-10 (ADR 0020): places that freed up, offered to the first suitable waitlist entry; each task
 * is assigned to the case worker who added the entry, who accepts or declines it.
 */
class WaitlistOfferQueue extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      insert into work_queue (code, name, description, member_roles, supervisor_roles) values
        ('waitlist-offers', 'Waitlist place offers',
         'A freed place offered to a waiting client: accept (the place is allocated) or decline with a reason (the next client is offered it) (PRV-10)',
         '["case-worker"]', '[]')
      on conflict (code) do nothing`);
  }
}

export const waitlistOfferQueueMigration = {
  name: 'Migration20261123130000_waitlist_offer_queue',
  class: WaitlistOfferQueue,
};
