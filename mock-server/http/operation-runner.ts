import type { Handler } from 'hono';
import { authenticateRequest } from '../auth/tokens.js';
import { MockError } from '../errors.js';
import type { MockContext, MockEnv, OperationHandler, Runtime } from '../routes/context.js';
import type { OperationSpec } from '../spec/operations.js';
import { compileRequestValidator } from '../spec/request-validator.js';
import type { SchemaCompiler } from '../spec/schema-compiler.js';
import { searchParamsOf } from './query-string.js';

/**
 * Auth, then body parsing and validation against the operation's compiled schemas, then the handler.
 * `runtimeOf` names the world the request is for; its `apply` (persistence) wraps the handler.
 */
export function operationRunner(
  op: OperationSpec,
  handler: OperationHandler,
  runtimeOf: (c: MockContext) => Runtime,
  compiler: SchemaCompiler,
): Handler<MockEnv> {
  const validate = compileRequestValidator(op, compiler);
  // A bodiless operation runs without awaiting anything: no promise of its own per request.
  return function runOperation(c) {
    if (!op.body) return run(c, null);
    return readForm(c).then((body) => run(c, body));
  };

  function run(c: MockContext, form: Record<string, string> | null): Response | Promise<Response> {
    const runtime = runtimeOf(c);
    const credential = op.requiresAuth
      ? authenticateRequest(runtime.store, c.req.header('authorization'))
      : null;
    c.set('credential', credential);
    const searchParams = searchParamsOf(c.req.url);
    let body = form;
    // Some clients send the book form as query parameters on a bodiless PUT (x-form-in-query).
    if (body === null && op.formInQuery && searchParams.size > 0) body = Object.fromEntries(searchParams);
    const {
      params,
      query,
      body: fields,
    } = validate({
      pathParams: c.req.param() as Record<string, string>,
      query: searchParams,
      body,
    });
    const request = {
      c,
      rt: runtime,
      params: params as Record<string, string>,
      query: query as Record<string, string | number | boolean>,
      body: fields as Record<string, string | number | boolean>,
      credential: credential!,
    };
    return runtime.apply ? runtime.apply(c, () => handler(request)) : handler(request);
  }
}

/** Reads a form-encoded (or multipart) body; anything else is a clear 400, never a silent accept. */
async function readForm(c: MockContext): Promise<Record<string, string> | null> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  const text = type.startsWith('multipart/form-data') ? null : await c.req.text();
  if (text !== null && text.trim() === '') return null;
  if (type.startsWith('application/json')) {
    throw new MockError(
      'bad_request',
      'Request body must be form-encoded (application/x-www-form-urlencoded), as the SevenRooms API expects; JSON is not accepted',
    );
  }
  if (type.startsWith('multipart/form-data')) {
    let parsed: Awaited<ReturnType<typeof c.req.parseBody>>;
    try {
      parsed = await c.req.parseBody();
    } catch {
      throw new MockError(
        'bad_request',
        'The multipart/form-data body does not parse; check its boundary and parts',
      );
    }
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(parsed)) {
      if (typeof v !== 'string')
        throw new MockError('bad_request', `Field ${k} must be a text value, not a file`);
      out[k] = v;
    }
    return out;
  }
  if (type !== '' && !type.startsWith('application/x-www-form-urlencoded')) {
    throw new MockError(
      'bad_request',
      `Unsupported content-type ${type}; send application/x-www-form-urlencoded`,
    );
  }
  // A field sent more than once (what Python's requests does with a list value) arrives as one comma
  // list, the form the API's list fields take; keeping only the last value would drop data silently.
  const fields = new Map<string, string>();
  for (const [k, v] of new URLSearchParams(text ?? '')) {
    const seen = fields.get(k);
    fields.set(k, seen === undefined ? v : `${seen},${v}`);
  }
  return Object.fromEntries(fields);
}
