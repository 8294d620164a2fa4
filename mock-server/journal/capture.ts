/** Text of a body read up to `maxBytes`, and whether more was cut off. */
export interface CapturedBody {
  text: string;
  truncated: boolean;
}

/**
 * Reads a stream up to `maxBytes`, then cancels it (on a tee'd clone that leaves the other branch,
 * the one the client reads, untouched). Invalid UTF-8 and a character split at the cut become U+FFFD.
 */
export async function readCapped(
  stream: ReadableStream<Uint8Array>,
  maxBytes: number,
): Promise<CapturedBody> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text: text + decoder.decode(), truncated: false };
    const room = maxBytes - size;
    if (value.byteLength > room) {
      text += decoder.decode(value.subarray(0, room));
      // Not awaited: cancelling one branch of a tee settles only once the other branch is done
      // too, and that is the handler's (later) read of the request.
      reader.cancel().catch(() => {});
      return { text, truncated: true };
    }
    size += value.byteLength;
    text += decoder.decode(value, { stream: true });
  }
}

/** A text already in memory, cut to at most `maxBytes` of UTF-8 (a character split at the cut becomes U+FFFD). */
export function capText(text: string, maxBytes: number): CapturedBody {
  // Fast path: even at 4 bytes per character the text fits.
  if (text.length * 4 <= maxBytes || Buffer.byteLength(text) <= maxBytes) return { text, truncated: false };
  return { text: new TextDecoder().decode(Buffer.from(text).subarray(0, maxBytes)), truncated: true };
}

/**
 * Hides secrets in a logged body or query string: `client_secret`, and the book form's payment
 * tokens (`card_token`, `payment_instrument_token`), in a form or JSON body.
 */
export function redactBody(text: string): string {
  return text
    .replace(/(^|&)((?:client_secret|card_token|payment_instrument_token)=)[^&]*/g, '$1$2[redacted]')
    .replace(
      /("(?:client_secret|card_token|payment_instrument_token)"\s*:\s*)"(?:[^"\\]|\\.)*"/g,
      '$1"[redacted]"',
    );
}
