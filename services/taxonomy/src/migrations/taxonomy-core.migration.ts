import { Migration } from '@platform/persistence';

/**
 * TAX-1…TAX-7 (ADR 0021): taxonomies, their versions, and each version's terms as a complete
 * copy — a version is what was published (or is being edited or reviewed), so search and indexing
 * read one version without reconstructing history. Term texts are per language (TAX-6): a second
 * language's import or a field-level translation adds rows, never a second version. Each text row
 * carries its full-text document (name A, use references B, definition C), kept by a trigger in
 * the text-search configuration of its language, so every writer gets it right.
 */
class TaxonomyCore extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create function taxonomy_text_config(language text) returns regconfig
        language sql immutable as $$
          select case lower(split_part(language, '-', 1))
            when 'en' then 'english'::regconfig
            when 'fr' then 'french'::regconfig
            when 'es' then 'spanish'::regconfig
            when 'de' then 'german'::regconfig
            when 'pt' then 'portuguese'::regconfig
            when 'it' then 'italian'::regconfig
            when 'nl' then 'dutch'::regconfig
            else 'simple'::regconfig
          end
        $$`);
    this.addSql(`
      create table taxonomy (
        taxonomy_id uuid primary key,
        name text not null,
        kind text not null check (kind in ('airs', 'custom')),
        default_language text not null,
        country text not null,
        created_at timestamptz not null default now(),
        created_by text not null,
        unique (name, country)
      )`);
    this.addSql(`
      create table taxonomy_version (
        version_id uuid primary key,
        taxonomy_id uuid not null references taxonomy (taxonomy_id),
        version_label text not null,
        release_date date null,
        status text not null
          check (status in ('editing', 'pending-user-review', 'published', 'superseded', 'discarded')),
        based_on_version_id uuid null references taxonomy_version (version_id),
        created_at timestamptz not null default now(),
        created_by text not null,
        published_at timestamptz null,
        published_by text null,
        superseded_at timestamptz null,
        unique (taxonomy_id, version_label)
      )`);
    this.addSql(`
      create unique index taxonomy_version_one_published
        on taxonomy_version (taxonomy_id) where status = 'published'`);
    this.addSql(`
      create table term (
        version_id uuid not null references taxonomy_version (version_id) on delete cascade,
        code text not null,
        parent_code text null,
        level int not null check (level between 1 and 12),
        facet text null,
        display_state text not null default 'active'
          check (display_state in ('active', 'used', 'inactive-shown', 'inactive-hidden')),
        custom boolean not null default false,
        updated_at timestamptz not null default now(),
        updated_by text not null,
        primary key (version_id, code)
      )`);
    this.addSql('create index term_parent on term (version_id, parent_code)');
    this.addSql(`
      create table term_text (
        version_id uuid not null,
        code text not null,
        language text not null,
        name text not null,
        definition text null,
        use_references text[] not null default '{}',
        document tsvector not null default ''::tsvector,
        primary key (version_id, code, language),
        foreign key (version_id, code) references term (version_id, code) on delete cascade
      )`);
    this.addSql('create index term_text_document on term_text using gin (document)');
    this.addSql(`
      create function term_text_document() returns trigger language plpgsql as $$
        begin
          new.document :=
            setweight(to_tsvector(taxonomy_text_config(new.language), new.name), 'A') ||
            setweight(to_tsvector('simple', new.name), 'A') ||
            setweight(to_tsvector(taxonomy_text_config(new.language),
              array_to_string(new.use_references, ' ')), 'B') ||
            setweight(to_tsvector('simple', array_to_string(new.use_references, ' ')), 'B') ||
            setweight(to_tsvector(taxonomy_text_config(new.language),
              coalesce(new.definition, '')), 'C');
          return new;
        end
      $$`);
    this.addSql(`
      create trigger term_text_document before insert or update of name, definition, use_references, language
        on term_text for each row execute function term_text_document()`);
    this.addSql(`
      create table term_see_also (
        version_id uuid not null,
        code text not null,
        see_also_code text not null,
        primary key (version_id, code, see_also_code),
        foreign key (version_id, code) references term (version_id, code) on delete cascade
      )`);
    this.addSql(`
      create table term_related_concept (
        version_id uuid not null,
        code text not null,
        concept_code text not null,
        concept_name text null,
        primary key (version_id, code, concept_code),
        foreign key (version_id, code) references term (version_id, code) on delete cascade
      )`);
    this.addSql(`
      create table taxonomy_import (
        import_id uuid primary key,
        taxonomy_id uuid null references taxonomy (taxonomy_id),
        version_id uuid null references taxonomy_version (version_id),
        kind text null check (kind in ('initial', 'update', 'translation')),
        taxonomy_name text not null,
        country text not null,
        language text not null,
        release_date date not null,
        term_count int not null default 0,
        review_before_import boolean not null default false,
        review_elements text[] not null default '{}',
        bytes bigint not null default 0,
        parse_ms int not null default 0,
        imported_at timestamptz not null default now(),
        imported_by text not null
      )`);
    this.addSql(`
      create table import_term (
        import_id uuid not null references taxonomy_import (import_id) on delete cascade,
        code text not null,
        parent_code text null,
        level int not null,
        facet text null,
        name text not null,
        definition text null,
        use_references text[] not null default '{}',
        see_also text[] not null default '{}',
        related_concepts jsonb not null default '[]',
        replaces text[] not null default '{}',
        primary key (import_id, code)
      )`);
    this.addSql(`
      create table version_change (
        version_id uuid not null references taxonomy_version (version_id) on delete cascade,
        code text not null,
        change text not null check (change in ('added', 'modified', 'replaced', 'deleted')),
        changed_elements text[] not null default '{}',
        replaced_by text null,
        needs_review boolean not null default false,
        decision text null check (decision in ('accepted', 'rejected')),
        decided_at timestamptz null,
        decided_by text null,
        primary key (version_id, code)
      )`);
    this.addSql(`
      create index version_change_review on version_change (version_id)
        where needs_review and decision is null`);
  }
}

export const taxonomyCoreMigration = {
  name: 'Migration20261123090000_taxonomy_core',
  class: TaxonomyCore,
};
