import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Hono } from 'hono';
import type { oas31 } from 'openapi3-ts';
import type { MockEnv } from '../routes/context.js';
import { CONTROL_SPEC_PATH, loadSpec } from '../spec/load-spec.js';

/**
 * The API docs at `/docs`: Swagger UI, served from the installed swagger-ui-dist package (no CDN,
 * so it works offline), showing the SevenRooms description and the control API's, with a selector.
 * The copies it shows list the mock itself as their only server, so "Try it out" calls this mock
 * and never api.sevenrooms.com. `/` sends a browser here and to the dashboard.
 */
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'index.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
  'favicon-16x16.png': 'image/png',
};

const SWAGGER_DIR = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const cache = new Map<string, Buffer>();
const asset = (name: string) => {
  let bytes = cache.get(name);
  if (!bytes) cache.set(name, (bytes = readFileSync(join(SWAGGER_DIR, name))));
  return bytes;
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>sevenrooms-mock · API docs</title>
  <link rel="stylesheet" href="/docs/swagger-ui.css">
  <link rel="stylesheet" href="/docs/index.css">
  <link rel="icon" type="image/png" href="/docs/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/swagger-ui-bundle.js"></script>
  <script src="/docs/swagger-ui-standalone-preset.js"></script>
  <script src="/docs/init.js"></script>
</body>
</html>
`;

const init = (specs: { url: string; name: string }[]) => `window.ui = SwaggerUIBundle({
  urls: ${JSON.stringify(specs)},
  'urls.primaryName': ${JSON.stringify(specs[0]!.name)},
  dom_id: '#swagger-ui',
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: 'StandaloneLayout',
  deepLinking: true,
  displayOperationId: true,
  persistAuthorization: true,
  filter: true,
  // No call to validator.swagger.io: the page must work offline and send nothing off this machine.
  validatorUrl: null,
});
`;

/** A copy of a description whose only server is this mock (a relative URL: whatever origin served the page). */
function servedBy(doc: oas31.OpenAPIObject, url: string, description: string): string {
  return JSON.stringify({ ...doc, servers: [{ url, description }] });
}

const landing = (controlMounted: boolean) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>sevenrooms-mock</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}</style></head>
<body>
<h1>sevenrooms-mock</h1>
<p>A stateful mock of the SevenRooms API. The API answers under <code>/2_4</code> (also <code>/2_2</code>, <code>/api-ext/2_4</code>, <code>/api-ext/2_2</code>).</p>
<ul>
  <li><a href="/docs">API docs</a>: every operation, with “Try it out” against this mock</li>
  ${controlMounted ? '<li><a href="/_mock/ui">Dashboard</a>: the mock\'s state, clock, journal, faults and webhooks</li>' : ''}
  <li><a href="/openapi.yaml">openapi.yaml</a>${controlMounted ? ' and the control API\'s <a href="/_mock/openapi.yaml">openapi.yaml</a>' : ''}</li>
</ul>
</body>
</html>
`;

/** Registers `/`, `/docs` and its assets on the mock's app. */
export function mountDocs(
  app: Hono<MockEnv>,
  options: { spec: oas31.OpenAPIObject; controlMounted: boolean },
) {
  const specs = [{ url: '/docs/sevenrooms.json', name: 'SevenRooms API (this mock)' }];
  if (options.controlMounted) specs.push({ url: '/docs/mock-control.json', name: 'Mock control API' });
  let api: string | undefined;
  let control: string | undefined;
  const script = init(specs);

  app.get('/', (c) => {
    if (c.req.header('accept')?.includes('text/html')) return c.html(landing(options.controlMounted));
    return c.json({
      docs: '/docs',
      ...(options.controlMounted ? { dashboard: '/_mock/ui', control: '/_mock' } : {}),
      spec: '/openapi.yaml',
      api: '/2_4',
    });
  });
  app.get('/docs', (c) => c.html(PAGE));
  app.get('/docs/', (c) => c.html(PAGE));
  app.get('/docs/init.js', (c) => c.body(script, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  app.get('/docs/sevenrooms.json', (c) => {
    api ??= servedBy(options.spec, '/2_4', 'This mock');
    return c.body(api, 200, { 'content-type': 'application/json; charset=utf-8' });
  });
  if (options.controlMounted) {
    app.get('/docs/mock-control.json', (c) => {
      control ??= servedBy(loadSpec(CONTROL_SPEC_PATH).doc, '/_mock', "This mock's control API");
      return c.body(control, 200, { 'content-type': 'application/json; charset=utf-8' });
    });
  }
  app.get('/docs/:file', (c, next) => {
    const type = ASSETS[c.req.param('file')];
    if (!type) return next();
    return c.body(new Uint8Array(asset(c.req.param('file'))), 200, {
      'content-type': type,
      'cache-control': 'public, max-age=86400',
    });
  });
}
