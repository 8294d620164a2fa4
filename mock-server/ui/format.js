// Small formatting helpers shared by the views.
export const hhmm = (min) =>
  `${String(Math.floor(min / 60) % 24).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;

/** An instant in a venue's time zone: "Mon 7 Dec, 12:00". */
export function localTime(epochMs, timeZone, withSeconds = false) {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    ...(withSeconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
  }).format(epochMs);
}

/** "12:03:04" in a venue's time zone (mock time), for logs and histories. */
export const clockTime = (epochMs, timeZone = 'UTC') =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(epochMs);

export const shortId = (id) => (id && id.length > 14 ? `…${id.slice(-8)}` : id);

export function prettyJson(text) {
  if (text == null) return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export const STATE_LABELS = {
  seated: 'Seated',
  late: 'Running late',
  held: 'Held',
  soon: 'Booked soon',
  free: 'Free',
};

/** Timeline colour class of a reservation status. */
export function statusClass(status) {
  switch (status) {
    case 'SEATED':
    case 'PAID':
      return 'st-seated';
    case 'ARRIVED':
      return 'st-arrived';
    case 'COMPLETE':
      return 'st-complete';
    case 'NO_SHOW':
      return 'st-noshow';
    case 'CANCELED':
      return 'st-canceled';
    default:
      return status.startsWith('CUSTOM_STATUS_') ? 'st-seated' : 'st-booked';
  }
}

/** "1 hold", "3 holds". */
export const count = (n, noun) => `${n} ${noun}${n === 1 ? '' : 's'}`;
