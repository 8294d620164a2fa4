import { describe, expect, it } from 'vitest';
import { createTestSpec } from '../contracts/testing/test-spec.js';
import { createContractValidator, formatViolation } from '../contracts/validate/index.js';

const validator = createContractValidator(createTestSpec());
const idOf = (method: string, url: string) => validator.match(method, url)?.operationId;

describe('matching an exchange to an operation', () => {
  it('prefers a static segment over a parameter: /clients/export is exportClients, not getClient', () => {
    expect(idOf('GET', '/2_4/clients/export')).toBe('exportClients');
    expect(idOf('GET', '/2_4/clients/abc')).toBe('getClient');
  });

  it.each([
    '/2_4/venues/v1',
    '/2_2/venues/v1',
    '/api-ext/2_4/venues/v1',
    '/api-ext/2_2/venues/v1',
    '/venues/v1',
    'https://api.sevenrooms.com/2_4/venues/v1?x=1',
    'http://127.0.0.1:4010/api-ext/2_2/venues/v1/',
  ])('routes %s to getVenue', (url) => {
    expect(idOf('get', url)).toBe('getVenue');
  });

  it('does not strip a prefix that is only the start of a segment', () => {
    expect(idOf('GET', '/2_45/venues/v1')).toBeUndefined();
  });

  it('decodes path parameters before validating them', () => {
    expect(
      validator.validateRequest({ method: 'GET', url: '/2_4/venues/a%20b', headers: { authorization: 't' } })
        .valid,
    ).toBe(true);
  });

  it('reports an unknown path as "no operation matches"', () => {
    const result = validator.validateExchange({
      method: 'GET',
      url: '/2_4/tables',
      status: 200,
      responseBody: '{}',
    });
    expect(result.operationId).toBeNull();
    expect(result.violations.map(formatViolation)).toEqual([
      '[no operation] match: no operation matches GET /2_4/tables',
    ]);
  });

  it('says which methods a known path does document', () => {
    const result = validator.validateRequest({ method: 'DELETE', url: '/2_4/venues/v1' });
    expect(result.violations[0]?.message).toBe(
      'no operation matches DELETE /2_4/venues/v1: the path is documented for GET only',
    );
  });
});
