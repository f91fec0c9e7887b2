// One error shape for every non-2xx answer: { error, message, details? }. Clients branch on `error`.
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { PushError } from '../sync/push';

export function sendError(
  reply: FastifyReply,
  status: number,
  error: string,
  message: string,
  details?: unknown,
) {
  return reply.code(status).send(details === undefined ? { error, message } : { error, message, details });
}

const UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', '57P01', '57P03', '53300', '08006', '08001']);

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({ path: v.instancePath || '/', message: v.message }));
      const summary = details.map((d) => `${d.path}: ${d.message}`).join('; ');
      return sendError(reply, 400, 'invalid_request', summary, details);
    }
    if (err instanceof PushError) {
      return reply.code(err.statusCode).send({
        error: err.code,
        message: err.message,
        ...(err.lastMutationId !== undefined ? { lastMutationId: err.lastMutationId } : {}),
      });
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendError(
        reply,
        413,
        'payload_too_large',
        'the request body is too large; send fewer items per request',
      );
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return sendError(reply, err.statusCode, 'invalid_request', err.message);
    }
    const code = (err as { code?: string }).code ?? '';
    if (UNAVAILABLE.has(code)) {
      request.log.warn({ err }, 'database unavailable');
      void reply.header('retry-after', '2');
      return sendError(reply, 503, 'unavailable', 'the database is unavailable; retry shortly');
    }
    request.log.error({ err }, 'request failed');
    return sendError(reply, 500, 'internal', 'the server failed; the request can be retried');
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, 404, 'not_found', `no route ${request.method} ${request.url.split('?')[0]}`),
  );
}
