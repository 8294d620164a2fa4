import { describe, expect, it } from 'vitest';
import { createTestSpec } from '../contracts/testing/test-spec.js';
import { loadSpec } from '../mock-server/spec/load-spec.js';
import { createContractValidator, formatViolation } from '../contracts/validate/index.js';

const validator = createContractValidator(createTestSpec());
const signature = {
  'X-SevenRooms-Mock-Signature': `t=1796662800,v1=${'a'.repeat(64)}`,
  'content-type': 'application/json',
};
const event = {
  entity: { id: 'r1' },
  entity_type: 'reservation',
  event_type: 'updated',
  updates: [{ field: 'status', previous: 'CONFIRMED' }],
};

describe('webhook payload validation', () => {
  it('accepts an event batch that matches the spec’s webhooks section', () => {
    expect(validator.validateWebhook(JSON.stringify([event]), signature)).toEqual({
      operationId: 'receiveReservationEvent',
      valid: true,
      violations: [],
    });
  });

  it('catches a bad event, pointing at the event and field', () => {
    const result = validator.validateWebhook(
      [event, { ...event, event_type: 'seated', entity: undefined }],
      signature,
    );
    expect(result.violations.map(formatViolation).sort()).toEqual([
      '[receiveReservationEvent] webhook.body /1/entity: field is required',
      '[receiveReservationEvent] webhook.body /1/event_type: field must be one of "created", "updated", "deleted"',
    ]);
  });

  it('catches a body that is not the documented array, and a missing signature header', () => {
    const result = validator.validateWebhook(JSON.stringify(event), { 'content-type': 'application/json' });
    expect(result.violations.map(formatViolation)).toEqual([
      '[receiveReservationEvent] webhook.headers /x-sevenrooms-mock-signature: header is required',
      '[receiveReservationEvent] webhook.body: field must be array',
    ]);
  });

  it('reports an unknown webhook name', () => {
    expect(validator.validateWebhook('[]', undefined, 'tableEvent').violations.map(formatViolation)).toEqual([
      '[no operation] match: no webhook named tableEvent in the spec',
    ]);
  });
});

describe('webhook payloads against the SevenRooms spec', () => {
  const real = createContractValidator(loadSpec().doc);
  const examples = Object.entries(
    (real.webhooks[0]?.operation.requestBody?.content?.['application/json']?.examples ?? {}) as Record<
      string,
      { value: unknown }
    >,
  );
  const headers = {
    'X-SevenRooms-Mock-Signature': `t=1796662800,v1=${'0'.repeat(64)}`,
    'X-SevenRooms-Mock-Event-Id': 'evt_1',
    'X-SevenRooms-Mock-Delivery-Attempt': '1',
  };

  it('accepts every example event batch the spec documents', () => {
    expect(examples.length).toBeGreaterThan(0);
    for (const [, example] of examples) expect(real.validateWebhook(example.value).violations).toEqual([]);
  });

  it('catches an event of an unknown entity type', () => {
    const [[, example] = ['', { value: [] }]] = examples;
    const batch = structuredClone(example.value) as Array<Record<string, unknown>>;
    batch[0]!.entity_type = 'table';
    const result = real.validateWebhook(JSON.stringify(batch), headers);
    expect(result.valid).toBe(false);
    expect(result.operationId).toBe('receiveSevenroomsEvent');
    expect(result.violations.some((v) => v.in === 'webhook.body' && v.pointer.startsWith('/0'))).toBe(true);
  });

  it('catches an empty batch', () => {
    expect(real.validateWebhook('[]', headers).violations.map(formatViolation)).toEqual([
      '[receiveSevenroomsEvent] webhook.body: field must NOT have fewer than 1 items',
    ]);
  });
});
