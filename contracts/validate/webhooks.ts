import type { oas31 } from 'openapi3-ts';
import { resolveRef } from '../../mock-server/spec/load-spec.js';
import { describeOperation, type OperationInfo } from './operations.js';

/** One entry of the spec's top-level `webhooks`: the POST it describes. */
export interface WebhookInfo {
  /** The key under `webhooks`. */
  name: string;
  operation: OperationInfo;
}

/** Lists the POST operations of `doc.webhooks`; an entry without one fails loudly. */
export function collectWebhooks(doc: oas31.OpenAPIObject): WebhookInfo[] {
  return Object.entries(doc.webhooks ?? {}).map(([name, raw]) => {
    const item = resolveRef<oas31.PathItemObject>(doc, raw);
    const post = item.post;
    if (!post) throw new Error(`webhooks.${name}: only POST webhooks are supported`);
    const operation = describeOperation(doc, 'post', `webhook:${name}`, item, {
      ...post,
      operationId: post.operationId ?? `webhook:${name}`,
    });
    return { name, operation };
  });
}
