/**
 * TAX-9 / PRV-1 / PRV-6: what a directory offers — approved provider services of approved
 * providers. A pending, suspended or ended service, or one of an enrolled, rejected, suspended,
 * closed or reopened (to be approved again) provider, is kept (and stays indexed) but is neither found nor exported as
 * active. `ps` is provider_service, `p` provider. The rule is the SQL function of the search-scope
 * migration, whose triggers keep each search document's copy of it (`index_document.offered`).
 */
export const OFFERED_SERVICE = `offered_in_directory(ps.status, p.status)`;

/** PRV-3: a service centre delivering services today (closed ones deliver up to their `to`). */
export const OPEN_CENTRE = `(c.ends_on is null or c.ends_on >= current_date)`;

/** A centre's location text, as search filters on it and shows it. */
export const CENTRE_LOCATION = `concat_ws(', ', nullif(c.address_line1, ''), nullif(c.address_line2, ''),
  nullif(c.city, ''), nullif(concat_ws(' ', c.region, c.postal_code), ''))`;
