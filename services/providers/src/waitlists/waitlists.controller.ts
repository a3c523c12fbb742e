import { Controller, Get, Headers, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor, Role } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { ValidBody, ValidQuery, ZodValidationPipe, type Page } from '@platform/http';
import type { CalendarDate } from '@platform/kernel';
import { todayDate } from '../shared/today.js';
import { idParam } from '../shared/common.schemas.js';
import { PROVIDER_RECORD_MANAGERS, PROVIDER_RECORD_READERS } from '../shared/roles.js';
import type { WaitlistEntryView } from './waitlist-entry.views.js';
import {
  addWaitlistEntryBody,
  addWaitlistEntryExample,
  allocateWaitlistEntryBody,
  expireWaitlistEntriesBody,
  listProviderWaitlistEntriesQuery,
  listWaitlistEntriesQuery,
  moveWaitlistEntryBody,
  removeWaitlistEntryBody,
  updateWaitlistEntryBody,
  type AddWaitlistEntryBody,
  type AllocateWaitlistEntryBody,
  type ExpireWaitlistEntriesBody,
  type ListProviderWaitlistEntriesQuery,
  type ListWaitlistEntriesQuery,
  type MoveWaitlistEntryBody,
  type RemoveWaitlistEntryBody,
  type UpdateWaitlistEntryBody,
} from './waitlist.schemas.js';
import { WaitlistsService } from './waitlists.service.js';

const idPipe = new ZodValidationPipe(idParam, 'path');
/**
 * ROLE: case workers put clients on waitlists and manage their entries; resource managers, their
 * supervisors and facility managers (who manage providers and placements) may too.
 */
const WAITLIST_MANAGERS: Role[] = ['case-worker', ...PROVIDER_RECORD_MANAGERS];

@ApiTags('waitlists')
@Controller('waitlist-entries')
export class WaitlistEntriesController {
  constructor(@Inject(WaitlistsService) private readonly waitlists: WaitlistsService) {}

