import type { Clock } from '../clock.js';
import type { Catalog } from '../domain/model.js';
import type { RequestJournal } from '../journal/journal.js';
import type { FaultController } from '../middleware/faults.js';
import type { RateLimitController } from '../middleware/rate-limit.js';
import type { MockContext } from '../routes/context.js';
import type { Store } from '../store/store.js';
import type { WebhookService } from '../webhooks/webhook-service.js';
import type { ApplyHook } from '../world/world.js';
import type { WorldManager } from '../world/registry.js';

/** What the control handlers drive. `store` is read through a getter: reset replaces it. */
export interface ControlDeps {
  readonly store: Store;
  clock: Clock;
  catalog: Catalog;
  seed: number;
  reset(): void;
  journal: RequestJournal;
  rateLimits: RateLimitController;
  faults: FaultController;
  webhooks: WebhookService;
  /** Persistence's wrapper around each state change (see world/world.ts); absent when nothing persists. */
  readonly apply?: ApplyHook | undefined;
  /** World management; only the server's root control API has it (`/_mock/worlds`). */
  worlds?: WorldManager | undefined;
}

export interface ControlRequest {
  c: MockContext;
  deps: ControlDeps;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: Record<string, unknown>;
}

export type ControlHandler = (req: ControlRequest) => Response | Promise<Response>;
export type ControlHandlerTable = Readonly<Record<string, ControlHandler>>;

export const okStatus = (c: MockContext, status: 200 | 201 = 200) => c.json({ status: 'ok' }, status);
