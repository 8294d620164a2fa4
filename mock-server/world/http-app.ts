/**
 * The HTTP face of a server's worlds. Routes are compiled once and serve every world: the plain
 * URLs (`/2_4/...`, `/_mock/...`) are the default world, `/worlds/{id}/...` any other. Each request
 * finds its world's store, clock, limiter, faults and journal through {@link worldOf}, so the default
 * world's requests pay one property read for the feature.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { oas31 } from 'openapi3-ts';
import { peekClientId } from '../auth/tokens.js';
import { createControlApi } from '../control/control-api.js';
import type { ControlDeps } from '../control/context.js';
import { notFoundOrWrongMethod, renderError } from '../http/error-responses.js';
import { operationRunner } from '../http/operation-runner.js';
import type { Logger } from '../logger.js';
import type { MiddlewareContext } from '../middleware/types.js';
import { ALL_HANDLERS } from '../routes/index.js';
import {
  CORS_EXPOSED,
  CORS_HEADERS,
  type ApiOperationId,
  type MockContext,
  type MockEnv,
} from '../routes/context.js';
import { accessLog } from '../http/access-log.js';
import { isControlPath } from '../http/control-path.js';
import { answerWrongMethod, shadowedMethodGuards } from '../http/shadowed-methods.js';
import { bodyCaps } from '../middleware/body-cap.js';
import { mountDocs } from '../http/docs-ui.js';
import { setResponseHeaders } from '../http/response-headers.js';
import type { OperationSpec } from '../spec/operations.js';
import type { SchemaCompiler } from '../spec/schema-compiler.js';
import { requireWorld, type WorldManager } from './registry.js';
import type { World } from './world.js';

/** Every version prefix the real API answers under. */
export const API_PREFIXES = ['/2_4', '/2_2', '/api-ext/2_4', '/api-ext/2_2'] as const;

/** Where another world's URLs start: `/worlds/{id}` + any API prefix or `/_mock`. */
export const WORLD_PREFIX = '/worlds/:world_id';

export interface HttpAppOptions {
  spec: { doc: oas31.OpenAPIObject; text: string };
  operations: readonly OperationSpec[];
  compiler: SchemaCompiler;
  logger: Logger;
  defaultWorld: World;
  worlds: WorldManager;
  control: 'mounted' | 'separate' | 'off';
  adminToken?: string | undefined;
  /** Request-body caps in bytes (API, control API); see middleware/body-cap.ts. */
  maxBody?: { api?: number; control?: number } | undefined;
  /** Persistence's middleware (keeps the body, waits until the change is durable), when a data directory is set. */
  durability?: MiddlewareHandler<MockEnv> | undefined;
}

