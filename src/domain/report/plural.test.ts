import { describe, expect, it } from 'vitest';
import { agree, counted } from './plural';

describe('English counts', () => {
  it('agree with their number', () => {
    expect([counted(1, 'indicator'), counted(0, 'indicator'), counted(5, 'indicator'), counted(2, 'box', 'boxes')]).toEqual(['1 indicator', '0 indicators', '5 indicators', '2 boxes']);
    expect([agree(1, 'lags', 'lag'), agree(2, 'lags', 'lag')]).toEqual(['lags', 'lag']);
  });
});
