/** Kafka consumer groups (and inbox namespaces) of the services' event consumers. */
export const ConsumerGroups = {
  providersProcessStarters: 'providers.process-starters',
} as const;
