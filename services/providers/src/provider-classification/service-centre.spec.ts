import { describe, expect, it } from '@jest/globals';
import { refuseClose, refuseUpdate } from './service-centre.js';

const open = { from: '2026-01-10', to: null };
const closed = { from: '2026-01-10', to: '2026-06-30' };

describe('service centres (PRV-3)', () => {
  it('PRV-3: an open centre closes on its first day or later', () => {
    expect(refuseClose(open, '2026-01-10')).toBeNull();
    expect(refuseClose(open, '2027-01-01')).toBeNull();
  });

  it('PRV-3: a centre cannot close before it opened, naming the field', () => {
    expect(refuseClose(open, '2026-01-09')).toMatchObject({ kind: 'field', field: 'to' });
  });

  it('PRV-3: a closed centre cannot be closed again nor changed', () => {
    expect(refuseClose(closed, '2026-07-01')).toMatchObject({ kind: 'state' });
    expect(refuseUpdate(closed)).toMatchObject({ kind: 'state' });
    expect(refuseUpdate(open)).toBeNull();
  });
});
