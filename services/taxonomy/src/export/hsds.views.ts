/*
 * Open Referral HSDS 3.1 (https://docs.openreferral.org/en/latest/hsds/schema_reference.html):
 * the tables this export fills, field names as the schema spells them (snake_case).
 */

/** HSDS `organization`: a provider. */
export interface HsdsOrganization {
  id: string;
  name: string;
  description: string;
}

/** HSDS `service.status` (enum of the 3.1 schema). */
export type HsdsServiceStatus = 'active' | 'inactive' | 'defunct' | 'temporarily closed';

/** HSDS `service`: a provider service, named after the product it delivers. */
export interface HsdsService {
  id: string;
  organization_id: string;
  name: string;
  description: string | null;
  status: HsdsServiceStatus;
}

/** HSDS `taxonomy`: a taxonomy with its published version. */
export interface HsdsTaxonomy {
  id: string;
  name: string;
  description: string;
  uri: string | null;
  version: string;
}

/** HSDS `taxonomy_term`. */
export interface HsdsTaxonomyTerm {
  id: string;
  code: string;
  name: string;
  description: string;
  parent_id: string | null;
  taxonomy: string;
  taxonomy_id: string;
  language: string;
}

/** HSDS 3.x `attribute`: a term describing a service (replaces 2.0's service_taxonomy). */
export interface HsdsAttribute {
  id: string;
  link_id: string;
  link_type: string;
  link_entity: string;
  taxonomy_term_id: string;
  value: string | null;
  /** TAX-8: the compound index the term belongs to, e.g. "Youth Mentoring * At Risk Youth * Girls". */
  label: string;
}

/** HSDS 2.0 `service_taxonomy`, still read by older 211 systems. */
export interface HsdsServiceTaxonomy {
  id: string;
  service_id: string;
  taxonomy_term_id: string;
}

/** One page of the export: the page's services and everything they refer to. */
export interface HsdsExportPage {
  hsds_version: '3.1';
  total: number;
  limit: number;
  offset: number;
  organization: HsdsOrganization[];
  service: HsdsService[];
  taxonomy: HsdsTaxonomy[];
  taxonomy_term: HsdsTaxonomyTerm[];
  attribute: HsdsAttribute[];
  service_taxonomy: HsdsServiceTaxonomy[];
}
