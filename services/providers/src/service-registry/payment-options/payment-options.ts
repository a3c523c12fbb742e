// SVC-3's unit payment lives in libs/kernel: finance decides payments with the same rule (FIN-8).
export {
  unitPayment,
  type AdjustmentReason,
  type PaymentOption,
  type UnitPayment,
} from '@platform/kernel';
