/** The control API's paths: the default world's (`/_mock/...`) and every other world's (`/worlds/{id}/_mock/...`). */
const CONTROL_PATH = /^(?:\/worlds\/[^/]+)?\/_mock(?:\/|$)/;

export function isControlPath(path: string): boolean {
  return (path.startsWith('/_mock') || path.startsWith('/worlds/')) && CONTROL_PATH.test(path);
}
