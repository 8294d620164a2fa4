import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { RecordedExchange } from './validate-recorded.js';

interface HarHeader {
  name: string;
  value: string;
}
interface HarEntry {
  request: {
    method: string;
    url: string;
    headers?: HarHeader[];
    postData?: { mimeType?: string; text?: string; params?: HarHeader[] };
  };
  response: {
    status: number;
    headers?: HarHeader[];
    content?: { mimeType?: string; text?: string; encoding?: string };
  };
}

/**
 * Reads the exchanges of a HAR 1.2 file (as saved by browsers, Charles, mitmproxy...). Bodies stored
 * base64 are decoded; entries without a response (status 0: aborted, blocked) are left out.
 */
export function readHar(text: string, source = 'har'): RecordedExchange[] {
  const har = JSON.parse(text) as { log?: { entries?: HarEntry[] } };
  const entries = har.log?.entries;
  if (!Array.isArray(entries)) throw new Error(`${source}: not a HAR file (no log.entries)`);
  const out: RecordedExchange[] = [];
  entries.forEach((entry, index) => {
    if (!entry.response || entry.response.status === 0) return;
    const content = entry.response.content;
    const responseBody =
      content?.text !== undefined && content.encoding === 'base64'
        ? Buffer.from(content.text, 'base64').toString('utf8')
        : (content?.text ?? '');
    const responseHeaders = toPairs(entry.response.headers);
    if (content?.mimeType && !responseHeaders.some(([name]) => name.toLowerCase() === 'content-type')) {
      responseHeaders.push(['content-type', content.mimeType]);
    }
    const post = entry.request.postData;
    const requestBody =
      post?.text ??
      (post?.params
        ? new URLSearchParams(post.params.map((p): [string, string] => [p.name, p.value])).toString()
        : undefined);
    out.push({
      source: `${source}#${index + 1}`,
      exchange: {
        method: entry.request.method,
        url: entry.request.url,
        requestHeaders: toPairs(entry.request.headers),
        ...(requestBody !== undefined ? { requestBody } : {}),
        status: entry.response.status,
        responseHeaders,
        responseBody,
      },
    });
  });
  return out;
}

/** {@link readHar} on a file. */
export function readHarFile(path: string): RecordedExchange[] {
  return readHar(readFileSync(path, 'utf8'), basename(path));
}

function toPairs(headers: HarHeader[] | undefined): Array<[string, string]> {
  return (headers ?? []).filter((h) => !h.name.startsWith(':')).map((h) => [h.name, h.value]);
}
