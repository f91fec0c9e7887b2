// Every REST write lands in the audit log with who, what, when, from where and how it ended. Login and sync push
// record their own entries (per attempt, and per mutation inside the push transaction), so they are skipped here.
import type { FastifyInstance } from 'fastify';
import { audit } from '../audit/audit';
import type { ServerContext } from '../context';

const SELF_AUDITED = new Set(['/api/auth/login', '/api/sync/push', '/api/sync/pull']);

export function registerWriteAudit(app: FastifyInstance, ctx: ServerContext): void {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url;
    if (!route?.startsWith('/api/') || SELF_AUDITED.has(route)) return;
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return;
    const params = (request.params ?? {}) as Record<string, string>;
    try {
      await audit(ctx.db, {
        at: ctx.now(),
        userId: request.user?.id ?? null,
        username: request.user?.username ?? null,
        warehouseId: params.warehouseId ?? null,
        action: `${request.method} ${route}`,
        target: params.id ?? params.warehouseId ?? null,
        address: request.ip,
        outcome: String(reply.statusCode),
      });
    } catch (err) {
      request.log.error({ err }, 'audit write failed');
    }
  });
}
