// Breach forecast (brief F14): per zone and horizon, the orders that will reach their deadline against the
// picking capacity and courier cut-offs, the orders expected to breach with the reason, and suggested actions
// with their expected effect. Any role may read it, for the warehouses they work in.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DEFAULT_HORIZONS_HOURS } from '../../shared/rules/forecast';
import { Id } from '../../shared/schemas/primitives';
import { warehouseForecast } from '../forecast/service';
import { ANY_ROLE, userOf } from '../http/access';
import { sendError } from '../http/errors';
import type { ServerContext } from '../context';

/** At most a week ahead, at most eight horizons. */
export const MAX_HORIZON_HOURS = 168;

const Horizons = z
  .string()
  .regex(/^\d+(\.\d+)?(,\d+(\.\d+)?){0,7}$/, 'expected up to 8 hours separated by commas, e.g. 2,4,8,24')
  .transform((s) => s.split(',').map(Number))
  .refine(
    (hs) => hs.every((h) => h > 0 && h <= MAX_HORIZON_HOURS),
    `each horizon in (0, ${MAX_HORIZON_HOURS}] h`,
  );

export const forecastRoutes =
  (ctx: ServerContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/warehouses/:warehouseId/forecast',
      {
        schema: {
          params: z.object({ warehouseId: Id }),
          querystring: z.object({ horizons: Horizons.optional() }),
        },
        config: { access: ANY_ROLE },
      },
      async (request, reply) => {
        const { warehouseId } = request.params;
        if (!userOf(request).warehouseIds.includes(warehouseId))
          return sendError(reply, 404, 'not_found', 'no such warehouse');
        const result = await warehouseForecast(
          ctx.db,
          warehouseId,
          ctx.now(),
          request.query.horizons ?? DEFAULT_HORIZONS_HOURS,
        );
        if (!result) return sendError(reply, 404, 'not_found', 'no such warehouse');
        return result;
      },
    );
  };
