import { CREDENTIALS, testServer } from '../test/support/harness.js';
const t = testServer();
const tok = await t.login(CREDENTIALS.harbor);
const doc = t.mock.spec;
for (const [path, item] of Object.entries(doc.paths ?? {})) {
  for (const m of ['get', 'put', 'post', 'delete', 'patch']) {
    if ((item as any)[m]) continue;
    const p = path.replace(/\{[^}]+\}/g, 'X1');
    const x = await t.send(m.toUpperCase(), p, { token: tok });
    if (x.status !== 405) console.log(m, path, x.status, x.text.slice(0, 120));
  }
}
for (const p of ['/2_4/reservations?cursor=Y3Vyc29yLnJlc2VydmF0aW9ucy4zMA&from_date=2026-12-01&to_date=2026-12-09', '/2_4/reservations/export?cursor=Y3Vyc29yLnJlc2VydmF0aW9ucy4zMA&from_date=2026-12-01&to_date=2026-12-09', '/2_4/clients?cursor=&from_date=2026-12-01&to_date=2026-12-09']) {
  const x = await t.send('GET', p, { token: tok }); console.log(p, x.status, x.text.slice(0, 150));
}
