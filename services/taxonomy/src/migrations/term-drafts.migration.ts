import { Migration } from '@platform/persistence';

/**
 * TAX-4: "editing a published term creates an editing version of it, effective once republished".
 * An edit of a term of the PUBLISHED version is kept here as the term's draft — the whole term as
 * it will be (parent, facet, every language's text) or its deletion — so search, indexing and
 * reads keep the published values until the version is republished, which applies every draft of
 * the version in one transaction. An editing version is changed directly and has no drafts.
 */
class TermDrafts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table term_draft (
        version_id uuid not null references taxonomy_version (version_id) on delete cascade,
        code text not null,
        action text not null check (action in ('added', 'modified', 'deleted')),
        parent_code text null,
        facet text null,
        custom boolean not null default false,
        texts jsonb not null default '[]',
        updated_at timestamptz not null default now(),
        updated_by text not null,
        primary key (version_id, code)
      )`);
    this.addSql('create index term_draft_parent on term_draft (version_id, parent_code)');
  }
}

export const termDraftsMigration = {
  name: 'Migration20261123093000_term_drafts',
  class: TermDrafts,
};
