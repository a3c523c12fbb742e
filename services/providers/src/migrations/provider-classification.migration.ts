import { Migration } from '@platform/persistence';

const AUDIT_COLUMNS = `
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_by text not null,
  updated_at timestamptz not null default now()`;

/**
 * PRV-3: provider categories and their types, specialties, service centres — and the indexes of
 * provider search (`GET /providers`). Every list filter has an index here; `bench/provider-search.mjs`
 * measures them on 100,000 providers.
 */
class ProviderClassification extends Migration {
  override async up(): Promise<void> {
    // PRV-3: the provider's category and type (a sub-classification of the category).
    this.addSql(`
      alter table provider
        add column category_code text null,
        add column type_code text null,
        add constraint provider_type_needs_category check (type_code is null or category_code is not null)`);

    this.addSql(`
      create table provider_category (
        code text primary key,
        name text not null,
        active boolean not null default true,${AUDIT_COLUMNS}
      )`);
    this.addSql('create index provider_category_name on provider_category (lower(name))');
    this.addSql(`
      create table provider_type (
        category_code text not null references provider_category (code),
        code text not null,
        name text not null,${AUDIT_COLUMNS},
        primary key (category_code, code)
      )`);
    this.addSql(`
      create table specialty (
        code text primary key,
        name text not null,${AUDIT_COLUMNS}
      )`);
    this.addSql('create index specialty_name on specialty (lower(name))');
    this.addSql(`
      create table provider_specialty (
        provider_id uuid not null,
        specialty_code text not null references specialty (code),
        added_by text not null,
        added_at timestamptz not null default now(),
        primary key (provider_id, specialty_code)
      )`);
    // Search by specialty: from the code to its providers.
    this.addSql(
      'create index provider_specialty_by_code on provider_specialty (specialty_code, provider_id)',
    );
    this.addSql(`
      create table provider_service_centre (
        id uuid primary key,
        provider_id uuid not null,
        name text not null,
        address_line1 text null,
        address_line2 text null,
        city text null,
        region text null,
        postal_code text null,
        phone text null,
        from_date date not null,
        to_date date null,
        close_reason text null,${AUDIT_COLUMNS},
        constraint provider_service_centre_period check (to_date is null or to_date >= from_date)
      )`);
    this.addSql(
      'create index provider_service_centre_provider on provider_service_centre (provider_id, lower(name))',
    );

    // Provider search. Substring search ("contains", ILIKE '%x%') cannot use a b-tree; trigram GIN
    // indexes can (pg_trgm: a trusted extension, so the database owner may create it).
    this.addSql('create extension if not exists pg_trgm');
    this.addSql('create index provider_name_trgm on provider using gin (lower(name) gin_trgm_ops)');
    this.addSql('create index provider_city_trgm on provider using gin (lower(city) gin_trgm_ops)');
    // Category (and type within it), in list order, so a page needs no sort of every match.
    this.addSql(
      'create index provider_category_type on provider (category_code, type_code, name, id)',
    );
    // The unfiltered list and every page in list order.
    this.addSql('create index provider_list_order on provider (name, id)');
  }
}

export const providerClassificationMigration = {
  name: 'Migration20261122000900_provider_classification',
  class: ProviderClassification,
};

/**
 * Provider search by service (`serviceProductId`, PRV-6): the providers with a provider service for
 * a product that has not ended, answered from the index alone. A migration of its own because
 * `provider_service` is created by the provider-services migration, which runs after the one above.
 * (Its exclusion constraint's GiST index also serves this filter, at about twice the cost.)
 */
class ProviderSearchByService extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index provider_service_search on provider_service (service_product_id, provider_id)
         where status <> 'ended'`,
    );
  }
}

export const providerSearchByServiceMigration = {
  name: 'Migration20261122002800_provider_search_by_service',
  class: ProviderSearchByService,
};
