import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LoginRequest } from '../../shared/schemas/auth';
import { lockFor, recordAttempt } from '../auth/rate-limit';
import { login, revoke } from '../auth/sessions';
import { audit } from '../audit/audit';
import { ANY_ROLE, userOf } from '../http/access';
import { sendError } from '../http/errors';
import type { ServerContext } from '../context';

export const authRoutes =
  (ctx: ServerContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/auth/login',
      { schema: { body: LoginRequest }, config: { access: 'public' } },
      async (request, reply) => {
        const { username, password } = request.body;
        const now = ctx.now();
        const address = request.ip;
        const lock = await lockFor(ctx.db, username, address, now);
        if (lock) {
          await audit(ctx.db, {
            at: now,
            userId: null,
            username,
            action: 'login',
            address,
            outcome: `locked:${lock.reason}`,
          });
          void reply.header('retry-after', String(Math.max(1, Math.ceil((lock.until - now) / 1000))));
          const message =
            lock.reason === 'account'
              ? 'too many failed logins for this account; try again later or ask an admin'
              : 'too many failed logins from this address; try again later';
          return sendError(reply, 429, 'login_locked', message, { until: lock.until, reason: lock.reason });
        }
        const session = await login(ctx.db, username, password, ctx.tokenTtlMs, now);
        await recordAttempt(ctx.db, username, address, Boolean(session), now);
        await audit(ctx.db, {
          at: now,
          userId: session?.user.id ?? null,
          username,
          action: 'login',
          address,
          outcome: session ? 'ok' : 'invalid_credentials',
        });
        if (!session) {
          // A fixed delay on every failure slows guessing without telling a wrong user from a wrong password.
          await new Promise((resolve) => setTimeout(resolve, ctx.loginFailureDelayMs));
          return sendError(reply, 401, 'invalid_credentials', 'wrong username or password');
        }
        return session;
      },
    );

    app.post('/api/auth/logout', { config: { access: ANY_ROLE } }, async (request) => {
      if (request.token) await revoke(ctx.db, request.token, ctx.now());
      return { ok: true };
    });

    app.get('/api/me', { config: { access: ANY_ROLE } }, async (request) => ({ user: userOf(request) }));
  };
