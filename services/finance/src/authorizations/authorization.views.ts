import type { AuthorizationStatus, LineItemStatus } from '../domain/authorization-units.js';

export interface PeriodView {
  from: string;
  to: string;
}

export interface CancellationView {
  cancelledAt: string;
  cancelledBy: string;
  reason: string;
}

/** FIN-1/FIN-2: a line item, with its units shared by every client of the authorization. */
export interface AuthorizationLineItemView {
  lineItemId: string;
  lineNumber: number;
  serviceProductId: string;
  /** null: any registered provider may deliver (FIN-1). */
  providerId: string | null;
  /** Units authorised; null: no unit limit. */
  units: number | null;
  unitsUsed: number;
  /** null when there is no unit limit. */
  unitsLeft: number | null;
  /** FIN-7 top-precedence rate, decimal string; null: the rate comes from elsewhere. */
  rate: string | null;
  nomineeId: string | null;
  period: PeriodView;
  status: LineItemStatus;
  cancellation: CancellationView | null;
}

export interface AuthorizationView {
  authorizationId: string;
  reference: string;
  case: { caseId: string; reference: string; status: string } | null;
  clients: { participantId: string; name: string }[];
  period: PeriodView;
  /** FIN-2, derived as of `asOf`. */
  status: AuthorizationStatus;
  asOf: string;
  lineItems: AuthorizationLineItemView[];
  createdAt: string;
  createdBy: string;
  cancellation: CancellationView | null;
}

export interface AuthorizationSummaryView {
  authorizationId: string;
  reference: string;
  caseId: string | null;
  clientIds: string[];
  period: PeriodView;
  /** FIN-2, derived as of `asOf` (computed in SQL, see authorization-status.sql.ts). */
  status: AuthorizationStatus;
  lineItemCount: number;
  createdAt: string;
  createdBy: string;
  cancelledAt: string | null;
}
