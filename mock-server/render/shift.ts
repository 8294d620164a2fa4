import type { Shift } from '../domain/model.js';
import { formatHHMM } from '../domain/time.js';

/** A shift as `GET /venues/{venue_id}/shifts` returns it. */
export function renderShift(shift: Shift): Record<string, unknown> {
  return {
    name: shift.name,
    category: shift.category,
    shift_persistent_id: shift.persistentId,
    start_time: formatHHMM(shift.startMin),
    end_time: formatHHMM(shift.endMin),
    duration_minutes_by_party_size: shift.durationByPartySize,
    interval_minutes: shift.intervalMinutes,
    covers_per_seating_interval: shift.coversPerSeatingInterval,
    custom_pacing: shift.customPacing,
  };
}
