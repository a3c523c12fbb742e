/**
 * SS-3: where a provider's own records are, so a self-service portal needs nothing but its token.
 * Every link is a read the provider role may call for its own id (test/self-service.spec.ts follows
 * each one, so a moved endpoint fails there instead of leaving a dead link).
 */
export function selfServiceLinks(providerId: string): Record<string, string> {
  const own = `/providers/${providerId}`;
  return {
    provider: own,
    statusHistory: `${own}/status-history`,
    classification: `${own}/classification`,
    specialties: `${own}/specialties`,
    serviceCentres: `${own}/service-centres`,
    members: `${own}/members`,
    participants: `${own}/participants`,
    services: `${own}/services`,
    licences: `${own}/licences`,
    accreditations: `${own}/accreditations`,
    homeStudies: `${own}/home-studies`,
    trainings: `${own}/trainings`,
    waitlistEntries: `${own}/waitlist-entries`,
    serviceEnquiries: `${own}/service-enquiries`,
    incidents: `/incidents?providerId=${providerId}`,
    contracts: '/self-service/contracts',
  };
}
