import { Migration } from '@platform/persistence';

/**
 * PRV-10 (ADR 0020): an allocation the placements service could not carry out (no free place, a
 * suspended provider …) is told to the case worker as a notice about the waitlist entry, so the
 * notice subjects gain `waitlist-entry`.
 */
class PlacementsAllocation extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table notice drop constraint notice_subject_type_check');
    this.addSql(`
      alter table notice add constraint notice_subject_type_check
        check (subject_type in ('reservation', 'placement', 'waitlist-offer', 'waitlist-entry'))`);
  }
}

export const placementsAllocationMigration = {
  name: 'Migration20261123120200_placements_allocation',
  class: PlacementsAllocation,
};
