import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Hono } from 'hono';
import type { MockEnv } from './routes/context.js';

export interface ListeningServer {
  /** e.g. `http://127.0.0.1:4010` */
  url: string;
  port: number;
  server: ServerType;
  close(): Promise<void>;
}

/** Binds a built mock to a port (0 picks a free one) and resolves once it is listening. */
export function listen(
  mock: { app: Hono<MockEnv>; close(): Promise<void> },
  options: { port?: number; host?: string } = {},
): Promise<ListeningServer> {
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: mock.app.fetch, port: options.port ?? 4010, hostname: host },
      (info: AddressInfo) => {
        const urlHost = info.family === 'IPv6' ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${urlHost}:${info.port}`,
          port: info.port,
          server,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => done());
              (server as { closeAllConnections?: () => void }).closeAllConnections?.();
            }).then(() => mock.close()),
        });
      },
    );
    server.once('error', reject);
  });
}
