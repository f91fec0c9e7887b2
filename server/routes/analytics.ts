// Review and planning (brief F13, F15): dashboards, the shift handover report, the promotion capacity plan,
// and the warehouse settings a lead controls (compensation approval limit, surge overflow assignment).
import { z } from 'zod';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EpochMs, Id } from '../../shared/schemas/primitives';
import { capacityPlan } from '../analytics/capacity';
import { dashboard } from '../analytics/dashboard';
import { handover } from '../analytics/handover';
import { cases, warehouses } from '../db/schema';
import { ANY_ROLE, userOf } from '../http/access';
import { sendError } from '../http/errors';
import { writeTransaction } from '../sync/write-tx';
import type { ServerContext } from '../context';

const Params = z.object({ warehouseId: Id });
const DAY = 24 * 3_600_000;
const Range = z.object({
  from: z.coerce.number().pipe(EpochMs).optional(),
  to: z.coerce.number().pipe(EpochMs).optional(),
});

export const analyticsRoutes =
  (ctx: ServerContext): FastifyPluginAsyncZod =>
  async (app) => {
    const warehouseOf = async (id: string) =>
      (await ctx.db.select().from(warehouses).where(eq(warehouses.id, id)))[0];
    const period = (warehouseId: string, timezone: string, q: z.infer<typeof Range>, days: number) => {
      const to = q.to ?? ctx.now();
      return { warehouseId, timezone, from: new Date(q.from ?? to - days * DAY), to: new Date(to) };
    };

    app.get(
      '/api/warehouses/:warehouseId/analytics',
      { schema: { params: Params, querystring: Range }, config: { access: ANY_ROLE } },
      async (request, reply) => {
        const { warehouseId } = request.params;
        const wh = userOf(request).warehouseIds.includes(warehouseId)
          ? await warehouseOf(warehouseId)
          : undefined;
        if (!wh) return sendError(reply, 404, 'not_found', 'no such warehouse');
        return dashboard(ctx.db, period(warehouseId, wh.timezone, request.query, 7), new Date(ctx.now()));
      },
    );

    app.get(
      '/api/warehouses/:warehouseId/handover',
      { schema: { params: Params, querystring: Range }, config: { access: ANY_ROLE } },
      async (request, reply) => {
        const { warehouseId } = request.params;
        const wh = userOf(request).warehouseIds.includes(warehouseId)
          ? await warehouseOf(warehouseId)
          : undefined;
        if (!wh) return sendError(reply, 404, 'not_found', 'no such warehouse');
        // Default: the last eight hours, one shift.
        return handover(ctx.db, period(warehouseId, wh.timezone, request.query, 1 / 3), new Date(ctx.now()));
      },
    );

    app.get(
      '/api/warehouses/:warehouseId/capacity-plan',
      {
        schema: { params: Params, querystring: z.object({ promotionId: Id.optional() }) },
        config: { access: ANY_ROLE },
      },
      async (request, reply) => {
        const { warehouseId } = request.params;
        if (!userOf(request).warehouseIds.includes(warehouseId))
          return sendError(reply, 404, 'not_found', 'no such warehouse');
        return capacityPlan(ctx.db, warehouseId, request.query.promotionId ?? null, new Date(ctx.now()));
      },
    );

    app.put(
      '/api/warehouses/:warehouseId/settings',
      {
        schema: {
          params: Params,
          body: z.object({
            autoAssign: z.boolean().optional(),
            compensationLimitFen: z.number().int().min(0).max(10_000_000).optional(),
          }),
        },
        config: { access: ['lead', 'admin'] },
      },
      async (request, reply) => {
        const { warehouseId } = request.params;
        if (!userOf(request).warehouseIds.includes(warehouseId))
          return sendError(reply, 404, 'not_found', 'no such warehouse');
        return writeTransaction(ctx.db, async (scope) => {
          const v = await scope.version(warehouseId);
          const [row] = await scope.tx
            .update(warehouses)
            .set({ ...request.body, rowVersion: v })
            .where(eq(warehouses.id, warehouseId))
            .returning();
          // The limit travels with each case: open cases are sent again so desks apply the new one.
          if (request.body.compensationLimitFen !== undefined) {
            await scope.tx
              .update(cases)
              .set({ rowVersion: v })
              .where(and(eq(cases.warehouseId, warehouseId), sql`${cases.status} = 'open'`));
          }
          return { autoAssign: row?.autoAssign, compensationLimitFen: row?.compensationLimitFen };
        });
      },
    );
  };
