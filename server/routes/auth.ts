import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LoginRequest } from '../../shared/schemas/auth';
import { login, revoke } from '../auth/sessions';
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
        const session = await login(
          ctx.db,
          request.body.username,
          request.body.password,
          ctx.tokenTtlMs,
          ctx.now(),
        );
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
