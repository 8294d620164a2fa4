import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

/**
 * Replaces the README's block between `<!-- bench:start -->` and `<!-- bench:end -->` with the
 * latest results, so the table a reader sees is always the one the last full run produced. The
 * README is formatted with the project's prettier settings, as `npm test` checks it.
 * Resolves to false (and leaves the file alone) when the markers are missing.
 */
export async function embedInReadme(readmePath: string, markdown: string): Promise<boolean> {
  const readme = readFileSync(readmePath, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end < start) return false;
  const body = markdown.replace(/^<!--.*-->\n+/, '').trim();
  const next = `${readme.slice(0, start + START.length)}\n\n${body}\n\n${readme.slice(end)}`;
  const options = (await resolveConfig(readmePath)) ?? {};
  writeFileSync(readmePath, await format(next, { ...options, filepath: readmePath }));
  return true;
}