  @Post()
  @HttpCode(201)
  @RequireRoles(...WAITLIST_MANAGERS)
  @ApiOperation({
    summary: "Put a client on a provider's or provider service's waitlist (PRV-10)",
    description:
      'The client goes to the end: with 10 entries waiting the new one gets position 11. No ' +
      '`providerServiceId`: the provider-level list. `placement` follows the provider ' +
      "service's product (unit of measure place) and defaults to false on the provider-level " +
      'list. Without `reviewDate` the review date is WAITLIST_REVIEW_DAYS_BEFORE_EXPIRY days ' +
      'before `expiryDate` (not before today). A client waits on a list once (409 PRV-10).',
  })
  add(
    @ValidBody(addWaitlistEntryBody, addWaitlistEntryExample) body: AddWaitlistEntryBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<WaitlistEntryView> {
    return this.waitlists.add(body, actor, todayDate(), correlationId);
  }

  @Get()
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({
    summary:
      'Search waitlist entries by client, status, priority, provider, provider service and review due (PRV-10)',
    description:
      'Grouped by provider and list, in position order (entries no longer waiting last). ' +
      '`reviewDueBy`: waiting entries whose review date is on or before that day. A ' +
      "provider's token sees only its own waitlists.",
  })
  list(
    @ValidQuery(listWaitlistEntriesQuery) query: ListWaitlistEntriesQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<WaitlistEntryView>> {
    return this.waitlists.list(query, actor);
  }

  @Post('expiry-runs')
  @HttpCode(200)
  @RequireRoles(...WAITLIST_MANAGERS)
  @ApiOperation({
    summary: 'Expire the waiting entries past their expiry date (PRV-10); idempotent',
    description:
      'Every waiting entry whose expiry date is before `onDate` (default today; never a future ' +
      'day) becomes expired and leaves its list. Running it again changes nothing. The ' +
      'scheduled process calls the same logic as the expireWaitlistEntries activity.',
  })
  expire(
    @ValidBody(expireWaitlistEntriesBody, { onDate: '2026-07-01' })
    body: ExpireWaitlistEntriesBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<{ onDate: CalendarDate; expiredEntryIds: string[] }> {
    const today = todayDate();
    return this.waitlists.expire(body.onDate ?? today, actor, today, correlationId);
  }

  @Get(':entryId')
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({ summary: 'One waitlist entry (PRV-10)' })
  get(
    @Param('entryId', idPipe) entryId: string,
    @CurrentActor() actor: Actor,
  ): Promise<WaitlistEntryView> {
    return this.waitlists.get(entryId, actor);
  }

  @Patch(':entryId')
  @RequireRoles(...WAITLIST_MANAGERS)
  @ApiOperation({
    summary: 'Change priority, expiry date, review date or notes of a waiting entry (PRV-10)',
    description:
      'Move by priority: raising the priority moves the entry up past the entries directly ' +
      'ahead of it with a lower priority; lowering it moves it down past the entries directly ' +
      'behind it with a higher one; it stops at an entry of equal priority (first come, first ' +
      'served within a priority) and nobody else changes order. A computed review date follows ' +
      'a new expiry date; `reviewDate: null` goes back to the computed one.',
  })
  update(
    @Param('entryId', idPipe) entryId: string,
    @ValidBody(updateWaitlistEntryBody, { priority: 'high' }) body: UpdateWaitlistEntryBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<WaitlistEntryView> {
    return this.waitlists.update(entryId, body, actor, todayDate(), correlationId);
  }

  @Post(':entryId/move')
  @HttpCode(200)
  @RequireRoles(...WAITLIST_MANAGERS)
  @ApiOperation({
    summary: 'Move a waiting entry up, down or to a position (PRV-10)',
    description:
      'Give `direction` (up | down) or `position` (1..N). The entries in between shift by one; ' +
      'positions stay 1..N. The first cannot move up nor the last down (409 PRV-10).',
  })
  move(
    @Param('entryId', idPipe) entryId: string,
    @ValidBody(moveWaitlistEntryBody, { direction: 'up' }) body: MoveWaitlistEntryBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<WaitlistEntryView> {
    return this.waitlists.move(entryId, body, actor, correlationId);
  }

  @Post(':entryId/allocate')
  @HttpCode(200)
  @RequireRoles(...WAITLIST_MANAGERS)
  @ApiOperation({
    summary: 'Allocate a place to a waiting client: a reservation or a placement (PRV-10)',
    description:
      'Only entries waiting for a placement. `from` after today → a reservation; today ' +
      '(default) → a placement; in the past → 400. The entry becomes allocated and leaves the ' +
      'queue; waitlist-entry.allocated carries what the placements service needs.',
  })
  allocate(
    @Param('entryId', idPipe) entryId: string,
    @ValidBody(allocateWaitlistEntryBody, { from: '2026-04-01', to: '2026-09-30' })
    body: AllocateWaitlistEntryBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<WaitlistEntryView> {
    return this.waitlists.allocate(entryId, body, actor, todayDate(), correlationId);
  }

  @Post(':entryId/remove')
  @HttpCode(200)
  @RequireRoles(...WAITLIST_MANAGERS)
  @ApiOperation({
    summary: 'Take a waiting client off the waitlist, with a reason (PRV-10)',
    description: 'The entries behind it move up one.',
  })
  remove(
    @Param('entryId', idPipe) entryId: string,
    @ValidBody(removeWaitlistEntryBody, { reason: 'Client no longer needs the service' })
    body: RemoveWaitlistEntryBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<WaitlistEntryView> {
    return this.waitlists.remove(entryId, body, actor, todayDate(), correlationId);
  }
}

@ApiTags('waitlists')
@Controller('providers/:providerId/waitlist-entries')
export class ProviderWaitlistEntriesController {
  constructor(@Inject(WaitlistsService) private readonly waitlists: WaitlistsService) {}

  @Get()
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({
    summary: "The provider's waitlists: its own and its provider services' (PRV-10, SS-3)",
    description: 'Same filters as /waitlist-entries; a provider reads its own.',
  })
  list(
    @Param('providerId', idPipe) providerId: string,
    @ValidQuery(listProviderWaitlistEntriesQuery) query: ListProviderWaitlistEntriesQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<WaitlistEntryView>> {
    return this.waitlists.listOfProvider(providerId, query, actor);
  }
}

/** The waitlists' HTTP API (PRV-10), registered in the providers module. */
export const WAITLIST_CONTROLLERS = [WaitlistEntriesController, ProviderWaitlistEntriesController];
export const WAITLIST_SERVICES = [WaitlistsService];
