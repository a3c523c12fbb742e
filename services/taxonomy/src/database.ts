import { messagingMigration, OutboxMessage } from '@platform/messaging';
import { openDatabase } from '@platform/persistence';
import { taxonomyCoreMigration } from './migrations/taxonomy-core.migration.js';
import { termDraftsMigration } from './migrations/term-drafts.migration.js';
import { taxonomyIndexingMigration } from './migrations/indexing.migration.js';
import { reviewCommentsMigration } from './migrations/review-comments.migration.js';
import { searchScopeMigration } from './migrations/search-scope.migration.js';

/**
 * The taxonomy service's own database (ARCHITECTURE rule 1), migrated on start: the outbox and
 * inbox, then its taxonomies, versions, terms and imports (ADR 0021), its copies of the providers
 * service's facts, indexes and search documents.
 */
export function openTaxonomyDatabase(url: string) {
  return openDatabase({
    url,
    entities: [OutboxMessage],
    migrations: [
      messagingMigration,
      taxonomyCoreMigration,
      termDraftsMigration,
      taxonomyIndexingMigration,
      reviewCommentsMigration,
      searchScopeMigration,
    ],
  });
}
