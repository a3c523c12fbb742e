// Public surface of the taxonomy service package (issue 8, ADR 0021): the service, the AIRS/211
// file format (parser, writer, synthetic generator) for tools and benchmarks.
export { startTaxonomyService } from './taxonomy.service-runtime.js';
export { loadTaxonomyConfig, type TaxonomyConfig } from './config.js';
export * from './airs/index.js';
