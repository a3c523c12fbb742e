import type {
  ExpireReservationInput,
  ExpireReservationResult,
  PlacementsActivities,
} from '@platform/contracts';

type State = 'active' | 'confirmed' | 'cancelled' | 'expired';

/**
 * The placements service's PLC-4 expiry activity in memory: reservations a test adds, moves and
 * settles, decided as the real one does under its row lock (only an active, due reservation
 * expires; a retry finds it expired; a moved one is not due). Every call is recorded; the
 * placements service's own suites run the real activity on its database.
 */
export class InMemoryReservations implements Pick<PlacementsActivities, 'expireReservation'> {
  readonly calls: ExpireReservationInput[] = [];
  private readonly reservations = new Map<string, { state: State; expiresOn: string }>();

  add(reservationId: string, expiresOn: string): void {
    this.reservations.set(reservationId, { state: 'active', expiresOn });
  }

  /** A change the service made without telling the process (e.g. its signal was lost). */
  set(reservationId: string, change: Partial<{ state: State; expiresOn: string }>): void {
    Object.assign(this.reservation(reservationId), change);
  }

  stateOf(reservationId: string): State {
    return this.reservation(reservationId).state;
  }

  callsFor(reservationId: string): ExpireReservationInput[] {
    return this.calls.filter((call) => call.reservationId === reservationId);
  }

  async expireReservation(input: ExpireReservationInput): Promise<ExpireReservationResult> {
    this.calls.push(input);
    const reservation = this.reservation(input.reservationId);
    if (reservation.state === 'expired') return { outcome: 'already-expired' };
    if (reservation.state !== 'active') return { outcome: reservation.state };
    if (reservation.expiresOn > input.asOf) {
      return { outcome: 'not-due', expiresOn: reservation.expiresOn };
    }
    reservation.state = 'expired';
    return { outcome: 'expired' };
  }

  private reservation(reservationId: string) {
    const found = this.reservations.get(reservationId);
    if (!found) throw new Error(`no reservation ${reservationId}`);
    return found;
  }
}
