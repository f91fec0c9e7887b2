// Platform rules and promotions: everyone reads them (the UI explains deadlines and penalties with them),
// admins change them, and a change reaches every unfinished order and its open case.
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PlatformRule, Promotion } from '../../shared/rules/platform-rules';
import { Id } from '../../shared/schemas/primitives';
import { platformRules, promotions } from '../db/schema';
import { ANY_ROLE } from '../http/access';
import { sendError } from '../http/errors';
import { recomputeUnfinished } from '../orders/recompute';
import { loadRuleBook } from '../orders/rulebook';
import type { ServerContext } from '../context';

const ADMIN = ['admin'] as const;

export const ruleRoutes =
  (ctx: ServerContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/rules', { config: { access: ANY_ROLE } }, async () => loadRuleBook(ctx.db));

    app.put(
      '/api/admin/rules/:id',
      {
        schema: { params: z.object({ id: Id }), body: PlatformRule.omit({ id: true }) },
        config: { access: ADMIN },
      },
      async (request) => {
        const rule = { ...request.body, id: request.params.id };
        await ctx.db
          .insert(platformRules)
          .values({ ...rule, updatedAt: new Date(ctx.now()) })
          .onConflictDoUpdate({
            target: platformRules.id,
            set: { ...request.body, updatedAt: new Date(ctx.now()) },
          });
        return { rule, ordersUpdated: await recomputeUnfinished(ctx.db, ctx.now()) };
      },
    );

    app.post(
      '/api/admin/promotions',
      {
        schema: {
          body: Promotion.omit({ id: true }).refine(
            (p) => p.paidFrom <= p.paidUntil,
            'paidFrom must not be after paidUntil',
          ),
        },
        config: { access: ADMIN },
      },
      async (request) => {
        const promotion = { ...request.body, id: crypto.randomUUID() };
        await ctx.db.insert(promotions).values({
          ...promotion,
          paidFrom: new Date(promotion.paidFrom),
          paidUntil: new Date(promotion.paidUntil),
          shipBy: new Date(promotion.shipBy),
        });
        return { promotion, ordersUpdated: await recomputeUnfinished(ctx.db, ctx.now()) };
      },
    );

    app.delete(
      '/api/admin/promotions/:id',
      { schema: { params: z.object({ id: Id }) }, config: { access: ADMIN } },
      async (request, reply) => {
        const deleted = await ctx.db
          .delete(promotions)
          .where(eq(promotions.id, request.params.id))
          .returning();
        if (!deleted.length) return sendError(reply, 404, 'not_found', 'no such promotion');
        return { ordersUpdated: await recomputeUnfinished(ctx.db, ctx.now()) };
      },
    );
  };
