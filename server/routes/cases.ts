import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Id } from '../../shared/schemas/primitives';
import { inScope } from '../../shared/rules/permissions';
import { ANY_ROLE, userOf } from '../http/access';
import { sendError } from '../http/errors';
import { readCase } from '../sync/case-view';
import type { ServerContext } from '../context';

export const caseRoutes =
  (ctx: ServerContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/cases/:id',
      { schema: { params: z.object({ id: Id }) }, config: { access: ANY_ROLE } },
      async (request, reply) => {
        const user = userOf(request);
        const found = await readCase(ctx.db, request.params.id, false);
        // Another warehouse's case answers exactly like a missing one: its existence is not disclosed.
        if (
          !found ||
          !inScope({ userId: user.id, role: user.role, warehouseIds: user.warehouseIds }, found.warehouseId)
        ) {
          return sendError(reply, 404, 'not_found', 'no such case');
        }
        return found;
      },
    );
  };
