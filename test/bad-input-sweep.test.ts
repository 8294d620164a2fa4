/**
 * No client mistake is ever a 500. For every operation, start from a valid request built from the
 * spec's own examples, then spoil one parameter or form field at a time with garbage — so each bad
 * value reaches the code behind validation, not just the validator — and require a spec-valid
 * answer: a 4xx in the SevenRooms envelope with a `msg`, or a success where the junk is harmless.
 */
import type { oas31 } from 'openapi3-ts';
import { describe, expect, it } from 'vitest';
import { createContractValidator } from '../contracts/validate/index.js';
import { resolveRef } from '../mock-server/spec/load-spec.js';
import { CREDENTIALS, testServer } from './support/harness.js';
import { operationsOf } from './support/spec-gates.js';

const GARBAGE = ['', 'zzz', '-1', '0', '1e999', '2026-02-30', '25:99', '%00', '{"a":1}', 'x'.repeat(3000)];

describe('bad input never yields a 500', () => {
  it('every field of every operation, spoiled one at a time, gets a spec-valid answer', async () => {
    const t = testServer({ rateLimit: { enabled: false } });
    const doc = t.mock.spec;
    const validator = createContractValidator(doc);
    const tokens = {
      venueGroup: await t.login(CREDENTIALS.harbor),
      concierge: await t.login(CREDENTIALS.ava),
    };
    const ids: Record<string, string> = {
      concierge_id: t.conciergeId('ava'),
      concierge_group_id: t.conciergeGroupId(),
      venue_id: t.venueId('harbor-grill'),
    };
    const failures: string[] = [];
    let sent = 0;

    for (const { path: template, method, operation } of operationsOf(doc, doc.paths, '/paths')) {
      const params = (operation.parameters ?? []).map((p) => resolveRef<oas31.ParameterObject>(doc, p));
      const baseline: Record<string, string> = {};
      for (const p of params.filter((p) => p.in === 'query' && p.example !== undefined)) {
        baseline[p.name] = String(p.example);
      }
      const body = operation.requestBody
        ? resolveRef<oas31.RequestBodyObject>(doc, operation.requestBody)
        : undefined;
      const formExample = Object.values(body?.content ?? {})[0]?.example as
        Record<string, unknown> | undefined;
      const form: Record<string, string> = Object.fromEntries(
        Object.entries(formExample ?? {}).map(([k, v]) => [k, String(v)]),
      );
      const path = template.replace(/\{([^}]+)\}/g, (_, name: string) => ids[name] ?? 'ZZZZZZZ');
      const token = template.startsWith('/concierge') ? tokens.concierge : tokens.venueGroup;
      const targets = [
        ...Object.keys(baseline).map((k) => ['query', k]),
        ...Object.keys(form).map((k) => ['form', k]),
      ];

      for (const [where, field] of targets) {
        for (const junk of GARBAGE) {
          const query = new URLSearchParams(where === 'query' ? { ...baseline, [field!]: junk } : baseline);
          const fields = where === 'form' ? { ...form, [field!]: junk } : form;
          const url = `/2_4${path}${query.size ? `?${query}` : ''}`;
          const res = await t.app.request(url, {
            method: method.toUpperCase(),
            headers: { authorization: token },
            body: body ? new URLSearchParams(fields) : undefined,
          });
          const text = await res.text();
          sent++;
          const label = `${operation.operationId} ${where}.${field}=${JSON.stringify(junk.slice(0, 12))}`;
          if (res.status >= 500) {
            failures.push(`${label}: ${res.status} ${text.slice(0, 160)}`);
            continue;
          }
          const verdict = validator.validateResponse({
            method: method.toUpperCase(),
            url,
            status: res.status,
            responseHeaders: Object.fromEntries(res.headers),
            responseBody: text,
          });
          if (!verdict.valid)
            failures.push(`${label}: ${verdict.violations.map((v) => v.message).join('; ')}`);
          if (res.status >= 400 && !/"msg":"[^"]+/.test(text))
            failures.push(`${label}: ${res.status} without msg`);
        }
      }
    }
    expect(sent).toBeGreaterThanOrEqual(900); // 90+ fields × 10 values: the walk is not vacuous
    expect(failures).toEqual([]);
  });
});
