import { airsChildCode, airsCodePlace } from './airs-code.js';

describe('AIRS code grammar', () => {
  it.each([
    ['B', 1, null],
    ['BD', 2, 'B'],
    ['BD-1800', 3, 'BD'],
    ['BD-1800.2000', 4, 'BD-1800'],
    ['BD-1800.2000-620', 5, 'BD-1800.2000'],
    ['BD-1800.2000-620.05', 6, 'BD-1800.2000-620'],
  ])('TAX-1: %s is level %i under %s', (code, level, parentCode) => {
    expect(airsCodePlace(code)).toEqual({ level, parentCode });
  });

  it.each(['', 'b', 'BDX', 'BD-180', 'BD-1800.20', 'BD1800', 'BD-1800.2000-620.05.1', 'CUSTOM-1'])(
    'TAX-1: %j does not follow the grammar',
    (code) => {
      expect(airsCodePlace(code)).toBeNull();
    },
  );

  it('TAX-1: child codes follow the grammar down to the sixth level', () => {
    const codes = [airsChildCode(null, 'P')];
    for (const segment of ['H', 1400, 5000, 500, 5]) {
      codes.push(airsChildCode(codes[codes.length - 1] as string, segment));
    }
    expect(codes).toEqual([
      'P',
      'PH',
      'PH-1400',
      'PH-1400.5000',
      'PH-1400.5000-500',
      'PH-1400.5000-500.05',
    ]);
    expect(codes.map((code) => airsCodePlace(code)?.level)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(() => airsChildCode('PH-1400.5000-500.05', 1)).toThrow(/six levels/);
  });
});
