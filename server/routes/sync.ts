import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  NEXT_CURSOR_HEADER,
  PROTOCOL_VERSION,
  PullRequest,
  PushRequest,
  SSE_EVENTS,
  SSE_HEARTBEAT_MS,
} from '../../shared/sync/protocol';
import { PACK_FORMAT, packPage } from '../../shared/sync/packed';
import { ANY_ROLE, userOf } from '../http/access';
import { sendError } from '../http/errors';
import { pull } from '../sync/pull';
import { push } from '../sync/push';
import type { ServerContext } from '../context';

/** Versions as an SSE event id ("w1=12,w2=40"), so a reconnect says what the client had already been told. */
const encodeVersions = (versions: Map<string, number>) =>
  [...versions].map(([w, v]) => `${encodeURIComponent(w)}=${v}`).join(',');

function decodeVersions(id: string | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const part of (id ?? '').split(',')) {
    const [w, v] = part.split('=');
    if (w && v && Number.isFinite(Number(v))) out.set(decodeURIComponent(w), Number(v));
  }
  return out;
}

export const syncRoutes =
  (ctx: ServerContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/sync/pull',
      { schema: { body: PullRequest }, config: { access: ANY_ROLE } },
      async (request, reply) => {
        if (request.body.protocolVersion > PROTOCOL_VERSION) {
          return sendError(
            reply,
            400,
            'unsupported_protocol',
            `server speaks sync protocol ${PROTOCOL_VERSION}`,
          );
        }
        const page = await pull(ctx, userOf(request), request.body);
        // Sent before the body (which is then serialised and compressed), so the desk's next request overlaps it.
        if (page.type === 'page' && page.hasMore) reply.header(NEXT_CURSOR_HEADER, page.cursor);
        return page.type === 'page' && request.body.packed === PACK_FORMAT ? packPage(page) : page;
      },
    );

    app.post(
      '/api/sync/push',
      { schema: { body: PushRequest }, config: { access: ANY_ROLE } },
      async (request, reply) => {
        if (request.body.protocolVersion > PROTOCOL_VERSION) {
          return sendError(
            reply,
            400,
            'unsupported_protocol',
            `server speaks sync protocol ${PROTOCOL_VERSION}`,
          );
        }
        const result = await push(ctx, userOf(request), request.body, { address: request.ip });
        return result;
      },
    );

    app.get('/api/sync/events', { config: { access: ANY_ROLE } }, async (request, reply) => {
      const user = userOf(request);
      const seen = decodeVersions(request.headers['last-event-id'] as string | undefined);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        ...ctx.corsHeaders(request.headers.origin),
      });
      const send = (event: string, data: string, id?: string) =>
        res.write(`${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${data}\n\n`);
      res.write(`retry: 2000\n\n`);

      const current = await ctx.hub.versions(user.warehouseIds);
      for (const w of current.keys()) if (!seen.has(w)) seen.set(w, 0);
      // Resume: anything committed since the versions the client last heard about is announced at once.
      const behind = [...current].some(([w, v]) => v > (seen.get(w) ?? 0));
      for (const [w, v] of current) seen.set(w, v);
      if (behind || !request.headers['last-event-id']) send(SSE_EVENTS.poke, '{}', encodeVersions(seen));

      const unsubscribe = ctx.hub.subscribe(user.warehouseIds, (warehouseId, version) => {
        if (version <= (seen.get(warehouseId) ?? 0)) return;
        seen.set(warehouseId, version);
        send(SSE_EVENTS.poke, JSON.stringify({ warehouseId, version }), encodeVersions(seen));
      });
      const heartbeat = setInterval(
        () => send(SSE_EVENTS.heartbeat, String(ctx.now())),
        ctx.heartbeatMs ?? SSE_HEARTBEAT_MS,
      );
      const close = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
      res.on('close', close);
      ctx.onShutdown(() => {
        close();
        res.end();
      });
    });
  };
