/** Kafka consumer groups (and inbox namespaces) of the services' event consumers. */
export const ConsumerGroups = {
  providersProcessStarters: 'providers.process-starters',
  /** Finance's local copies of providers' facts (issue 6 "Projections", ARCHITECTURE rule 1). */
  financeProjections: 'finance.projections',
  /** Placements' copies of providers' facts and waitlists (ADR 0020, ARCHITECTURE rule 1). */
  placementsProjections: 'placements.projections',
  /** The taxonomy service's copies of providers, their services and products (TAX-8, TAX-9). */
  taxonomyProjections: 'taxonomy.projections',
} as const;
