import { Migration } from '@platform/persistence';

/** TAX-5: the administrator's reason for a review decision, shown on the review list. */
class ReviewComments extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table version_change add column decision_comment text null');
  }
}

export const reviewCommentsMigration = {
  name: 'Migration20261123094000_review_comments',
  class: ReviewComments,
};
