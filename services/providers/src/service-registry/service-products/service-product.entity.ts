import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import {
  UNITS_OF_MEASURE,
  type ApprovalCriterion,
  type AttendanceTracking,
  type DeliveryConfiguration,
  type PaymentOptions,
} from '@platform/contracts';
import { auditProperties } from '../../shared/audit.js';
import { ServiceGroup } from '../service-groups/service-group.entity.js';

/**
 * SVC-1 … SVC-10: a service the agency buys for its clients, as the administrator registered it.
 * The nested configurations are typed JSON, validated by zod before they are stored.
 */
export const ServiceProduct = defineEntity({
  name: 'ServiceProduct',
  tableName: 'service_product',
  properties: {
    id: p.uuid().primary(),
    name: p.text(),
    unitOfMeasure: p.enum(UNITS_OF_MEASURE).fieldName('unit_of_measure'),
    serviceGroups: p
      .manyToMany(ServiceGroup)
      .owner()
      .pivotTable('service_product_group')
      .joinColumn('service_product_id')
      .inverseJoinColumn('service_group_id'),
    /** SVC-4: immutable after creation. */
    payBasedOnAttendance: p.boolean().fieldName('pay_based_on_attendance'),
    /** SVC-4: immutable after creation. */
    payBasedOnPlacement: p.boolean().fieldName('pay_based_on_placement'),
    preventAuthorizationFromPlacement: p
      .boolean()
      .fieldName('prevent_authorization_from_placement'),
    attendanceTracking: p.json<AttendanceTracking>().fieldName('attendance_tracking'),
    approvalCriteria: p.array<ApprovalCriterion>().fieldName('approval_criteria'),
    approvalCheckPercentage: p.smallint().fieldName('approval_check_percentage'),
    delivery: p.json<DeliveryConfiguration>(),
    mandatoryCourseCodes: p.array().fieldName('mandatory_course_codes'),
    paymentOptions: p.json<PaymentOptions>().fieldName('payment_options'),
    ...auditProperties,
  },
});

export type ServiceProductRecord = InferEntity<typeof ServiceProduct>;
