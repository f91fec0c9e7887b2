// Every API route declares who may call it (`config.access`); a route registered without a rule fails at
// start-up, so forgetting authorization is impossible rather than merely unlikely. Warehouse scope is then
// checked by each handler against the data it touches (a case outside the user's warehouses is a 404).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SessionUser } from '../../shared/schemas/auth';
import type { Role } from '../../shared/schemas/enums';
import { authenticate } from '../auth/sessions';
import { bearerToken } from '../auth/tokens';
import type { Db } from '../db/open';
import { sendError } from './errors';

export type Access = 'public' | readonly Role[];
export const ANY_ROLE: readonly Role[] = ['coordinator', 'lead', 'admin'];

export interface RouteRule {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyInstance {
    /** Every API route with its access rule: the authorization-matrix test is generated from it. */
    routeTable: RouteRule[];
  }
  interface FastifyRequest {
    user: SessionUser | null;
    token: string | null;
  }
}

/** The user of an authenticated route (the access hook has already refused anonymous calls). */
export function userOf(request: FastifyRequest): SessionUser {
  if (!request.user) throw new Error('route without authentication reached a handler');
  return request.user;
}

export function registerAccessControl(app: FastifyInstance, db: Db, now: () => number): void {
  app.decorateRequest('user', null);
  app.decorateRequest('token', null);
  app.decorate('routeTable', [] as RouteRule[]);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const access = route.config?.access;
    if (access === undefined)
      throw new Error(`route ${String(route.method)} ${route.url} declares no access rule`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.routeTable.push({ method, url: route.url, access });
    }
  });
  // onRequest: refuse before the body is even read or validated.
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public') return;
    const token = bearerToken(request.headers.authorization);
    const user = token ? await authenticate(db, token, now()) : null;
    if (!token || !user) {
      return sendError(
        reply,
        401,
        'unauthorized',
        'log in again: the session is missing, expired or revoked',
      );
    }
    if (!access.includes(user.role)) {
      return sendError(reply, 403, 'forbidden', `this needs one of the roles: ${access.join(', ')}`);
    }
    // Warehouse scope, for every route that names a warehouse, before the body is even read: another
    // warehouse answers exactly like one that does not exist. (Handlers check again what they load.)
    const warehouseId = (request.params as { warehouseId?: unknown } | undefined)?.warehouseId;
    if (typeof warehouseId === 'string' && !user.warehouseIds.includes(warehouseId)) {
      return sendError(reply, 404, 'not_found', 'no such warehouse');
    }
    request.user = user;
    request.token = token;
  });
}
