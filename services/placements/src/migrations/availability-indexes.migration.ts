import { Migration } from '@platform/persistence';

/**
 * Availability at volume (issue 7: 100 facilities × 1,000 places): loadFacilityFacts reads a
 * facility's occupancies plus its provider's occupancies under a contract or provider service
 * (PLC-8). Placements have (provider_id, state) for that second half; reservations had only
 * (facility_id, state), so the `or provider_id = ?` branch scanned every reservation.
 */
class AvailabilityIndexes extends Migration {
  override async up(): Promise<void> {
    this.addSql('create index reservation_provider on reservation (provider_id, state)');
  }
}

export const placementsAvailabilityIndexesMigration = {
  name: 'Migration20261123120350_placements_availability_indexes',
  class: AvailabilityIndexes,
};
