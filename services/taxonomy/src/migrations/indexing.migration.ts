import { Migration } from '@platform/persistence';

/**
 * Issue 8, TAX-8 / TAX-9: the providers service's facts the taxonomy service keeps a copy of
 * (ARCHITECTURE rule 1; each row carries the `occurred_at` of the event that last wrote it, so an
 * older event never overwrites a newer one), the indexes linking provider services to terms, and
 * their search documents.
 */
class TaxonomyIndexing extends Migration {
  override async up(): Promise<void> {
    // PRV-1: the provider's name and lifecycle status (a directory offers approved providers only).
    this.addSql(`
      create table provider (
        provider_id uuid primary key,
        name text null,
        status text not null,
        occurred_at timestamptz not null
      )`);
    // PRV-3: the provider's category (search filter `category`); its own row, since
    // `provider.classified` and the lifecycle events are ordered by their own occurred_at.
    this.addSql(`
      create table provider_classification (
        provider_id uuid primary key,
        category_code text null,
        category_name text null,
        type_code text null,
        type_name text null,
        occurred_at timestamptz not null
      )`);
    this.addSql(
      'create index provider_classification_category on provider_classification (category_code)',
    );
    // PRV-6: the provider services TAX-8 indexes.
    this.addSql(`
      create table provider_service (
        provider_service_id uuid primary key,
        provider_id uuid not null,
        service_product_id uuid not null,
        status text not null,
        starts_on date not null,
        ends_on date null,
        occurred_at timestamptz not null
      )`);
    this.addSql('create index provider_service_provider on provider_service (provider_id)');
    // SVC-1: the product a provider service delivers, whose name is the service's public name.
    this.addSql(`
      create table service_product (
        service_product_id uuid primary key,
        name text not null,
        unit_of_measure text not null,
        occurred_at timestamptz not null
      )`);
    // PRV-3: where a provider delivers its services — the location text search filters on.
    this.addSql(`
      create table service_centre (
        service_centre_id uuid primary key,
        provider_id uuid not null,
        name text not null,
        address_line1 text null,
        address_line2 text null,
        city text null,
        region text null,
        postal_code text null,
        phone text null,
        starts_on date not null,
        ends_on date null,
        closed boolean not null default false,
        occurred_at timestamptz not null
      )`);
    this.addSql('create index service_centre_provider on service_centre (provider_id)');
    // TAX-8: a provider service's index: one term or a compound of terms, in order. Refers to
    // codes of the taxonomy (stable across versions), never to one version's rows.
    this.addSql(`
      create table service_index (
        index_id uuid primary key,
        provider_service_id uuid not null,
        taxonomy_id uuid not null references taxonomy (taxonomy_id),
        term_codes text[] not null check (cardinality(term_codes) between 1 and 6),
        created_at timestamptz not null default now(),
        created_by text not null,
        unique (provider_service_id, taxonomy_id, term_codes)
      )`);
    this.addSql('create index service_index_taxonomy on service_index (taxonomy_id)');
    this.addSql('create index service_index_terms on service_index using gin (term_codes)');
    // TAX-9: an index's search document per language — its terms' documents (names, use
    // references, definitions) concatenated; rebuilt when the taxonomy publishes.
    this.addSql(`
      create table index_document (
        index_id uuid not null references service_index (index_id) on delete cascade,
        language text not null,
        document tsvector not null,
        primary key (index_id, language)
      )`);
    this.addSql('create index index_document_search on index_document using gin (document)');
    // tsvector || tsvector as an aggregate, for set-based document building.
    this.addSql(`
      create aggregate tsvector_agg (tsvector) (
        sfunc = tsvector_concat, stype = tsvector, initcond = ''
      )`);
  }
}

export const taxonomyIndexingMigration = {
  name: 'Migration20261123090100_taxonomy_indexing',
  class: TaxonomyIndexing,
};
