import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  contractActivated,
  contractAmended,
  contractCancelled,
  contractTerminated,
  PROVIDER_LIFECYCLE_EVENTS,
  providerServiceAdded,
  providerServiceApproved,
  providerServiceEnded,
  providerServiceSuspended,
  providerServiceUpdated,
  serviceProductCreated,
  serviceProductUpdated,
  waitlistEntryAdded,
  waitlistEntryAllocated,
  waitlistEntryExpired,
  waitlistEntryMoved,
  waitlistEntryRemoved,
  waitlistEntryUpdated,
  type EventData,
  type EventDefinition,
  type EventEnvelope,
} from '@platform/contracts';
import { eventConsumer, on, OnEvent, type InboxContext } from '@platform/messaging';
import { WaitlistAllocations } from '../allocation/waitlist-allocations.js';
import {
  projectContractActivated,
  projectContractAmended,
  projectContractCancelled,
  projectContractTerminated,
} from './contracts.projection.js';
import {
  projectProviderServiceApproved,
  projectProviderServiceEnded,
  projectProviderServiceSnapshot,
  projectProviderServiceSuspended,
} from './provider-services.projection.js';
import { projectProviderStatus } from './provider-status.projection.js';
import { projectServiceProduct } from './service-products.projection.js';
import {
  projectWaitlistEntryAdded,
  projectWaitlistEntryLeft,
  projectWaitlistEntryMoved,
  projectWaitlistEntryUpdated,
} from './waitlist-entries.projection.js';

type Envelope<D extends EventDefinition> = EventEnvelope<EventData<D>>;

/*
 * The providers service's facts placements keeps a copy of (ADR 0020, ARCHITECTURE rule 1). Each
 * handler runs in the inbox transaction of its event (rule 2): a redelivery is dropped by the
 * inbox, and a replay into an empty database builds the same rows.
 */

/** PRV-1: a suspended or closed provider takes no new reservations or placements. */
export const ProviderStatusProjections = eventConsumer(
  'ProviderStatusProjections',
  PROVIDER_LIFECYCLE_EVENTS.map((event) => on(event, projectProviderStatus)),
);

/** PRV-6 / PLC-8: provider services with their period, status and place limit. */
export const ProviderServiceProjections = eventConsumer('ProviderServiceProjections', [
  on(providerServiceAdded, projectProviderServiceSnapshot),
  on(providerServiceUpdated, projectProviderServiceSnapshot),
  on(providerServiceApproved, projectProviderServiceApproved),
  on(providerServiceSuspended, projectProviderServiceSuspended),
  on(providerServiceEnded, projectProviderServiceEnded),
]);

/** SVC-5: the registry's products. */
export const ServiceProductProjections = eventConsumer('ServiceProductProjections', [
  on(serviceProductCreated, projectServiceProduct),
  on(serviceProductUpdated, projectServiceProduct),
]);

/** PLC-8: contract versions with their place limits. */
export const ContractProjections = eventConsumer('ContractProjections', [
  on(contractActivated, projectContractActivated),
  on(contractAmended, projectContractAmended),
  on(contractTerminated, projectContractTerminated),
  on(contractCancelled, projectContractCancelled),
]);

/**
 * PRV-10: the placement waitlists in queue order, to offer a freed place to (ADR 0020). On
 * `waitlist-entry.allocated` the list is updated first, then the allocation area creates the
 * reservation or placement, in the same transaction and in that order (one handler per event).
 */
@Controller()
export class WaitlistProjections {
  constructor(@Inject(WaitlistAllocations) private readonly allocations: WaitlistAllocations) {}

  @OnEvent(waitlistEntryAdded)
  added(@Payload() e: Envelope<typeof waitlistEntryAdded>, @Ctx() c: InboxContext) {
    return projectWaitlistEntryAdded(c.em, e);
  }

  @OnEvent(waitlistEntryMoved)
  moved(@Payload() e: Envelope<typeof waitlistEntryMoved>, @Ctx() c: InboxContext) {
    return projectWaitlistEntryMoved(c.em, e);
  }

  @OnEvent(waitlistEntryUpdated)
  updated(@Payload() e: Envelope<typeof waitlistEntryUpdated>, @Ctx() c: InboxContext) {
    return projectWaitlistEntryUpdated(c.em, e);
  }

  @OnEvent(waitlistEntryAllocated)
  async allocated(@Payload() e: Envelope<typeof waitlistEntryAllocated>, @Ctx() c: InboxContext) {
    await projectWaitlistEntryLeft(c.em, e, 'allocated');
    await this.allocations.allocated(c.em, e);
  }

  @OnEvent(waitlistEntryExpired)
  expired(@Payload() e: Envelope<typeof waitlistEntryExpired>, @Ctx() c: InboxContext) {
    return projectWaitlistEntryLeft(c.em, e, 'expired');
  }

  @OnEvent(waitlistEntryRemoved)
  removed(@Payload() e: Envelope<typeof waitlistEntryRemoved>, @Ctx() c: InboxContext) {
    return projectWaitlistEntryLeft(c.em, e, 'removed');
  }
}

export const PROJECTION_CONSUMERS = [
  ProviderStatusProjections,
  ProviderServiceProjections,
  ServiceProductProjections,
  ContractProjections,
  WaitlistProjections,
];
