// Clock pauses a platform accepts for a whole region: force majeure, declared by a lead or an admin.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EpochMs, Id } from '../../shared/schemas/primitives';
import { declareForceMajeure } from '../engine/force-majeure';
import { userOf } from '../http/access';
import { sendError } from '../http/errors';
import type { ServerContext } from '../context';

const ForceMajeureBody = z
  .object({
    region: z.string().trim().min(1).max(100),
    reason: z.string().trim().min(1).max(500),
    startsAt: EpochMs,
    endsAt: EpochMs,
  })
  .refine((b) => b.endsAt > b.startsAt, 'endsAt must be after startsAt')
  .refine((b) => b.endsAt - b.startsAt <= 14 * 24 * 3_600_000, 'a force-majeure window is at most 14 days');

export const clockRoutes =
  (ctx: ServerContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/warehouses/:warehouseId/force-majeure',
      {
        schema: { params: z.object({ warehouseId: Id }), body: ForceMajeureBody },
        config: { access: ['lead', 'admin'] },
      },
      async (request, reply) => {
        const user = userOf(request);
        const { warehouseId } = request.params;
        if (!user.warehouseIds.includes(warehouseId))
          return sendError(reply, 404, 'not_found', 'no such warehouse');
        return declareForceMajeure(ctx.db, { ...request.body, warehouseId, createdBy: user.id }, ctx.now());
      },
    );
  };
