import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom search attributes every workflow may set so operators can find processes in the Temporal
 * UI (ARCHITECTURE rule 7). The dev server registers the same names from search-attributes.json;
 * a unit test keeps the two in step.
 */
export const SearchAttributes = {
  providerId: defineSearchAttributeKey('ProviderId', SearchAttributeType.KEYWORD),
  inquiryId: defineSearchAttributeKey('InquiryId', SearchAttributeType.KEYWORD),
  homeStudyId: defineSearchAttributeKey('HomeStudyId', SearchAttributeType.KEYWORD),
  licenceId: defineSearchAttributeKey('LicenceId', SearchAttributeType.KEYWORD),
  businessStatus: defineSearchAttributeKey('BusinessStatus', SearchAttributeType.KEYWORD),
  workQueue: defineSearchAttributeKey('WorkQueue', SearchAttributeType.KEYWORD),
  assignee: defineSearchAttributeKey('Assignee', SearchAttributeType.KEYWORD),
  /** WF-3 */
  contractId: defineSearchAttributeKey('ContractId', SearchAttributeType.KEYWORD),
  contractStatus: defineSearchAttributeKey('ContractStatus', SearchAttributeType.KEYWORD),
  awaitingSignatureSince: defineSearchAttributeKey(
    'AwaitingSignatureSince',
    SearchAttributeType.DATETIME,
  ),
  /**
   * WF-4. The line item needs no attribute of its own: the workflow id names it
   * (`invoice-exception/<lineItemId>`), and the dev server allows at most 10 Keyword attributes.
   */
  invoiceId: defineSearchAttributeKey('InvoiceId', SearchAttributeType.KEYWORD),
} as const;
