// The surge area's routes (brief F15) that the review routes do not already have: editing a promotion in place,
// reading the warehouse settings, the coordinators' load that overflow assignment balances, and the staffing a
// lead plans per zone for a promotion's days (kept in server_meta: a small document per warehouse and plan,
// read and written whole, so it needs no table of its own).
import { z } from 'zod';
import { eq, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Promotion } from '../../shared/rules/platform-rules';
import { Id } from '../../shared/schemas/primitives';
import {
  StaffingInput,
  StaffingQuery,
  type CoordinatorLoadReply,
  type StaffingPlan,
  type WarehouseSettings,
} from '../../shared/schemas/surge';
import { ON_SHIFT_WINDOW_MS } from '../analytics/overflow';
import { queryRows } from '../db/open';
import { promotions, serverMeta, warehouses } from '../db/schema';
import { ANY_ROLE, userOf } from '../http/access';
import { sendError } from '../http/errors';
import { recomputeUnfinished } from '../orders/recompute';
import type { ServerContext } from '../context';

const Params = z.object({ warehouseId: Id });
const LEADS = ['lead', 'admin'] as const;

const staffingKey = (warehouseId: string, promotionId: string | null) =>
  `staffing:${warehouseId}:${promotionId ?? 'normal'}`;

export const surgeRoutes =
  (ctx: ServerContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.put(
      '/api/admin/promotions/:id',
      {
        schema: {
          params: z.object({ id: Id }),
          body: Promotion.omit({ id: true }).refine(
            (p) => p.paidFrom <= p.paidUntil,
            'paidFrom must not be after paidUntil',
          ),
        },
        config: { access: ['admin'] },
      },
      async (request, reply) => {
        const b = request.body;
        const updated = await ctx.db
          .update(promotions)
          .set({
            name: b.name,
            platforms: b.platforms,
            paidFrom: new Date(b.paidFrom),
            paidUntil: new Date(b.paidUntil),
            shipBy: new Date(b.shipBy),
          })
          .where(eq(promotions.id, request.params.id))
          .returning();
        if (!updated.length) return sendError(reply, 404, 'not_found', 'no such promotion');
        // Same as creating one: unfinished orders in the window take the new ship-by.
        return {
          promotion: { ...b, id: request.params.id },
          ordersUpdated: await recomputeUnfinished(ctx.db, ctx.now()),
        };
      },
    );

    app.get(
      '/api/warehouses/:warehouseId/settings',
      { schema: { params: Params }, config: { access: ANY_ROLE } },
      async (request, reply): Promise<WarehouseSettings | undefined> => {
        const [row] = await ctx.db
          .select({
            autoAssign: warehouses.autoAssign,
            compensationLimitFen: warehouses.compensationLimitFen,
          })
          .from(warehouses)
          .where(eq(warehouses.id, request.params.warehouseId));
        if (!row) return sendError(reply, 404, 'not_found', 'no such warehouse');
        return row;
      },
    );

    app.get(
      '/api/warehouses/:warehouseId/coordinator-load',
      { schema: { params: Params }, config: { access: LEADS } },
      async (request): Promise<CoordinatorLoadReply> => {
        const { warehouseId } = request.params;
        const since = new Date(ctx.now() - ON_SHIFT_WINDOW_MS);
        // The same notion of load and of "on shift" as assignOverflow, so the lead sees what it will do.
        const rows = await queryRows<{
          id: string;
          display_name: string;
          load: string;
          last_seen: Date | string | null;
        }>(
          ctx.db,
          sql`select u.id, u.display_name,
                (select count(*) from cases c where c.assignee_id = u.id and c.status = 'open'
                   and c.warehouse_id = ${warehouseId}) as load,
                (select max(s.last_seen_at) from sync_clients s where s.user_id = u.id) as last_seen
              from users u join user_warehouses uw on uw.user_id = u.id
              where uw.warehouse_id = ${warehouseId} and u.role = 'coordinator' and not u.disabled
              order by u.display_name, u.id`,
        );
        const [waiting] = await queryRows<{ n: string }>(
          ctx.db,
          sql`select count(*) as n from cases
              where warehouse_id = ${warehouseId} and status = 'open' and assignee_id is null`,
        );
        return {
          onShiftWindowMs: ON_SHIFT_WINDOW_MS,
          unassignedOpen: Number(waiting?.n ?? 0),
          coordinators: rows.map((r) => {
            const lastSeenAt = r.last_seen === null ? null : new Date(r.last_seen).getTime();
            return {
              id: r.id,
              displayName: r.display_name,
              load: Number(r.load),
              onShift: lastSeenAt !== null && lastSeenAt >= since.getTime(),
              lastSeenAt,
            };
          }),
        };
      },
    );

    app.get(
      '/api/warehouses/:warehouseId/capacity-plan/staffing',
      { schema: { params: Params, querystring: StaffingQuery }, config: { access: ANY_ROLE } },
      async (request): Promise<StaffingPlan> => {
        const promotionId = request.query.promotionId ?? null;
        const [row] = await ctx.db
          .select()
          .from(serverMeta)
          .where(eq(serverMeta.key, staffingKey(request.params.warehouseId, promotionId)));
        if (!row) return { promotionId, zones: [], updatedAt: null, updatedBy: null };
        return JSON.parse(row.value) as StaffingPlan;
      },
    );

    app.put(
      '/api/warehouses/:warehouseId/capacity-plan/staffing',
      { schema: { params: Params, body: StaffingInput }, config: { access: LEADS } },
      async (request, reply): Promise<StaffingPlan | undefined> => {
        const { warehouseId } = request.params;
        const { promotionId } = request.body;
        if (promotionId !== null) {
          const [promo] = await ctx.db
            .select({ id: promotions.id })
            .from(promotions)
            .where(eq(promotions.id, promotionId));
          if (!promo) return sendError(reply, 404, 'not_found', 'no such promotion');
        }
        const plan: StaffingPlan = {
          promotionId,
          zones: request.body.zones,
          updatedAt: ctx.now(),
          updatedBy: userOf(request).id,
        };
        const value = JSON.stringify(plan);
        await ctx.db
          .insert(serverMeta)
          .values({ key: staffingKey(warehouseId, promotionId), value })
          .onConflictDoUpdate({ target: serverMeta.key, set: { value } });
        return plan;
      },
    );
  };
