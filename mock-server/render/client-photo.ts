import type { ClientRecord } from '../store/records.js';

/** Sizes SevenRooms serves a profile photo in, with their pixel dimensions (square crops). */
const SIZES = { large: 600, medium: 300, small: 100 } as const;

/**
 * The client's profile photo in the object shape integration code stores
 * (`{large, large_height, ..., crop_width}`), or null. Mock convention: one client in four has a
 * photo, chosen by creation order so the choice is deterministic; the URLs are links under
 * example.com (the mock serves no images).
 */
export function renderClientPhoto(c: ClientRecord): Record<string, unknown> | null {
  if (c.seq % 4 !== 0) return null;
  const base = `https://images.example.com/clients/${c.referenceCode}`;
  const photo: Record<string, unknown> = {};
  for (const [size, px] of Object.entries(SIZES)) {
    photo[size] = `${base}/${size}.jpg`;
    photo[`${size}_height`] = px;
    photo[`${size}_width`] = px;
  }
  return { ...photo, raw: `${base}/raw.jpg`, cropx: 0, cropy: 0, crop_height: 1200, crop_width: 1200 };
}
