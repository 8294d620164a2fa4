import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock, SystemClock } from '../mock-server/clock.js';

describe('ManualClock', () => {
  it('fires timers in time order as it advances, and only those due', () => {
    const clock = new ManualClock('2026-12-07T17:00:00Z');
    const fired: string[] = [];
    clock.setTimer(clock.now() + 3000, () => fired.push('c'));
    clock.setTimer(clock.now() + 1000, () => fired.push('a'));
    const b = clock.setTimer(clock.now() + 2000, () => fired.push('b'));
    clock.clearTimer(b);
    clock.advance(1500);
    expect(fired).toEqual(['a']);
    clock.advance(5000);
    expect(fired).toEqual(['a', 'c']);
    expect(clock.pendingTimers).toBe(0);
  });

  it('lets a timer see its own due time as now', () => {
    const clock = new ManualClock(0);
    let seen = -1;
    clock.setTimer(500, () => (seen = clock.now()));
    clock.advance(10_000);
    expect(seen).toBe(500);
    expect(clock.now()).toBe(10_000);
  });

  it('refuses a nonsense start or a negative advance', () => {
    expect(() => new ManualClock('not a date')).toThrow(RangeError);
    expect(() => new ManualClock(0).advance(-1)).toThrow(RangeError);
  });
});

describe('SystemClock', () => {
  const clocks: SystemClock[] = [];
  afterEach(() => clocks.splice(0).forEach((c) => c.set(c.now())));

  it('runs with the wall clock and jumps when advanced, firing what fell due', () => {
    const clock = new SystemClock();
    clocks.push(clock);
    const before = clock.now();
    let fired = false;
    clock.setTimer(before + 60_000, () => (fired = true));
    clock.advance(61_000);
    expect(fired).toBe(true);
    expect(clock.now() - before).toBeGreaterThanOrEqual(61_000);
    clock.set(Date.parse('2030-01-01T00:00:00Z'));
    expect(Math.abs(clock.now() - Date.parse('2030-01-01T00:00:00Z'))).toBeLessThan(1000);
  });
});
