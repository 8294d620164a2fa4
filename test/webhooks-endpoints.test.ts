import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../mock-server/clock.js';
import { createRandom } from '../mock-server/random.js';
import { ChangeFeed, type StoreChange } from '../mock-server/store/change-feed.js';
import {
  createWebhookService,
  parseWebhookConfig,
  WebhookConfigError,
} from '../mock-server/webhooks/index.js';
import type { WebhookEvent } from '../mock-server/webhooks/index.js';

const servers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of servers.splice(0)) await close();
});

/** A receiver that records `entity_type.event_type@venue_group` of every event. */
async function recorder() {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      for (const e of JSON.parse(body) as WebhookEvent[])
        seen.push(`${e.entity_type}.${e.event_type}@${String(e.entity.venue_group_id)}`);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, seen };
}

function change(
  entityType: StoreChange['entityType'],
  eventType: StoreChange['eventType'],
  venueGroupId: string,
): StoreChange {
  const entity = { id: `${entityType}-1`, venue_group_id: venueGroupId, status: 'CONFIRMED' };
  return {
    entityType,
    eventType,
    venueGroupId,
    venueId: null,
    entityId: entity.id,
    previous: eventType === 'created' ? null : entity,
    current: eventType === 'deleted' ? null : { ...entity, status: 'SEATED' },
    at: 0,
  };
}

describe('webhook endpoint configuration', () => {
  it('parses an array or {"webhooks": [...]} of endpoints', () => {
    const endpoints = [
      { url: 'http://127.0.0.1:4242/hooks', events: ['reservation.*'], venueGroupIds: ['vg1'] },
    ];
    expect(parseWebhookConfig(JSON.stringify(endpoints))).toEqual(endpoints);
    expect(parseWebhookConfig({ webhooks: endpoints })).toEqual(endpoints);
  });

  it('reports every problem with its JSON pointer, in one error', () => {
    const doc = JSON.stringify({
      webhooks: [
        { url: 'ftp://example.com', events: ['reservation.seated'] },
        { url: 'http://ok.example/h', venue_group_ids: ['vg1'], enabled: 'yes' },
        'http://just-a-string',
      ],
    });
    let error: unknown;
    try {
      parseWebhookConfig(doc);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(WebhookConfigError);
    expect((error as WebhookConfigError).status).toBe(400);
    expect((error as WebhookConfigError).issues.map((i) => i.pointer)).toEqual([
      '/webhooks/0/url',
      '/webhooks/0/events/0',
      '/webhooks/1/venue_group_ids',
      '/webhooks/1/enabled',
      '/webhooks/2',
    ]);
    expect((error as Error).message).toContain('/webhooks/0/url must use http or https, not ftp');
    expect(() => parseWebhookConfig('{not json')).toThrow(/not valid JSON/);
    expect(() => parseWebhookConfig({ endpoints: [] })).toThrow(/"webhooks" array/);
  });

  it('generates a whsec_ secret from the seeded random when none is given, the same for the same seed', () => {
    const make = () =>
      createWebhookService({
        feed: new ChangeFeed(),
        clock: new ManualClock(0),
        random: createRandom(42),
        endpoints: [{ url: 'http://127.0.0.1:1/' }, { url: 'http://127.0.0.1:2/', secret: 'whsec_mine_123' }],
      }).endpoints.list();
    const [generated, given] = make();
    expect(generated!.secret).toMatch(/^whsec_[A-Za-z0-9]{32}$/);
    expect(given!.secret).toBe('whsec_mine_123');
    expect(make()[0]!.secret).toBe(generated!.secret);
    expect(generated).toMatchObject({ events: ['*'], venueGroupIds: null, enabled: true });
  });

  it('routes each change only to endpoints whose venue-group and event filters accept it', async () => {
    const feed = new ChangeFeed();
    const [reservationsVg1, clientsAnywhere, deletions, disabled] = await Promise.all([
      recorder(),
      recorder(),
      recorder(),
      recorder(),
    ]);
    const service = createWebhookService({
      feed,
      clock: new ManualClock(0),
      random: createRandom(1),
      endpoints: [
        { url: reservationsVg1.url, events: ['reservation.*'], venueGroupIds: ['vg1'] },
        { url: clientsAnywhere.url, events: ['client.created', 'client.updated'] },
        { url: deletions.url, events: ['*.deleted'] },
        { url: disabled.url, enabled: false },
      ],
    });
    servers.push(() => service.close());
    expect(feed.active).toBe(true);
    feed.publish(change('reservation', 'created', 'vg1'));
    feed.publish(change('reservation', 'updated', 'vg2'));
    feed.publish(change('client', 'updated', 'vg2'));
    feed.publish(change('client', 'deleted', 'vg1'));
    feed.publish(change('reservation', 'deleted', 'vg1'));
    await service.flush();
    expect(reservationsVg1.seen).toEqual(['reservation.created@vg1', 'reservation.deleted@vg1']);
    expect(clientsAnywhere.seen).toEqual(['client.updated@vg2']);
    expect(deletions.seen).toEqual(['client.deleted@vg1', 'reservation.deleted@vg1']);
    expect(disabled.seen).toEqual([]);

    const [first] = service.endpoints.list();
    service.endpoints.update(first!.id, { venueGroupIds: null });
    feed.publish(change('reservation', 'updated', 'vg2'));
    await service.flush();
    expect(reservationsVg1.seen.at(-1)).toBe('reservation.updated@vg2');
    expect(() => service.endpoints.update(first!.id, { url: 'nope' })).toThrow(WebhookConfigError);
  });

  it('does not subscribe to the feed while there is no endpoint, so the store can skip rendering', () => {
    const feed = new ChangeFeed();
    const service = createWebhookService({ feed, clock: new ManualClock(0), random: createRandom(1) });
    expect(feed.active).toBe(false);
    const endpoint = service.endpoints.add({ url: 'http://127.0.0.1:9/' });
    expect(feed.active).toBe(true);
    service.endpoints.remove(endpoint.id);
    expect(feed.active).toBe(false);
  });

  it('rejects nonsensical tuning options with WebhookConfigError', () => {
    const base = { feed: new ChangeFeed(), clock: new ManualClock(0), random: createRandom(1) };
    expect(() => createWebhookService({ ...base, retrySchedule: [1000, -1] })).toThrow(/\/retrySchedule\/1/);
    expect(() => createWebhookService({ ...base, maxBatchSize: 50, maxQueuedEvents: 10 })).toThrow(
      /maxQueuedEvents/,
    );
  });
});
