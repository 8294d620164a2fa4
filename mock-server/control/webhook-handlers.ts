import { notFound } from '../errors.js';
import type { DeliveryState, WebhookEndpointConfig } from '../webhooks/types.js';
import { describeDelivery, frozenClockNote } from '../webhooks/frozen-clock.js';
import { okStatus, type ControlHandlerTable } from './context.js';

export const webhookHandlers: ControlHandlerTable = {
  listWebhookEndpoints: ({ c, deps }) => c.json({ endpoints: deps.webhooks.endpoints.list() }),

  addWebhookEndpoint: ({ c, deps, body }) =>
    c.json(deps.webhooks.endpoints.add(body as unknown as WebhookEndpointConfig), 201),

  removeWebhookEndpoint({ c, deps, params }) {
    if (!deps.webhooks.endpoints.remove(params.endpoint_id!))
      throw notFound(`Webhook endpoint ${params.endpoint_id} not found`);
    return okStatus(c);
  },

  listWebhookDeliveries({ c, deps, query }) {
    const deliveries = deps.webhooks.deliveries.list({
      ...(query.endpoint_id === undefined ? {} : { endpointId: String(query.endpoint_id) }),
      ...(query.state === undefined ? {} : { state: query.state as DeliveryState }),
      ...(query.entity_id === undefined ? {} : { entityId: String(query.entity_id) }),
      ...(typeof query.limit === 'number' ? { limit: query.limit } : {}),
    });
    const note = frozenClockNote(deliveries, deps.clock);
    return c.json({
      deliveries: deliveries.map((d) => describeDelivery(d, deps.clock)),
      ...(note === null ? {} : { note }),
    });
  },

  getWebhookDelivery({ c, deps, params }) {
    const delivery = deps.webhooks.deliveries.get(params.delivery_id!);
    if (!delivery) throw notFound(`Delivery ${params.delivery_id} not found`);
    return c.json(describeDelivery(delivery, deps.clock));
  },

  redeliverWebhook: ({ c, deps, params }) =>
    c.json(deps.webhooks.deliveries.redeliver(params.delivery_id!), 201),
};
