import { Controller, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { idPipe, ValidBody, ValidQuery, type Page } from '@platform/http';
import { PLACEMENT_MAKERS, PLACEMENT_READERS } from '../shared/roles.js';
import { ReservationConfirmationService } from './reservation-confirmation.service.js';
import type { ReservationRecord } from './reservation-records.js';
import {
  cancelReservationBody,
  cancelReservationExample,
  confirmReservationBody,
  confirmReservationExample,
  createReservationBody,
  createReservationExample,
  listReservationsQuery,
  updateReservationBody,
  updateReservationExample,
  type CancelReservationBody,
  type ConfirmReservationBody,
  type CreateReservationBody,
  type ListReservationsQuery,
  type UpdateReservationBody,
} from './reservation.schemas.js';
import { ReservationsService } from './reservations.service.js';

/** PLC-4: reservations of a place (or only a provider) for a future period, until confirmed. */
@ApiTags('reservations')
@Controller('reservations')
export class ReservationsController {
  constructor(
    @Inject(ReservationsService) private readonly reservations: ReservationsService,
    @Inject(ReservationConfirmationService)
    private readonly confirmation: ReservationConfirmationService,
  ) {}

  @Post()
  @HttpCode(201)
  @RequireRoles(...PLACEMENT_MAKERS)
  @ApiOperation({
    summary: 'Reserve a place (or only a provider) for a client for a future period (PLC-4)',
    description:
      'Starts after today (422 naming PLC-4 and `from`). A conflict — the same client reserved ' +
      'for an overlapping period anywhere, or the place reserved for another client — is 409 ' +
      'listing every conflict (`conflicts`: reservationId and reason) unless all are in ' +
      '`confirmCancellationOf`; those are then cancelled with this creation. A named place must ' +
      'be free and suit the client (409 with each reason). Expires on `expiresOn` unless ' +
      'confirmed: its end, or `from` + grace-period days, whichever comes first.',
  })
  create(
    @ValidBody(createReservationBody, createReservationExample) body: CreateReservationBody,
    @CurrentActor() actor: Actor,
  ): Promise<ReservationRecord> {
    return this.reservations.create(body, actor);
  }

  @Get()
  @RequireRoles(...PLACEMENT_READERS)
  @ApiOperation({ summary: 'Reservations by provider, facility, client, state and day, paged' })
  list(
    @ValidQuery(listReservationsQuery) query: ListReservationsQuery,
  ): Promise<Page<ReservationRecord>> {
    return this.reservations.list(query);
  }

  @Get(':id')
  @RequireRoles(...PLACEMENT_READERS)
  @ApiOperation({ summary: 'One reservation' })
  get(@Param('id', idPipe) id: string): Promise<ReservationRecord> {
    return this.reservations.get(id);
  }

  @Patch(':id')
  @RequireRoles(...PLACEMENT_MAKERS)
  @ApiOperation({
    summary: 'Move an active reservation or change its place (PLC-4)',
    description:
      'Still future-only (422 naming `from`); conflicts and the place are checked again (409); ' +
      'expiresOn is recomputed and the expiry timer re-armed. The creating case worker is ' +
      'notified when someone else changes it.',
  })
  update(
    @Param('id', idPipe) id: string,
    @ValidBody(updateReservationBody, updateReservationExample) body: UpdateReservationBody,
    @CurrentActor() actor: Actor,
  ): Promise<ReservationRecord> {
    return this.reservations.update(id, body, actor);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RequireRoles(...PLACEMENT_MAKERS)
  @ApiOperation({
    summary: 'Cancel an active reservation with a reason (PLC-4)',
    description: 'Only an active reservation (409 naming PLC-4); its expiry timer ends.',
  })
  cancel(
    @Param('id', idPipe) id: string,
    @ValidBody(cancelReservationBody, cancelReservationExample) body: CancelReservationBody,
    @CurrentActor() actor: Actor,
  ): Promise<ReservationRecord> {
    return this.reservations.cancel(id, body, actor);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @RequireRoles(...PLACEMENT_MAKERS)
  @ApiOperation({
    summary: 'The client arrived: confirm the reservation into a placement (PLC-4)',
    description:
      'The placement starts on `from` (default today; never earlier) and ends on `to` (default ' +
      "the reservation's end), in `placeId`, else the reserved place, else the first free " +
      'suitable place, else a new emergency place in the top-level compartment (PLC-6). A ' +
      'named place that is not free is 409 with each reason; an expired, cancelled or confirmed ' +
      'reservation is 409 naming PLC-4. Returns the reservation with its `placementId`.',
  })
  confirm(
    @Param('id', idPipe) id: string,
    @ValidBody(confirmReservationBody, confirmReservationExample) body: ConfirmReservationBody,
    @CurrentActor() actor: Actor,
  ): Promise<ReservationRecord> {
    return this.confirmation.confirm(id, body, actor);
  }
}
