import { createRealTarget, REAL_ENV } from '../suite/targets/real.js';
import { createInProcessTarget } from '../suite/targets/in-process.js';
import { createUrlTarget } from '../suite/targets/url.js';
import { credentialsFromCatalog } from '../suite/mock-credentials.js';
import type { SuiteCredentials, Target } from '../suite/types.js';

/**
 * Builds the target named on the command line with its credentials. The mock server is imported
 * only when needed, so offline validation works without it. For a URL target the credentials come
 * from the SEVENROOMS_* environment when set, else from the mock's default venue catalog.
 */
export async function resolveTarget(
  name: string,
  specPath: string | undefined,
): Promise<{ target: Target; credentials: SuiteCredentials }> {
  if (name === 'real') return createRealTarget(process.env);
  if (name === 'inproc') {
    const { createMockServer } = await import('../../mock-server/server.js');
    const server = createMockServer(specPath ? { specPath } : {});
    return { target: createInProcessTarget(server.app), credentials: credentialsFromCatalog(server.catalog) };
  }
  const target = createUrlTarget(name);
  if (process.env[REAL_ENV.clientId] && process.env[REAL_ENV.clientSecret]) {
    const { credentials } = createRealTarget({ ...process.env, [REAL_ENV.baseUrl]: name });
    return { target, credentials };
  }
  const { loadVenueCatalog } = await import('../../mock-server/fixtures/load-venues.js');
  return { target, credentials: credentialsFromCatalog(loadVenueCatalog()) };
}
