// Risk flags (brief F14): leads set them or import a CSV; every desk of the warehouse receives them by sync.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { RiskFlag } from '../../shared/schemas/risk';
import { Id } from '../../shared/schemas/primitives';
import { userOf } from '../http/access';
import { sendError } from '../http/errors';
import { addRiskFlags, checkFlag, importRiskFlags, removeRiskFlag } from '../planning/risk-flags';
import type { ServerContext } from '../context';

const LEADS = ['lead', 'admin'] as const;
const Params = z.object({ warehouseId: Id });
const Body = RiskFlag.omit({ id: true, warehouseId: true, createdBy: true, points: true }).extend({
  points: RiskFlag.shape.points.optional(),
  note: z.string().max(500).default(''),
});

export const riskFlagRoutes =
  (ctx: ServerContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/warehouses/:warehouseId/risk-flags',
      { schema: { params: Params, body: Body }, config: { access: LEADS } },
      async (request, reply) => {
        const user = userOf(request);
        const { warehouseId } = request.params;
        if (!user.warehouseIds.includes(warehouseId))
          return sendError(reply, 404, 'not_found', 'no such warehouse');
        const { points, ...rest } = request.body;
        const flag = {
          ...rest,
          ...(points !== undefined ? { points } : {}),
          warehouseId,
          createdBy: user.id,
        };
        const problem = checkFlag(flag);
        if (problem) return sendError(reply, 400, 'invalid_request', problem);
        const [stored] = await addRiskFlags(ctx.db, [flag]);
        return stored;
      },
    );

    app.post(
      '/api/warehouses/:warehouseId/risk-flags/import',
      {
        schema: { params: Params, body: z.object({ csv: z.string().min(1).max(1_000_000) }) },
        config: { access: LEADS },
      },
      async (request, reply) => {
        const user = userOf(request);
        const { warehouseId } = request.params;
        if (!user.warehouseIds.includes(warehouseId))
          return sendError(reply, 404, 'not_found', 'no such warehouse');
        return importRiskFlags(ctx.db, warehouseId, request.body.csv, user.id);
      },
    );

    app.delete(
      '/api/warehouses/:warehouseId/risk-flags/:id',
      { schema: { params: Params.extend({ id: Id }) }, config: { access: LEADS } },
      async (request, reply) => {
        const { warehouseId, id } = request.params;
        if (!userOf(request).warehouseIds.includes(warehouseId))
          return sendError(reply, 404, 'not_found', 'no such warehouse');
        if (!(await removeRiskFlag(ctx.db, warehouseId, id)))
          return sendError(reply, 404, 'not_found', 'no such flag');
        return { ok: true };
      },
    );
  };
