import { z } from 'zod';

/** FIN-3: submit the whole invoice (every line item in draft) or the line items named. */
export const submitInvoiceBody = z
  .object({ lineItemIds: z.array(z.uuid('must be a UUID')).min(1).max(20_000).optional() })
  .strict()
  // No body at all submits the whole invoice.
  .default({});
export type SubmitInvoiceBody = z.infer<typeof submitInvoiceBody>;
