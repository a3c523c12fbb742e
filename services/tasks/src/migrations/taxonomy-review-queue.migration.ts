import { Migration } from '@platform/persistence';

/**
 * TAX-5 (ADR 0021): update imports whose replaced, deleted or held terms wait for an
 * administrator's review; one task per version, closed when the version is published or discarded.
 */
class TaxonomyReviewQueue extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      insert into work_queue (code, name, description, member_roles, supervisor_roles) values
        ('taxonomy-reviews', 'Taxonomy import reviews',
         'An update import pending user review: accept or reject each term on its review list through the taxonomy API (the version publishes when none is left), or discard the version with a reason (TAX-5)',
         '["administrator"]', '[]')
      on conflict (code) do nothing`);
  }
}

export const taxonomyReviewQueueMigration = {
  name: 'Migration20261123140000_taxonomy_review_queue',
  class: TaxonomyReviewQueue,
};
