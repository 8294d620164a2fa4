import { describe, expect, it } from 'vitest';
import { datastoreKey, parseDatastoreKey } from '../mock-server/domain/ids.js';

describe('datastore keys', () => {
  it.each([1, 127, 128, 16_383, 16_384, 2 ** 31, 6_130_102_734_028_800, Number.MAX_SAFE_INTEGER])(
    'round-trips id %i',
    (n) => {
      expect(parseDatastoreKey(datastoreKey('nightloop_ReservationActual', n))).toEqual({
        kind: 'nightloop_ReservationActual',
        id: n,
      });
    },
  );

  it('refuses what is not one of its keys', () => {
    const key = datastoreKey('nightloop_Venue', 42);
    expect(parseDatastoreKey(key.slice(0, -2))).toBeNull();
    expect(parseDatastoreKey(`${key}!`)).toBeNull();
    expect(parseDatastoreKey('ABCDEFG')).toBeNull();
    // A key of another App Engine app: same shape, different app id.
    const foreign = Buffer.from(key, 'base64url');
    foreign[5] = foreign[5]! ^ 1;
    expect(parseDatastoreKey(foreign.toString('base64url'))).toBeNull();
  });
});
