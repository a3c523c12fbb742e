/** TAX-8: an index of a provider service as the API shows it. */
export interface IndexView {
  indexId: string;
  providerServiceId: string;
  taxonomyId: string;
  termCodes: string[];
  /** The terms' names joined with " * " (TAX-8). */
  compoundName: string;
  createdAt: string;
  createdBy: string;
}
