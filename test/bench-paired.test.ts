import { describe, expect, it } from 'vitest';
import { measurePaired } from '../bench/lib/paired.js';

describe('the bench’s alternating rounds', () => {
  it('alternates mock and ceiling and compares the best round of each', async () => {
    const order: string[] = [];
    const mock = [900, 1200, 1000];
    const ceiling = [3000, 2000, 2500];
    const row = await measurePaired(
      3,
      async () => (order.push('mock'), mock.shift()!),
      async () => (order.push('ceiling'), ceiling.shift()!),
    );
    expect(order).toEqual(['mock', 'ceiling', 'mock', 'ceiling', 'mock', 'ceiling']);
    expect(row).toEqual({
      mock: [900, 1200, 1000],
      ceiling: [3000, 2000, 2500],
      bestMock: 1200,
      bestCeiling: 3000,
      share: 0.4,
    });
  });
});
