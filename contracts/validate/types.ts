import type { Violation } from '../../mock-server/spec/schema-compiler.js';

/** Which part of an exchange a violation is about. */
export type ViolationLocation =
  | 'match'
  | 'request.path'
  | 'request.query'
  | 'request.headers'
  | 'request.body'
  | 'response.status'
  | 'response.headers'
  | 'response.body'
  | 'webhook.headers'
  | 'webhook.body';

/** One way an exchange departs from the spec; `pointer` is relative to the part named by `in`. */
export interface ContractViolation extends Violation {
  /** The operation the exchange was matched to; `null` only when no operation matched. */
  operationId: string | null;
  in: ViolationLocation;
}

/** Header maps as found in fetch, HAR files and recordings: names in any case, values joined or repeated. */
export type HeaderInput = Record<string, string | string[] | undefined> | Headers | Array<[string, string]>;

/** An HTTP request to check: `url` may be a bare path (`/2_4/venues?limit=5`) or a full URL to any server. */
export interface RequestInput {
  method: string;
  url: string;
  headers?: HeaderInput;
  /** Raw text (JSON or `application/x-www-form-urlencoded`) or an already parsed value. */
  body?: unknown;
}

/** One request/response pair, as seen on the wire or in a recording. */
export interface Exchange {
  method: string;
  url: string;
  requestHeaders?: HeaderInput;
  requestBody?: unknown;
  status: number;
  responseHeaders?: HeaderInput;
  /** Raw text or an already parsed value; `''`/`undefined` means an empty body. */
  responseBody?: unknown;
}

/** The outcome of one validation: every violation found, not just the first. */
export interface ValidationResult {
  operationId: string | null;
  valid: boolean;
  violations: ContractViolation[];
}
