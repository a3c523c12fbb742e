/** Nest injection token of the taxonomy service's configuration. */
export const TAXONOMY_CONFIG = Symbol('TAXONOMY_CONFIG');
