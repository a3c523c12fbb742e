import { Migration } from '@platform/persistence';

/**
 * TAX-9 at scale (bench/taxonomy-search.mjs): a keyword search matching thousands of indexes spent
 * most of its time joining every match to service_index, provider_service and provider to find the
 * service and decide the directory scope, not ranking. Each search document now carries its
 * index's provider service and taxonomy (both fixed for an index's life) and whether a directory
 * offers that service, so search reads index_document alone.
 *
 * `offered` follows the projections through triggers, whatever writes them (projection handlers,
 * the bench's SQL load): a service's status or provider changes it for that service's documents,
 * a provider's status for all its services' documents. The rule itself is one SQL function, which
 * search (directory-scope.ts) and the triggers share.
 */
class SearchScope extends Migration {
  override async up(): Promise<void> {
    // TAX-9 / PRV-1 / PRV-6: an approved service of an approved provider (a reopened provider needs
    // approval again); a service whose provider is not known yet (null) is not offered.
    this.addSql(`
      create function offered_in_directory(service_status text, provider_status text)
        returns boolean language sql immutable parallel safe as $$
        select coalesce(service_status = 'approved' and provider_status = 'approved', false)
      $$`);
    this.addSql(`
      alter table index_document
        add column provider_service_id uuid null,
        add column taxonomy_id uuid null,
        add column offered boolean not null default false`);
    this.addSql(`
      update index_document d
         set provider_service_id = i.provider_service_id, taxonomy_id = i.taxonomy_id,
             offered = offered_in_directory(ps.status, p.status)
        from service_index i
        left join provider_service ps on ps.provider_service_id = i.provider_service_id
        left join provider p on p.provider_id = ps.provider_id
       where i.index_id = d.index_id`);
    this.addSql(`
      alter table index_document
        alter column provider_service_id set not null,
        alter column taxonomy_id set not null`);
    this.addSql('create index index_document_service on index_document (provider_service_id)');
    this.addSql(`
      create function provider_service_offered() returns trigger language plpgsql as $$
        declare
          now_offered boolean := offered_in_directory(
            new.status, (select p.status from provider p where p.provider_id = new.provider_id));
        begin
          update index_document d set offered = now_offered
           where d.provider_service_id = new.provider_service_id and d.offered <> now_offered;
          return null;
        end
      $$`);
    this.addSql(`
      create trigger provider_service_offered after insert or update of status, provider_id
        on provider_service for each row execute function provider_service_offered()`);
    this.addSql(`
      create function provider_offered() returns trigger language plpgsql as $$
        begin
          update index_document d set offered = offered_in_directory(ps.status, new.status)
            from provider_service ps
           where ps.provider_id = new.provider_id
             and d.provider_service_id = ps.provider_service_id
             and d.offered <> offered_in_directory(ps.status, new.status);
          return null;
        end
      $$`);
    this.addSql(`
      create trigger provider_offered after insert or update of status
        on provider for each row execute function provider_offered()`);
  }
}

export const searchScopeMigration = {
  name: 'Migration20261123101000_search_scope',
  class: SearchScope,
};