export function buildHttpApp(options: HttpAppOptions): {
  app: Hono<MockEnv>;
  controlApp: Hono<MockEnv> | null;
} {
  const { defaultWorld, worlds, logger } = options;
  const worldOf = (c: MiddlewareContext | MockContext): World =>
    (c as MockContext).get('world') ?? defaultWorld;

  const enterWorld: MiddlewareHandler<MockEnv> = async function enterWorld(c, next) {
    // Marked before the world is looked up, so even an unknown world's control 404 has no CORS headers.
    if (isControlPath(c.req.path)) c.set('sameOriginOnly', true);
    c.set('world', requireWorld(worlds, c.req.param('world_id') ?? ''));
    await next();
  };
  /**
   * What every operation passes before it runs, as one route handler (Hono's router collects and
   * orders every handler of a route on each request, so one handler instead of three is measurably
   * cheaper): name the operation and the bucket owner (an unknown token is left for the operation
   * to refuse), then the world's rate limiter, then its fault injector. A log being replayed was
   * admitted once already: limits and faults stand aside.
   */
  const admit = (operationId: string): MiddlewareHandler<MockEnv> =>
    function admit(c, next) {
      c.set('operationId', operationId);
      const world = worldOf(c);
      const clientId = peekClientId(world.store, c.req.header('authorization'));
      if (clientId) c.set('credentialKey', `client:${clientId}`);
      if (world.replaying) return next();
      const mc = c as unknown as MiddlewareContext;
      return world.limiter(mc, () => world.faults(mc, next));
    };
  const assignRequestId: MiddlewareHandler<MockEnv> = async function assignRequestId(c, next) {
    const world = worldOf(c);
    c.set('requestId', world.requestIds.next(world.clock.now()));
    if (isControlPath(c.req.path)) c.set('sameOriginOnly', true);
    await next();
    // JSON answers are built with their CORS headers (sendJson); the rest get them here.
    if (c.get('responseText') === undefined && !c.get('sameOriginOnly')) setResponseHeaders(c, CORS_HEADERS);
  };
  // A log being replayed was admitted once already: the journal stands aside.
  const journal: MiddlewareHandler<MockEnv> = (c, next) => {
    const w = worldOf(c);
    return w.replaying ? next() : w.journalMiddleware(c as unknown as MiddlewareContext, next);
  };

  const app = new Hono<MockEnv>();
  // Browsers may call the mock from any origin. Hono's cors middleware writes through `c.res` before
  // the handler runs, which makes Hono rebuild every response the slow way; so it answers only
  // preflights, and the two headers every answer needs come with the response (assignRequestId).
  // The control API is administrator access to every tenant: it answers no cross-origin preflight and
  // carries no CORS headers, so a web page open in a developer's browser cannot drive or read it.
  const preflight = cors({
    origin: '*',
    exposeHeaders: CORS_EXPOSED,
    allowHeaders: ['Authorization', 'Content-Type', 'Prefer'],
  });
  app.options('*', (c, next) => (isControlPath(c.req.path) ? next() : preflight(c, next)));
  app.use(`${WORLD_PREFIX}/*`, enterWorld);
  app.use('*', assignRequestId);
  const logRequests = logger.enabled?.('info') ?? true;
  if (logRequests) app.use('*', accessLog(logger));
  // Bodies are capped before anything reads them (persistence keeps each write's body for its log).
  const capBodies = bodyCaps(options.maxBody);
  app.use('*', capBodies);
  if (options.durability) app.use('*', options.durability);
  // The one error handler. Sub-apps get none: Hono wraps every handler of a sub-app that has its
  // own in an extra compose, which cost measurable throughput on every request.
  app.onError((err, c) => renderError(err, c, logger));

  const api = new Hono<MockEnv>();
  // Registered first: a method only a parameterised sibling path has is a 405 here, not the sibling's.
  for (const guard of shadowedMethodGuards(options.operations))
    api.on(guard.methods, guard.routePath, answerWrongMethod(guard));
  for (const op of options.operations) {
    api.on(
      op.method.toUpperCase(),
      op.routePath,
      admit(op.operationId),
      operationRunner(op, ALL_HANDLERS[op.operationId as ApiOperationId], worldOf, options.compiler),
    );
  }
  for (const base of ['', WORLD_PREFIX]) {
    for (const prefix of API_PREFIXES) {
      app.use(`${base}${prefix}/*`, journal);
      app.route(`${base}${prefix}`, api);
    }
  }

  let controlApp: Hono<MockEnv> | null = null;
  if (options.control !== 'off') {
    const depsOf = (c: MockContext): ControlDeps => worldOf(c).control;
    const controlApi = createControlApi(depsOf, { adminToken: options.adminToken });
    const controlRoutes = new Hono<MockEnv>()
      .route('/_mock', controlApi)
      .route(`${WORLD_PREFIX}/_mock`, controlApi);
    if (options.control === 'mounted') app.route('/', controlRoutes);
    // The same routes as an app of their own, for --control-port.
    controlApp = new Hono<MockEnv>();
    controlApp.use(`${WORLD_PREFIX}/*`, enterWorld);
    controlApp.use('*', assignRequestId);
    if (logRequests) controlApp.use('*', accessLog(logger));
    controlApp.use('*', capBodies);
    if (options.durability) controlApp.use('*', options.durability);
    controlApp.onError((err, c) => renderError(err, c, logger));
    controlApp.route('/', controlRoutes);
  }

  app.get('/openapi.yaml', (c) =>
    c.body(options.spec.text, 200, { 'content-type': 'application/yaml; charset=utf-8' }),
  );
  app.get('/openapi.json', (c) => c.json(options.spec.doc));
  mountDocs(app, { spec: options.spec.doc, controlMounted: options.control === 'mounted' });
  app.notFound(notFoundOrWrongMethod(options.operations, API_PREFIXES));
  return { app, controlApp };
}
