// Administration: accounts, and the audit log (read and export only: no API edits or deletes it). An admin
// manages the accounts of their own warehouses and can give only those warehouses.
import { z } from 'zod';
import { and, asc, gte, lt } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Role } from '../../shared/schemas/enums';
import { EpochMs, Id } from '../../shared/schemas/primitives';
import { changeAccount, listAccounts } from '../accounts/admin';
import { createUser } from '../accounts/users';
import { dumpEmbedded } from '../db/backup';
import { auditLog } from '../db/schema';
import { userOf } from '../http/access';
import { sendError } from '../http/errors';
import type { ServerContext } from '../context';

const ADMIN = ['admin'] as const;
function csvCell(v: unknown): string {
  const text =
    v === null || v === undefined
      ? ''
      : typeof v === 'string'
        ? v
        : typeof v === 'number' || typeof v === 'boolean'
          ? String(v)
          : JSON.stringify(v);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const adminRoutes =
  (ctx: ServerContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/admin/users', { config: { access: ADMIN } }, async (request) =>
      listAccounts(ctx.db, userOf(request).warehouseIds),
    );

    app.post(
      '/api/admin/users',
      {
        schema: {
          body: z.object({
            username: z.string().trim().min(2).max(64),
            displayName: z.string().trim().min(1).max(64),
            role: Role,
            password: z.string().min(8).max(256),
            warehouseIds: z.array(Id).min(1),
          }),
        },
        config: { access: ADMIN },
      },
      async (request, reply) => {
        const mine = userOf(request).warehouseIds;
        if (request.body.warehouseIds.some((w) => !mine.includes(w)))
          return sendError(reply, 403, 'forbidden', 'you can only give your own warehouses');
        const existing = await listAccounts(ctx.db, mine);
        if (existing.some((u) => u.username === request.body.username))
          return sendError(reply, 409, 'conflict', 'that username is taken');
        try {
          return { id: await createUser(ctx.db, request.body) };
        } catch (err) {
          return sendError(reply, 409, 'conflict', (err as Error).message);
        }
      },
    );

    app.put(
      '/api/admin/users/:id',
      {
        schema: {
          params: z.object({ id: Id }),
          body: z.object({
            displayName: z.string().trim().min(1).max(64).optional(),
            role: Role.optional(),
            warehouseIds: z.array(Id).min(1).optional(),
            disabled: z.boolean().optional(),
            password: z.string().min(8).max(256).optional(),
          }),
        },
        config: { access: ADMIN },
      },
      async (request, reply) => {
        const admin = userOf(request);
        const target = (await listAccounts(ctx.db, admin.warehouseIds)).find(
          (u) => u.id === request.params.id,
        );
        if (!target) return sendError(reply, 404, 'not_found', 'no such user');
        // Memberships in warehouses the admin does not manage are kept as they are.
        const given = request.body.warehouseIds;
        if (given && given.some((w) => !admin.warehouseIds.includes(w)))
          return sendError(reply, 403, 'forbidden', 'you can only give your own warehouses');
        const warehouseIds = given
          ? [...new Set([...given, ...target.warehouseIds.filter((w) => !admin.warehouseIds.includes(w))])]
          : undefined;
        const { warehouseIds: _, ...rest } = request.body;
        return changeAccount(
          ctx.db,
          target.id,
          { ...rest, ...(warehouseIds ? { warehouseIds } : {}) },
          ctx.now(),
        );
      },
    );

    // A consistent snapshot of the embedded store while the server keeps serving (PostgreSQL: pg_dump).
    app.get('/api/admin/backup', { config: { access: ADMIN } }, async (_request, reply) => {
      if (!ctx.database.dump)
        return sendError(
          reply,
          501,
          'not_supported',
          'this server runs on PostgreSQL: back it up with pg_dump',
        );
      const dump = await dumpEmbedded(ctx.database);
      return reply
        .header('content-type', 'application/gzip')
        .header(
          'content-disposition',
          `attachment; filename="desk-backup-${new Date(ctx.now()).toISOString().slice(0, 10)}.tar.gz"`,
        )
        .send(dump);
    });

    app.get(
      '/api/admin/audit',
      {
        schema: {
          querystring: z.object({
            from: z.coerce.number().pipe(EpochMs).optional(),
            to: z.coerce.number().pipe(EpochMs).optional(),
            format: z.enum(['json', 'csv']).default('json'),
            limit: z.coerce.number().int().min(1).max(100_000).default(10_000),
          }),
        },
        config: { access: ADMIN },
      },
      async (request, reply) => {
        const { from, to, format, limit } = request.query;
        const rows = await ctx.db
          .select()
          .from(auditLog)
          .where(and(gte(auditLog.at, new Date(from ?? 0)), lt(auditLog.at, new Date(to ?? ctx.now() + 1))))
          .orderBy(asc(auditLog.id))
          .limit(limit);
        if (format === 'json') return rows.map((r) => ({ ...r, at: r.at.getTime() }));
        const header = [
          'id',
          'at',
          'user_id',
          'username',
          'warehouse_id',
          'action',
          'target',
          'client_id',
          'address',
          'outcome',
          'detail',
        ];
        const lines = rows.map((r) =>
          [
            r.id,
            r.at.toISOString(),
            r.userId,
            r.username,
            r.warehouseId,
            r.action,
            r.target,
            r.clientId,
            r.address,
            r.outcome,
            r.detail,
          ]
            .map(csvCell)
            .join(','),
        );
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="audit-log.csv"')
          .send(`\ufeff${[header.join(','), ...lines].join('\n')}\n`);
      },
    );
  };
