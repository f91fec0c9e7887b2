import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServerContext } from '../context';

export const healthRoutes =
  (ctx: ServerContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/health', { config: { access: 'public' } }, async () => ({
      ok: true,
      serverTime: ctx.now(),
      sseConnections: ctx.hub.connections,
    }));
  };
