import { Hono, type MiddlewareHandler } from 'hono';
import { badRequest } from '../errors.js';
import type { MockContext, MockEnv } from '../routes/context.js';
import { checkHandlerCoverage } from '../spec/handler-coverage.js';
import { CONTROL_SPEC_PATH, loadSpec } from '../spec/load-spec.js';
import { byRouteSpecificity, listOperations, type OperationSpec } from '../spec/operations.js';
import { compileRequestValidator, describe } from '../spec/request-validator.js';
import { notFoundOrWrongMethod } from '../http/error-responses.js';
import { sharedSchemaCompiler, type SchemaCompiler } from '../spec/schema-compiler.js';
import { searchParamsOf } from '../http/query-string.js';
import { controlAccess } from './access.js';
import { configHandlers } from './config-handlers.js';
import { dashboardHandlers } from './dashboard-handlers.js';
import { eventHubFor } from '../dashboard/event-hub.js';
import { mountDashboardUi } from './ui-routes.js';
import { requestActionHandlers } from './request-handlers.js';
import type { ControlDeps, ControlHandler, ControlHandlerTable } from './context.js';
import { stateHandlers } from './state-handlers.js';
import { venueActionHandlers } from './venue-handlers.js';
import { webhookHandlers } from './webhook-handlers.js';
import { worldHandlers } from './world-handlers.js';

export const CONTROL_HANDLERS: ControlHandlerTable = {
  ...stateHandlers,
  ...configHandlers,
  ...webhookHandlers,
  ...venueActionHandlers,
  ...dashboardHandlers,
  ...requestActionHandlers,
  ...worldHandlers,
};

/**
 * The control plane, built from openapi/mock-control.yaml the same way the API is built from its
 * spec: routes from the document, one handler per operationId (checked at start-up), JSON bodies
 * validated by compiled schemas. Mount it under `/_mock`.
 */
export function createControlApi(
  deps: ControlDeps | ((c: MockContext) => ControlDeps),
  options: { adminToken?: string | undefined } = {},
): Hono<MockEnv> {
  const { doc, text } = loadSpec(CONTROL_SPEC_PATH);
  const operations = [...listOperations(doc)].sort(byRouteSpecificity);
  const compiler = sharedSchemaCompiler(doc, { coerceTypes: true });
  // JSON bodies arrive typed: no coercion, so `{"seconds": null}` is refused instead of read as 0.
  const strictCompiler = sharedSchemaCompiler(doc);
  checkHandlerCoverage('openapi/mock-control.yaml', operations, CONTROL_HANDLERS);
  const control = new Hono<MockEnv>();
  control.get('/openapi.yaml', (c) =>
    c.body(text, 200, { 'content-type': 'application/yaml; charset=utf-8' }),
  );
  mountDashboardUi(control, options.adminToken);
  control.use('*', controlAccess(options.adminToken));
  for (const op of operations) {
    control.on(
      op.method.toUpperCase(),
      op.routePath,
      controlRunner(op, CONTROL_HANDLERS[op.operationId]!, deps, compiler, strictCompiler),
    );
  }
  // Any other method on a control path (unknown ones included) is 405 with Allow; other paths 404.
  control.all('*', notFoundOrWrongMethod(operations, ['/_mock']));
  return control;
}

function controlRunner(
  op: OperationSpec,
  handler: ControlHandler,
  depsFor: ControlDeps | ((c: MockContext) => ControlDeps),
  compiler: SchemaCompiler,
  strictCompiler: SchemaCompiler,
): MiddlewareHandler<MockEnv> {
  const validate = compileRequestValidator(op, compiler);
  // Compiled on the operation's first request, like the API's validators: not on every cold start.
  let checkBody: ReturnType<SchemaCompiler['compile']> | undefined;
  return async function runControl(c) {
    const deps = typeof depsFor === 'function' ? depsFor(c) : depsFor;
    c.set('operationId', op.operationId);
    let body: Record<string, unknown> | null = null;
    if (op.body) {
      const raw = await c.req.text();
      if (raw.trim() !== '') {
        let parsed: unknown;
        try {
          parsed = JSON.parse(raw);
        } catch {
          throw badRequest('The control API takes JSON bodies; this one does not parse');
        }
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
          throw badRequest('The body must be a JSON object');
        body = parsed as Record<string, unknown>;
        checkBody ??= strictCompiler.compile(op.body.schema);
        const problems = checkBody(structuredClone(body));
        if (problems.length > 0) throw badRequest(describe(problems));
      }
    }
    const v = validate({
      pathParams: c.req.param() as Record<string, string>,
      query: searchParamsOf(c.req.url),
      body,
    });
    const request = { c, deps, params: v.params as Record<string, string>, query: v.query, body: v.body };
    // Persistence wraps the handler's change (see world/world.ts); without it the handler just runs.
    const res = await (deps.apply ? deps.apply(c, () => handler(request)) : handler(request));
    // Writes are announced to open dashboards (a reset or an import changes state without events).
    if (op.method !== 'get')
      eventHubFor(deps).controlWrite(op.operationId, op.method.toUpperCase(), res.status);
    return res;
  };
}
