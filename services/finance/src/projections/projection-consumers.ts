import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  contractActivated,
  contractAmended,
  contractCancelled,
  contractTerminated,
  providerApproved,
  providerClosed,
  providerEnrolled,
  providerPaymentDirectionChanged,
  providerRejected,
  providerReopened,
  providerServiceAdded,
  providerServiceApproved,
  providerServiceEnded,
  providerServicePaymentOptionsChanged,
  providerServiceRateChanged,
  providerServiceSuspended,
  providerServiceUpdated,
  providerSuspended,
  serviceProductCreated,
  serviceProductPaymentOptionsChanged,
  serviceProductRateChanged,
  serviceProductUpdated,
  type EventData,
  type EventDefinition,
  type EventEnvelope,
} from '@platform/contracts';
import { OnEvent, type InboxContext } from '@platform/messaging';
import {
  projectContractActivated,
  projectContractAmended,
  projectContractCancelled,
  projectContractTerminated,
} from './contracts.projection.js';
import { projectPaymentDirection } from './payment-direction.projection.js';
import { ProviderGroupProjections } from './provider-groups.projection.js';
import { projectProviderStatus } from './provider-status.projection.js';
import {
  projectProviderServiceApproved,
  projectProviderServiceEnded,
  projectProviderServicePaymentOptions,
  projectProviderServiceRate,
  projectProviderServiceSnapshot,
  projectProviderServiceSuspended,
} from './provider-services.projection.js';
import {
  projectServiceProduct,
  projectServiceProductPaymentOptions,
  projectServiceProductRate,
} from './service-products.projection.js';

type Envelope<D extends EventDefinition> = EventEnvelope<EventData<D>>;

/**
 * The providers service's facts finance keeps a copy of (issue 6 "Projections"). Each handler runs
 * in the inbox transaction of its event (ARCHITECTURE rule 2): a redelivery is dropped by the
 * inbox, and a replay into an empty database builds the same rows (ADR 0018).
 */
@Controller()
export class ProviderProjections {
  @OnEvent(providerEnrolled)
  enrolled(@Payload() e: Envelope<typeof providerEnrolled>, @Ctx() c: InboxContext) {
    return projectProviderStatus(c.em, e);
  }

  @OnEvent(providerApproved)
  approved(@Payload() e: Envelope<typeof providerApproved>, @Ctx() c: InboxContext) {
    return projectProviderStatus(c.em, e);
  }

  @OnEvent(providerRejected)
  rejected(@Payload() e: Envelope<typeof providerRejected>, @Ctx() c: InboxContext) {
    return projectProviderStatus(c.em, e);
  }

  @OnEvent(providerSuspended)
  suspended(@Payload() e: Envelope<typeof providerSuspended>, @Ctx() c: InboxContext) {
    return projectProviderStatus(c.em, e);
  }

  @OnEvent(providerClosed)
  closed(@Payload() e: Envelope<typeof providerClosed>, @Ctx() c: InboxContext) {
    return projectProviderStatus(c.em, e);
  }

  @OnEvent(providerReopened)
  reopened(@Payload() e: Envelope<typeof providerReopened>, @Ctx() c: InboxContext) {
    return projectProviderStatus(c.em, e);
  }

  @OnEvent(providerPaymentDirectionChanged)
  paymentDirection(
    @Payload() e: Envelope<typeof providerPaymentDirectionChanged>,
    @Ctx() c: InboxContext,
  ) {
    return projectPaymentDirection(c.em, e);
  }
}

/** PRV-6 / PRV-7: provider services, keyed by provider on `providers.provider`. */
@Controller()
export class ProviderServiceProjections {
  @OnEvent(providerServiceAdded)
  added(@Payload() e: Envelope<typeof providerServiceAdded>, @Ctx() c: InboxContext) {
    return projectProviderServiceSnapshot(c.em, e);
  }

  @OnEvent(providerServiceUpdated)
  updated(@Payload() e: Envelope<typeof providerServiceUpdated>, @Ctx() c: InboxContext) {
    return projectProviderServiceSnapshot(c.em, e);
  }

  @OnEvent(providerServiceApproved)
  approved(@Payload() e: Envelope<typeof providerServiceApproved>, @Ctx() c: InboxContext) {
    return projectProviderServiceApproved(c.em, e);
  }

  @OnEvent(providerServiceSuspended)
  suspended(@Payload() e: Envelope<typeof providerServiceSuspended>, @Ctx() c: InboxContext) {
    return projectProviderServiceSuspended(c.em, e);
  }

  @OnEvent(providerServiceEnded)
  ended(@Payload() e: Envelope<typeof providerServiceEnded>, @Ctx() c: InboxContext) {
    return projectProviderServiceEnded(c.em, e);
  }

  @OnEvent(providerServiceRateChanged)
  rate(@Payload() e: Envelope<typeof providerServiceRateChanged>, @Ctx() c: InboxContext) {
    return projectProviderServiceRate(c.em, e);
  }

  @OnEvent(providerServicePaymentOptionsChanged)
  paymentOptions(
    @Payload() e: Envelope<typeof providerServicePaymentOptionsChanged>,
    @Ctx() c: InboxContext,
  ) {
    return projectProviderServicePaymentOptions(c.em, e);
  }
}

/** SVC-1…SVC-4: the registry's products, keyed by product on `providers.service-product`. */
@Controller()
export class ServiceProductProjections {
  @OnEvent(serviceProductCreated)
  created(@Payload() e: Envelope<typeof serviceProductCreated>, @Ctx() c: InboxContext) {
    return projectServiceProduct(c.em, e);
  }

  @OnEvent(serviceProductUpdated)
  updated(@Payload() e: Envelope<typeof serviceProductUpdated>, @Ctx() c: InboxContext) {
    return projectServiceProduct(c.em, e);
  }

  @OnEvent(serviceProductRateChanged)
  rate(@Payload() e: Envelope<typeof serviceProductRateChanged>, @Ctx() c: InboxContext) {
    return projectServiceProductRate(c.em, e);
  }

  @OnEvent(serviceProductPaymentOptionsChanged)
  paymentOptions(
    @Payload() e: Envelope<typeof serviceProductPaymentOptionsChanged>,
    @Ctx() c: InboxContext,
  ) {
    return projectServiceProductPaymentOptions(c.em, e);
  }
}

/** CTR-3…CTR-7: contract versions, keyed by version on `providers.contract`. */
@Controller()
export class ContractProjections {
  @OnEvent(contractActivated)
  activated(@Payload() e: Envelope<typeof contractActivated>, @Ctx() c: InboxContext) {
    return projectContractActivated(c.em, e);
  }

  @OnEvent(contractAmended)
  amended(@Payload() e: Envelope<typeof contractAmended>, @Ctx() c: InboxContext) {
    return projectContractAmended(c.em, e);
  }

  @OnEvent(contractTerminated)
  terminated(@Payload() e: Envelope<typeof contractTerminated>, @Ctx() c: InboxContext) {
    return projectContractTerminated(c.em, e);
  }

  @OnEvent(contractCancelled)
  cancelled(@Payload() e: Envelope<typeof contractCancelled>, @Ctx() c: InboxContext) {
    return projectContractCancelled(c.em, e);
  }
}

export const PROJECTION_CONSUMERS = [
  ProviderProjections,
  ProviderGroupProjections,
  ProviderServiceProjections,
  ServiceProductProjections,
  ContractProjections,
];
