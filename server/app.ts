// Builds the Fastify application from its parts. Starting, seeding and the engine loop live in start.ts so
// tests can build an app around any database and clock.
import compress from '@fastify/compress';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { constants as zlib } from 'node:zlib';
import type { ServerContext } from './context';
import { registerAccessControl } from './http/access';
import { registerWriteAudit } from './http/write-audit';
import { registerErrorHandler } from './http/errors';
import { registerStatic } from './http/static';
import { adminRoutes } from './routes/admin';
import { analyticsRoutes } from './routes/analytics';
import { authRoutes } from './routes/auth';
import { caseRoutes } from './routes/cases';
import { clockRoutes } from './routes/clocks';
import { forecastRoutes } from './routes/forecast';
import { healthRoutes } from './routes/health';
import { orderRoutes } from './routes/orders';
import { riskFlagRoutes } from './routes/risk-flags';
import { ruleRoutes } from './routes/rules';
import { surgeRoutes } from './routes/surge';
import { syncRoutes } from './routes/sync';

export const BODY_LIMIT_BYTES = 2 * 1024 * 1024;

export interface AppOptions {
  staticDir?: string | null;
  logger?: boolean;
}

export async function buildApp(ctx: ServerContext, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: 'info' } : false,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  app.addHook('onRequest', async (request, reply) => {
    void reply.headers({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      ...ctx.corsHeaders(request.headers.origin),
    });
    if (request.method === 'OPTIONS' && request.url.startsWith('/api/')) {
      return reply.code(204).send();
    }
  });
  // Brotli quality 1: a 5,000-case pull page (2.4 MB packed) compresses in 14 ms instead of 44 at quality 4, for
  // 13 % more bytes (12 MB instead of 10.7 for a 100,000-case first sync); the server's CPU is what a first
  // sync waits on, and it is shared by every desk (docs/performance.md).
  await app.register(compress, {
    threshold: 2048,
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 1 } },
  });
  registerAccessControl(app, ctx.db, ctx.now);
  registerWriteAudit(app, ctx);
  await app.register(healthRoutes(ctx));
  await app.register(authRoutes(ctx));
  await app.register(syncRoutes(ctx));
  await app.register(caseRoutes(ctx));
  await app.register(orderRoutes(ctx));
  await app.register(ruleRoutes(ctx));
  await app.register(clockRoutes(ctx));
  await app.register(riskFlagRoutes(ctx));
  await app.register(analyticsRoutes(ctx));
  await app.register(surgeRoutes(ctx));
  await app.register(adminRoutes(ctx));
  await app.register(forecastRoutes(ctx));
  if (options.staticDir) await registerStatic(app, options.staticDir);
  return app;
}
