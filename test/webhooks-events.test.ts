import { describe, expect, it } from 'vitest';
import type { StoreChange } from '../mock-server/store/change-feed.js';
import { buildWebhookEvent, diffEntities } from '../mock-server/webhooks/index.js';

const tag = { tag: 'VIP', tag_display: 'VIP', group: 'Guest', group_display: 'Guest', color: '#000000' };
const client = {
  id: 'ahNzfnNldmVucm9vbXMtbW9ja3IhCxIabmlnaHRsb29wX1ZlbnVlR3JvdXBDbGllbnQYZAw',
  venue_group_id: 'vg1',
  first_name: 'Ada',
  last_name: 'Lovelace',
  email: 'ada@example.com',
  client_tags: [tag],
  venue_stats: { v1: { total_visits: 3, total_spend: 120.5 } },
  updated: '2025-04-20T10:15:00.000000',
};

function change(
  eventType: StoreChange['eventType'],
  previous: StoreChange['previous'],
  current: StoreChange['current'],
): StoreChange {
  return {
    entityType: 'client',
    eventType,
    venueGroupId: 'vg1',
    venueId: null,
    entityId: client.id,
    previous,
    current,
    at: 0,
  };
}

describe('webhook events', () => {
  it('created: the entity is the new object and updates is empty', () => {
    expect(buildWebhookEvent(change('created', null, client))).toEqual({
      entity: client,
      entity_type: 'client',
      event_type: 'created',
      updates: [],
    });
  });

  it('deleted: the entity is the object as it was, and updates is empty', () => {
    const event = buildWebhookEvent(change('deleted', client, null));
    expect(event).toMatchObject({ entity: client, event_type: 'deleted', updates: [] });
  });

  it('updated: compares values deeply, ignores key order and the `updated` timestamp', () => {
    const current = {
      ...client,
      updated: '2025-05-01T18:00:00.000000',
      client_tags: [
        { color: '#000000', group_display: 'Guest', group: 'Guest', tag_display: 'VIP', tag: 'VIP' },
      ],
      venue_stats: { v1: { total_visits: 4, total_spend: 120.5 } },
      email: 'ada@lovelace.dev',
    };
    expect(buildWebhookEvent(change('updated', client, current)).updates).toEqual([
      { field: 'email', previous: 'ada@example.com', current: 'ada@lovelace.dev' },
      { field: 'venue_stats', previous: client.venue_stats, current: current.venue_stats },
    ]);
  });

  it('an update that only touched `updated` has no updates', () => {
    expect(buildWebhookEvent(change('updated', client, { ...client, updated: 'later' })).updates).toEqual([]);
  });

  it('names added fields with previous null and removed fields without current', () => {
    const { email: _email, ...withoutEmail } = client;
    const updates = diffEntities(client, { ...withoutEmail, loyalty_id: 'L-1' });
    expect(updates).toEqual([
      { field: 'loyalty_id', previous: null, current: 'L-1' },
      { field: 'email', previous: 'ada@example.com' },
    ]);
    expect(JSON.parse(JSON.stringify(updates[1]))).not.toHaveProperty('current');
  });

  it('array order matters (table_numbers ["12","14"] → ["14","12"] is a change)', () => {
    expect(diffEntities({ table_numbers: ['12', '14'] }, { table_numbers: ['14', '12'] })).toHaveLength(1);
  });
});
