/** The body of `POST /providers` for a foster home, for end-to-end tests and benchmarks. */
export function fosterHomeEnrolment(name: string, street = '12 Hill Road') {
  return {
    name,
    addressLine1: street,
    city: 'Springfield',
    postalCode: '12345',
    preferredLanguage: 'en',
    preferredCommunication: 'email',
    paymentMethod: 'eft',
    physicalCapacity: 4,
    designatedCapacity: 3,
  };
}
