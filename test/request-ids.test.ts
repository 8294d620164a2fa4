import { describe, expect, it } from 'vitest';
import { RequestIds } from '../mock-server/domain/request-ids.js';

describe('request ids', () => {
  it('look like SevenRooms request ids: epoch seconds, a dot, a v4 UUID', () => {
    const ids = new RequestIds(7);
    for (let i = 0; i < 200; i++)
      expect(ids.next(1_796_662_800_123)).toMatch(
        /^1796662800\.[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
  });

  it('repeat for the same seed, differ for another, and do not repeat within a run', () => {
    const draw = (seed: number) => {
      const ids = new RequestIds(seed);
      return Array.from({ length: 1000 }, () => ids.next(0));
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(2)[0]).not.toBe(draw(1)[0]);
    expect(new Set(draw(1)).size).toBe(1000);
  });
});
