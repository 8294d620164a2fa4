import type { Tag } from '../store/records.js';

const PALETTE = ['#E5A04F', '#4F8FE5', '#5FB36A', '#C85A9E', '#8E6CD9', '#D95B5B', '#3FB8AF', '#A0A0A0'];

const slug = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

/** Builds a tag in the real shape from `"Group:Tag"` (a bare `"Tag"` goes in the `Other` group). */
export function makeTag(spec: string): Tag {
  const [rawGroup, rawTag] = spec.includes(':')
    ? [spec.slice(0, spec.indexOf(':')), spec.slice(spec.indexOf(':') + 1)]
    : ['Other', spec];
  const group = rawGroup.trim() || 'Other';
  const tag = rawTag.trim();
  let h = 0;
  for (const ch of group) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return {
    tag: slug(tag),
    tag_display: tag,
    group: slug(group),
    group_display: group,
    color: PALETTE[h % PALETTE.length]!,
  };
}

/** Parses a comma list of `"Group:Tag"`; empty items are ignored. */
export function parseTagList(list: string | undefined): Tag[] {
  if (!list) return [];
  return list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && s.replace(/.*:/, '').trim().length > 0)
    .map(makeTag);
}

/** Adds tags not already present and removes the listed ones, comparing group and tag. */
export function mergeTags(current: readonly Tag[], add: readonly Tag[], remove: readonly Tag[] = []): Tag[] {
  const key = (t: Tag) => `${t.group}/${t.tag}`;
  const removed = new Set(remove.map(key));
  const out = current.filter((t) => !removed.has(key(t)));
  for (const t of add) if (!out.some((o) => key(o) === key(t))) out.push(t);
  return out;
}
