import {
  attendanceTracking,
  deliveryConfiguration,
  paymentOptions,
  type ServiceProductSnapshot,
} from '@platform/contracts';
import { auditView } from '../../shared/audit.js';
import { paymentChannels } from './pay-by.js';
import type { ServiceProductRecord } from './service-product.entity.js';

/**
 * The product as events carry it (SVC-1 … SVC-10). The JSON configurations are read back through
 * their contract schemas, which also puts their keys in a stable order (jsonb does not keep it).
 */
export function snapshotOf(product: ServiceProductRecord): ServiceProductSnapshot {
  return {
    productId: product.id,
    name: product.name,
    unitOfMeasure: product.unitOfMeasure,
    serviceGroupIds: product.serviceGroups
      .getItems()
      .map((group) => group.id)
      .sort(),
    payBasedOnAttendance: product.payBasedOnAttendance,
    payBasedOnPlacement: product.payBasedOnPlacement,
    paymentChannels: paymentChannels(product),
    preventAuthorizationFromPlacement: product.preventAuthorizationFromPlacement,
    attendanceTracking: attendanceTracking.parse(product.attendanceTracking),
    approvalCriteria: [...product.approvalCriteria],
    approvalCheckPercentage: product.approvalCheckPercentage,
    delivery: deliveryConfiguration.parse(product.delivery),
    mandatoryCourseCodes: [...product.mandatoryCourseCodes],
    paymentOptions: paymentOptions.parse(product.paymentOptions),
  };
}

export type ServiceProductView = ReturnType<typeof serviceProductView>;

/** The product as the API shows it: the snapshot with its id and audit fields. */
export function serviceProductView(product: ServiceProductRecord) {
  const { productId, ...configuration } = snapshotOf(product);
  return { id: productId, ...configuration, ...auditView(product) };
}
