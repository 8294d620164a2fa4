/**
 * What a tenant reads: one request per GET operation of the spec, for each watching credential,
 * with the spec's examples for its required parameters and, for ids, the first known id the
 * watcher may read (its own). Answers are compared with `request_id` blanked; nothing is listed by hand.
 */
import type { oas31 } from 'openapi3-ts';
import { listOperations } from '../../../mock-server/spec/operations.js';
import type { TestServer } from '../harness.js';
import { fieldsOf } from './requests.js';
import { pick, type IdPools } from './world-ids.js';

export interface Read {
  url: string;
  token: string;
}

export async function observerReads(
  t: TestServer,
  doc: oas31.OpenAPIObject,
  tokens: string[],
  known: IdPools,
): Promise<Read[]> {
  const gets = listOperations(doc).filter((op) => op.method === 'get');
  const reads: Read[] = [];
  for (const token of tokens) {
    for (const op of gets) {
      // Required parameters only (no filters), so the read sees as much as the tenant can.
      const fields = fieldsOf(doc, op).filter((f) => f.where !== 'body' && f.required);
      const idFields = fields.filter((f) => f.where === 'path' || f.name.endsWith('_id'));
      const query = new URLSearchParams();
      let missing = false;
      for (const f of fields.filter((x) => !idFields.includes(x))) {
        if (f.examples[0] === undefined) missing = true;
        else query.set(f.name, String(f.examples[0]));
      }
      if (missing) continue;
      // The watcher's own ids are those of the known ids that it may read: try them in turn.
      const candidates = (name: string) => pick(known, name).slice(0, 60);
      const combos: Record<string, string>[] = [{}];
      for (const f of idFields) {
        const next: Record<string, string>[] = [];
        for (const combo of combos)
          for (const id of candidates(f.name)) next.push({ ...combo, [f.name]: id });
        combos.splice(0, combos.length, ...next.slice(0, 200));
      }
      for (const combo of combos) {
        let path = op.path;
        const q = new URLSearchParams(query);
        for (const f of idFields) {
          if (f.where === 'path') path = path.replace(`{${f.name}}`, encodeURIComponent(combo[f.name]!));
          else q.set(f.name, combo[f.name]!);
        }
        const url = `/2_4${path}${q.size ? `?${q}` : ''}`;
        const res = await t.app.request(url, { headers: { authorization: token } });
        await res.text();
        if (res.status === 200) {
          reads.push({ url, token });
          if (idFields.length > 0) break;
        }
      }
    }
  }
  return reads;
}

export async function readAll(t: TestServer, reads: readonly Read[]): Promise<string[]> {
  const out: string[] = [];
  for (const { url, token } of reads) {
    const res = await t.app.request(url, { headers: { authorization: token } });
    out.push(`${res.status} ${(await res.text()).replace(/"request_id":"[^"]*"/g, '"request_id":""')}`);
  }
  return out;
}
