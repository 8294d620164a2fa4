import type { Sleep } from './latency.js';

/**
 * The same response, its body re-streamed in `chunkBytes` pieces with `delayMs` of sleep before every
 * piece after the first. Status and headers are kept (a Content-Length stays true: the bytes do not
 * change). The original body is read lazily, on the client's first pull.
 */
export function slowBody(res: Response, chunkBytes: number, delayMs: number, sleep: Sleep): Response {
  if (res.body === null) return res;
  let bytes: Uint8Array | undefined;
  let offset = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (bytes === undefined) bytes = new Uint8Array(await res.arrayBuffer());
        else await sleep(delayMs);
        const end = Math.min(offset + chunkBytes, bytes.length);
        if (end > offset) controller.enqueue(bytes.subarray(offset, end));
        offset = end;
        if (offset >= bytes.length) controller.close();
      },
    },
    // No read-ahead: each chunk is produced only when asked for, so the pacing reaches the client.
    { highWaterMark: 0 },
  );
  return new Response(stream, { status: res.status, statusText: res.statusText, headers: res.headers });
}
