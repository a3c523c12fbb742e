/**
 * PRV-3: the rules of a provider's service centre (a location of non-placement services) over its
 * active period. Pure; dates are calendar dates (YYYY-MM-DD), the last day inclusive.
 */
export interface CentrePeriod {
  from: string;
  /** Last day of service; null while the centre is open-ended. */
  to?: string | null;
}

export type CentreRefusal =
  /** 409 naming PRV-3: the centre's state forbids the change. */
  | { kind: 'state'; message: string }
  /** 400: the date asked for is wrong for this centre. */
  | { kind: 'field'; field: string; message: string };

/** PRV-3: a centre is closed once it has a last day of service; closing it twice is refused. */
export function refuseClose(centre: CentrePeriod, to: string): CentreRefusal | null {
  if (centre.to) {
    return {
      kind: 'state',
      message: `PRV-3: the service centre is already closed (last day ${centre.to})`,
    };
  }
  if (to < centre.from) {
    return {
      kind: 'field',
      field: 'to',
      message: `must not be before the centre's first day (${centre.from})`,
    };
  }
  return null;
}

/** PRV-3: a closed centre is history: its details are no longer changed. */
export function refuseUpdate(centre: CentrePeriod): CentreRefusal | null {
  return !centre.to
    ? null
    : {
        kind: 'state',
        message: `PRV-3: a closed service centre (last day ${centre.to}) cannot be changed`,
      };
}
