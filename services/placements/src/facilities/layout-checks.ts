import type { CalendarDate } from '@platform/kernel';
import { refuseIfAny } from '@platform/http';
import {
  checkFacilityLayout,
  type CharacteristicSettings,
  type Compartment,
  type CompartmentCharacteristics,
  type Facility,
  type Place,
} from '../domain/index.js';
import type { CharacteristicsInput } from './compartment.schemas.js';

/**
 * PLC-1: refuses a change that would leave the facility's layout unsound (a second root, a
 * cycle, more places than capacity, designated above physical), naming the field of the request
 * that caused it. Checked on the whole layout as it would be after the change, by the domain.
 */
export function refuseUnsoundLayout(
  facility: Facility,
  compartments: readonly Compartment[],
  places: readonly Place[],
  today: CalendarDate,
  field: (code: string) => string,
): void {
  const failures = checkFacilityLayout(facility, compartments, places, today);
  refuseIfAny(
    failures.map((failure) => ({
      rule: failure.rule,
      field: field(failure.code),
      message: failure.message,
    })),
  );
}

/**
 * PLC-2: the characteristics as stored — only the fields set, so an unset field is inherited
 * (the domain reads absent and null alike; keeping rows small keeps the layout quick to load).
 */
export function storedCharacteristics(input: CharacteristicsInput): CompartmentCharacteristics {
  return Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== null && value !== undefined),
  ) as CompartmentCharacteristics;
}

const GATED = [
  { setting: 'raceEnabled', fields: ['race', 'sameRaceOnly'], label: 'race' },
  { setting: 'religionEnabled', fields: ['religion', 'sameReligionOnly'], label: 'religion' },
] as const;

/**
 * PLC-2: race and religion are disabled until an administrator enables them. A compartment may
 * not ask for them meanwhile (422): storing a value that silently does nothing would mislead the
 * person who set it. `sameRaceOnly: false` asks nothing and is accepted. Values stored while
 * enabled stay when the switch goes off; matching then ignores them.
 */
export function refuseDisabledCharacteristics(
  characteristics: CompartmentCharacteristics,
  settings: CharacteristicSettings,
): void {
  const issues = GATED.flatMap(({ setting, fields, label }) =>
    settings[setting]
      ? []
      : fields
          .filter((field) => {
            const value = characteristics[field];
            return value !== undefined && value !== null && value !== false;
          })
          .map((field) => ({
            rule: 'PLC-2',
            field: `characteristics.${field}`,
            message: `${label} matching is disabled until an administrator enables it`,
          })),
  );
  refuseIfAny(issues);
}
