/** TAX-9: a provider service search found, with the indexes that matched. */
export interface SearchHitView {
  providerServiceId: string;
  providerId: string;
  providerName: string | null;
  /** The product the service delivers, its public name. */
  productName: string | null;
  category: { code: string; name: string | null } | null;
  /** The provider's open service centres, as "address, city, region postal code". */
  locations: string[];
  /** The matching indexes' compound names (TAX-8), best first, in the requested language. */
  matchedIndexes: string[];
  /** ts_rank of the best-matching index (0 when browsing by term without words). */
  rank: number;
}
