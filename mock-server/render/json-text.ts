/**
 * A rendering kept as JSON text, with its UTF-8 bytes encoded on the first send and reused after.
 *
 * Why bytes: a cached answer sent as a string is copied twice per request (the envelope's string
 * concatenation is flattened for `Buffer.byteLength`, then again when Node prepends the header
 * block) and UTF-8-encoded on the socket. Sent as bytes, the envelope is one `memcpy` into a fresh
 * buffer and Node writes header and body with one `writev`, no encoding. For a 23 KB availability
 * answer that was most of the garbage the mock made per request (docs/decisions/0008).
 */
export class JsonText {
  #bytes: Buffer | undefined;
  constructor(readonly text: string) {}

  /** The text as UTF-8, encoded once. */
  get bytes(): Buffer {
    return (this.#bytes ??= Buffer.from(this.text, 'utf8'));
  }
}
