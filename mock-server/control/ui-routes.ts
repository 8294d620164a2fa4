/**
 * Serves the dashboard's static files under `/_mock/ui/`: the page, its modules and stylesheet from
 * mock-server/ui/, and Preact, its hooks and htm straight from their installed packages (resolved
 * the way Node resolves them, so it works from a checkout and from an installed package alike). No
 * build step, no CDN: the page works offline.
 *
 * Trust: the files carry no data, but they follow the control API's rule — loopback always; another
 * address only when an admin token is configured (the page then asks for it, and every data request
 * carries it). Without a token a remote browser gets the control API's 403.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, relative } from 'node:path';
import type { Context, Hono } from 'hono';
import { forbidden } from '../errors.js';
import type { MockEnv } from '../routes/context.js';
import { PACKAGE_ROOT } from '../spec/load-spec.js';
import { isLocalPeer } from './access.js';

export const UI_DIR = join(PACKAGE_ROOT, 'mock-server', 'ui');

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

interface Asset {
  body: Uint8Array;
  type: string;
}

let assets: Map<string, Asset> | undefined;

/** Files by URL path below /ui/ (`index.html`, `views/floor.js`, `vendor/preact.mjs`), read once. */
function loadAssets(): Map<string, Asset> {
  if (assets) return assets;
  const map = new Map<string, Asset>();
  const add = (name: string, file: string) => {
    const type = CONTENT_TYPES[extname(file)];
    if (type) map.set(name, { body: readFileSync(file), type });
  };
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else add(relative(UI_DIR, file).split('\\').join('/'), file);
    }
  };
  walk(UI_DIR);
  const require = createRequire(join(PACKAGE_ROOT, 'package.json'));
  add('vendor/preact.mjs', require.resolve('preact'));
  add('vendor/hooks.mjs', require.resolve('preact/hooks'));
  // htm's CommonJS entry sits beside its ES module build.
  add('vendor/htm.mjs', join(dirname(require.resolve('htm')), 'htm.mjs'));
  assets = map;
  return map;
}

export function mountDashboardUi(control: Hono<MockEnv>, adminToken: string | undefined): void {
  const files = loadAssets();
  const guard = (c: Context) => {
    if (!adminToken && !isLocalPeer(c))
      throw forbidden(
        'The control API only answers loopback clients; start the mock with --admin-token to allow others',
      );
  };
  // Relative URLs in the page resolve against /ui/, wherever the control plane is mounted.
  control.get('/ui', (c) => {
    guard(c);
    return c.redirect(`${c.req.path.split('/').pop()}/`, 302);
  });
  control.get('/ui/*', (c) => {
    guard(c);
    const rest = c.req.path.slice(c.req.path.indexOf('/ui/') + 4);
    const asset = files.get(rest === '' ? 'index.html' : rest);
    if (!asset) return c.json({ status: 404, code: 404, msg: `No dashboard file ${rest}` }, 404);
    return c.body(asset.body as unknown as ArrayBuffer, 200, {
      'content-type': asset.type,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
  });
}
