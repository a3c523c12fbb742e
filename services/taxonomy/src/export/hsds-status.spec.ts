import { describe, expect, it } from '@jest/globals';
import { hsdsServiceStatus } from './hsds-status.js';

describe('HSDS service status (PRV-1, PRV-6)', () => {
  it('PRV-6: only an approved service of an approved provider is active; a reopened one needs approval again', () => {
    expect(hsdsServiceStatus('approved', 'approved')).toBe('active');
    expect(hsdsServiceStatus('approved', 'reopened')).toBe('inactive');
    expect(hsdsServiceStatus('pending', 'approved')).toBe('inactive');
    expect(hsdsServiceStatus('approved', 'enrolled')).toBe('inactive');
  });

  it('PRV-1: suspension closes temporarily; ending or closing the provider makes it defunct', () => {
    expect(hsdsServiceStatus('suspended', 'approved')).toBe('temporarily closed');
    expect(hsdsServiceStatus('approved', 'suspended')).toBe('temporarily closed');
    expect(hsdsServiceStatus('ended', 'approved')).toBe('defunct');
    expect(hsdsServiceStatus('approved', 'closed')).toBe('defunct');
    expect(hsdsServiceStatus('suspended', 'rejected')).toBe('defunct');
  });
});
