import { CREDENTIALS, testServer, guest } from '../test/support/harness.js';
const t = testServer();
const tok = await t.login(CREDENTIALS.harbor);
const v = t.venueId('harbor-grill');
for (const d of ['Infinity', '1e308', '-Infinity', '1e3', '90.5']) {
  const r = await t.put(`/venues/${v}/book`, tok, { date: '2026-12-09', time: '19:00', party_size: 2, ...guest(Math.floor(Math.random()*900)), duration: d });
  console.log('duration', d, r.status, r.text.slice(0, 200));
}
const r = await t.put(`/venues/${v}/book`, tok, { date: '2026-12-09', time: '19:00', party_size: 2, ...guest(5), mf_ratio_male: '1e308' });
console.log('mf', r.status, r.text.slice(0, 300));
const rr = await t.get(`/venues/${v}/shifts?start_date=2100-01-01&end_date=2100-01-02`, tok);
console.log('shifts 2100', rr.status);
for (const [m, p] of [['POST', `/venues/${v}`], ['DELETE', `/venues`], ['PATCH', `/reservations/ABCDEFG`], ['POST', '/reservations'], ['PUT', '/clients']]) {
  const x = await t.send(m!, p!, { token: tok });
  console.log(m, p, x.status, x.text.slice(0, 150));
}
for (const [m, p] of [['PATCH', '/clock'], ['DELETE', '/health'], ['FOO', '/clock']]) {
  const x = await t.control(m!, p!);
  console.log('control', m, p, x.status);
}
console.log('null seconds', (await t.control('POST', '/clock/advance', { seconds: null })).status);
const mp = await t.app.request('/2_4/auth', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=xx' }, body: '--xx\r\ngarbage' });
console.log('multipart', mp.status, await mp.text());
for (const q of ['cursor=Y3Vyc29yLnJlc2VydmF0aW9ucy4zMA', 'cursor=', 'client_id=', 'limit=']) {
  const x = await t.get(`/reservations?${q}`, tok);
  console.log(q, x.status, x.text.slice(0, 120));
}
