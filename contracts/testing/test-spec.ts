import type { oas31 } from 'openapi3-ts';

/**
 * A small hand-written OpenAPI 3.1 fragment shaped like the SevenRooms spec (stripe-mock's
 * `testSpec` idea): enough operations, headers, a 204, a form body and a webhook to unit-test the
 * validator, reporters and suite plumbing without the full spec.
 */
export function createTestSpec(): oas31.OpenAPIObject {
  const rateHeaders = {
    'X-RateLimit-Limit': { $ref: '#/components/headers/RateLimitLimit' },
    'X-RateLimit-Remaining': { required: true, schema: { type: 'integer', minimum: 0 } },
  };
  const error = (description: string) => ({
    description,
    headers: rateHeaders,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  });
  const ok = (data: oas31.SchemaObject | oas31.ReferenceObject) => ({
    description: 'OK',
    headers: rateHeaders,
    content: {
      'application/json': {
        schema: {
          type: 'object',
          required: ['status', 'data'],
          properties: { status: { type: 'integer' }, data, request_id: { type: 'string' } },
        },
      },
    },
  });
  const idParam = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
  return {
    openapi: '3.1.0',
    info: { title: 'test', version: '1' },
    servers: [{ url: 'https://api.example.test/2_4' }],
    security: [{ AuthToken: [] }],
    paths: {
      '/auth': {
        post: {
          operationId: 'authenticate',
          security: [],
          requestBody: {
            required: true,
            content: {
              'application/x-www-form-urlencoded': {
                schema: {
                  type: 'object',
                  required: ['client_id', 'client_secret'],
                  properties: { client_id: { type: 'string' }, client_secret: { type: 'string' } },
                },
              },
            },
          },
          responses: {
            '200': ok({ type: 'object', required: ['token'], properties: { token: { type: 'string' } } }),
            '401': error('Bad credentials'),
          },
        },
      },
      '/venues': {
        get: {
          operationId: 'listVenues',
          parameters: [
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1 } },
            { name: 'cursor', in: 'query', schema: { type: 'string' } },
          ],
          responses: {
            '200': ok({
              type: 'object',
              required: ['results', 'limit'],
              properties: {
                results: { type: 'array', items: { $ref: '#/components/schemas/Venue' } },
                cursor: { type: ['string', 'null'] },
                limit: { type: 'integer' },
              },
            }),
            '401': error('Unauthorized'),
          },
        },
      },
      '/venues/{venue_id}': {
        parameters: [idParam('venue_id')],
        get: {
          operationId: 'getVenue',
          responses: { '200': ok({ $ref: '#/components/schemas/Venue' }), '404': error('Not found') },
        },
      },
      '/venues/{venue_id}/book': {
        parameters: [idParam('venue_id')],
        put: {
          operationId: 'bookVenueReservation',
          requestBody: {
            required: true,
            content: {
              'application/x-www-form-urlencoded': {
                schema: {
                  type: 'object',
                  required: ['date', 'time', 'party_size'],
                  properties: {
                    date: { type: 'string', format: 'date' },
                    time: { type: 'string', pattern: '^\\d{2}:\\d{2}$' },
                    party_size: { type: 'integer', minimum: 1 },
                    send_client_email: { type: 'boolean' },
                    table_codes: { type: 'array', items: { type: 'string' } },
                  },
                },
              },
            },
          },
          responses: {
            '200': ok({
              type: 'object',
              required: ['reservation_id'],
              properties: { reservation_id: { type: 'string' } },
            }),
            '400': error('Bad request'),
          },
        },
      },
      '/clients/{client_id}': {
        get: {
          operationId: 'getClient',
          parameters: [idParam('client_id')],
          responses: { '200': ok({ type: 'object' }), '404': error('Not found') },
        },
      },
      '/clients/export': {
        get: { operationId: 'exportClients', responses: { '200': ok({ type: 'object' }) } },
      },
      '/concierge/{concierge_id}/availability/dining': {
        get: {
          operationId: 'getConciergeDiningAvailability',
          parameters: [
            idParam('concierge_id'),
            { name: 'date', in: 'query', required: true, schema: { type: 'string', format: 'date' } },
            { name: 'party_size', in: 'query', required: true, schema: { type: 'integer', minimum: 1 } },
          ],
          responses: {
            '200': ok({ type: 'object' }),
            '204': { description: 'No slots', headers: rateHeaders },
          },
        },
      },
      '/reservations/{reservation_id}': {
        delete: {
          operationId: 'cancelReservation',
          parameters: [idParam('reservation_id')],
          responses: {
            '200': ok({ type: 'object' }),
            '400': error('Already cancelled'),
            '4XX': error('Other client error'),
          },
        },
      },
    },
    webhooks: {
      reservationEvent: {
        post: {
          operationId: 'receiveReservationEvent',
          parameters: [
            {
              name: 'X-SevenRooms-Mock-Signature',
              in: 'header',
              required: true,
              schema: { type: 'string', pattern: '^t=\\d+,v1=[0-9a-f]{64}$' },
            },
          ],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['entity', 'entity_type', 'event_type'],
                    properties: {
                      entity: { type: 'object' },
                      entity_type: { enum: ['reservation', 'client'] },
                      event_type: { enum: ['created', 'updated', 'deleted'] },
                      updates: { type: 'array' },
                    },
                  },
                },
              },
            },
          },
          responses: { '200': { description: 'Received' } },
        },
      },
    },
    components: {
      securitySchemes: { AuthToken: { type: 'apiKey', in: 'header', name: 'Authorization' } },
      headers: { RateLimitLimit: { required: true, schema: { type: 'integer', minimum: 1 } } },
      schemas: {
        Venue: {
          type: 'object',
          required: ['id', 'name'],
          properties: {
            id: { type: 'string' },
            name: { type: ['string', 'null'] },
            max_guests: { type: ['integer', 'null'] },
          },
        },
        Error: {
          type: 'object',
          required: ['status', 'code', 'msg'],
          properties: {
            status: { type: 'integer' },
            code: { type: 'integer' },
            msg: { type: 'string' },
            request_id: { type: 'string' },
          },
        },
      },
    },
  } as oas31.OpenAPIObject;
}
