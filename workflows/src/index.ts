/** Every workflow type the platform worker registers. Workflow code only: no I/O, no Node APIs. */
export { inquiryTriage } from './inquiry-triage/workflow.js';
export { homeStudyApproval } from './home-study-approval/workflow.js';
export { licenceRenewal } from './licence-renewal/workflow.js';
export { contractApproval } from './contract-approval/workflow.js';
export { invoiceException } from './invoice-exception/workflow.js';
export { reservationExpiry } from './reservation-expiry/workflow.js';
export { waitlistOffer } from './waitlist-offer/workflow.js';
export { taxonomyReview } from './taxonomy-review/workflow.js';
