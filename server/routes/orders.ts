// Order ingestion over REST (brief F1): one order, a batch, and order events. Callers are integration
// accounts (role admin) scoped to their warehouses like everyone else.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OrderEvent, OrderInput, ORDER_BATCH_MAX } from '../../shared/schemas/order-input';
import { Id } from '../../shared/schemas/primitives';
import { userOf } from '../http/access';
import { sendError } from '../http/errors';
import { applyOrderEvents } from '../orders/events';
import { ingestOrders } from '../orders/ingest';
import type { ServerContext } from '../context';

const WarehouseParams = z.object({ warehouseId: Id });
const INGEST = ['admin'] as const;

export const orderRoutes =
  (ctx: ServerContext): FastifyPluginAsyncZod =>
  async (app) => {
    const inScope = (warehouseIds: readonly string[], id: string) => warehouseIds.includes(id);

    app.post(
      '/api/warehouses/:warehouseId/orders',
      { schema: { params: WarehouseParams, body: OrderInput }, config: { access: INGEST } },
      async (request, reply) => {
        const { warehouseId } = request.params;
        if (!inScope(userOf(request).warehouseIds, warehouseId))
          return sendError(reply, 404, 'not_found', 'no such warehouse');
        const r = await ingestOrders(ctx.db, warehouseId, [request.body], { now: ctx.now() });
        const refused = r.rejected[0];
        if (refused) return sendError(reply, 409, 'conflict', refused.reason);
        return { id: r.ids[0], result: r.new ? 'new' : r.updated ? 'updated' : 'unchanged', cases: r.cases };
      },
    );

    app.post(
      '/api/warehouses/:warehouseId/orders/batch',
      {
        // Each order is validated on its own: a bad one is reported by index and the good ones still import.
        schema: {
          params: WarehouseParams,
          body: z.object({ orders: z.array(z.unknown()).min(1).max(ORDER_BATCH_MAX) }),
        },
        config: { access: INGEST },
      },
      async (request, reply) => {
        const { warehouseId } = request.params;
        if (!inScope(userOf(request).warehouseIds, warehouseId))
          return sendError(reply, 404, 'not_found', 'no such warehouse');
        const valid: { index: number; order: OrderInput }[] = [];
        const rejected: { index: number; reason: string }[] = [];
        request.body.orders.forEach((raw, index) => {
          const parsed = OrderInput.safeParse(raw);
          if (parsed.success) valid.push({ index, order: parsed.data });
          else
            rejected.push({
              index,
              reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
            });
        });
        const r = await ingestOrders(
          ctx.db,
          warehouseId,
          valid.map((v) => v.order),
          { now: ctx.now(), batchSize: ORDER_BATCH_MAX },
        );
        const ids: (string | null)[] = request.body.orders.map(() => null);
        valid.forEach((v, i) => (ids[v.index] = r.ids[i] ?? null));
        for (const x of r.rejected) rejected.push({ index: valid[x.index]!.index, reason: x.reason });
        rejected.sort((a, b) => a.index - b.index);
        return { new: r.new, updated: r.updated, unchanged: r.unchanged, rejected, ids, cases: r.cases };
      },
    );

    app.post(
      '/api/warehouses/:warehouseId/order-events',
      {
        schema: {
          params: WarehouseParams,
          body: z.object({ events: z.array(OrderEvent).min(1).max(ORDER_BATCH_MAX) }),
        },
        config: { access: INGEST },
      },
      async (request, reply) => {
        const { warehouseId } = request.params;
        if (!inScope(userOf(request).warehouseIds, warehouseId))
          return sendError(reply, 404, 'not_found', 'no such warehouse');
        return { results: await applyOrderEvents(ctx.db, [warehouseId], request.body.events, ctx.now()) };
      },
    );
  };
