import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { inOneSnapshot } from '@platform/persistence';
import { compoundNamesIn } from '../search/search-details.js';
import { indexTerms, servicePage, usedTerms, type TermRow } from './hsds-reads.js';
import { hsdsServiceStatus } from './hsds-status.js';
import type { HsdsExportPage, HsdsTaxonomy } from './hsds.views.js';

export interface HsdsExportQuery {
  limit: number;
  offset: number;
  language?: string;
}

function taxonomyOf(term: TermRow): HsdsTaxonomy {
  return {
    id: term.taxonomyId,
    name: term.taxonomyName,
    description:
      term.taxonomyKind === 'airs'
        ? `AIRS/211 taxonomy of human services (${term.country})`
        : `Custom taxonomy (${term.country})`,
    uri: null,
    version: term.versionLabel,
  };
}

/**
 * Interoperability (issue 8): provider services with their taxonomy terms in Open Referral HSDS
 * 3.1 shape, a page of services at a time (50,000 services are 50 pages of 1,000), each page with
 * the organizations, taxonomies and terms (with ancestors) it refers to, read from one snapshot.
 */
@Injectable()
export class HsdsExportService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  page(query: HsdsExportQuery): Promise<HsdsExportPage> {
    return inOneSnapshot(this.orm.em.fork(), async (em) => {
      const services = await servicePage(em, query.limit, query.offset);
      const serviceIds = services.map((s) => s.providerServiceId);
      const links = serviceIds.length > 0 ? await indexTerms(em, serviceIds) : [];
      const terms = serviceIds.length > 0 ? await usedTerms(em, serviceIds, query.language) : [];
      const labels = await compoundNamesIn(
        em,
        [...new Set(links.map((l) => l.indexId))],
        query.language,
      );
      const organizations = new Map(
        services.map((s) => [
          s.providerId,
          {
            id: s.providerId,
            name: s.providerName ?? s.providerId,
            description: s.categoryName ?? '',
          },
        ]),
      );
      const taxonomies = new Map(terms.map((term) => [term.taxonomyId, taxonomyOf(term)]));
      return {
        hsds_version: '3.1',
        total: services[0]?.total ?? 0,
        limit: query.limit,
        offset: query.offset,
        organization: [...organizations.values()],
        service: services.map((s) => ({
          id: s.providerServiceId,
          organization_id: s.providerId,
          name: s.productName ?? s.providerServiceId,
          description: null,
          status: hsdsServiceStatus(s.serviceStatus, s.providerStatus),
        })),
        taxonomy: [...taxonomies.values()],
        taxonomy_term: terms.map((term) => ({
          id: term.id,
          code: term.code,
          name: term.name,
          description: term.description ?? '',
          parent_id: term.parentId,
          taxonomy: term.taxonomyName,
          taxonomy_id: term.taxonomyId,
          language: term.language,
        })),
        attribute: links.map((link) => ({
          id: link.attributeId,
          link_id: link.providerServiceId,
          link_type: 'service',
          link_entity: 'service',
          taxonomy_term_id: link.termId,
          value: null,
          label: labels.get(link.indexId) ?? '',
        })),
        service_taxonomy: links.map((link) => ({
          id: link.serviceTaxonomyId,
          service_id: link.providerServiceId,
          taxonomy_term_id: link.termId,
        })),
      };
    });
  }
}
