// Serves the built renderer in browser mode (the same UI the desktop app shows), with the app's CSP.
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { contentSecurityPolicy } from '../../shared/csp';

/** Browser mode: the API is on the page's own origin. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy(null);

export async function registerStatic(app: FastifyInstance, uiDir: string): Promise<void> {
  const dir = resolve(uiDir);
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`no built UI in ${dir}: run "npm run build:renderer" first`);
  }
  await app.register(fastifyStatic, {
    root: dir,
    wildcard: false,
    setHeaders(res, path) {
      if (path.endsWith('.html') || path.endsWith('sw.js') || path.endsWith('.webmanifest')) {
        res.header('cache-control', 'no-cache');
      } else if (path.includes('/assets/')) {
        res.header('cache-control', 'public, max-age=31536000, immutable');
      }
      if (path.endsWith('.html')) res.header('content-security-policy', CONTENT_SECURITY_POLICY);
    },
  });
  // Client-side routes fall back to the app shell; unknown /api paths stay 404s.
  app.get('/*', { config: { access: 'public' } }, async (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    return reply.header('content-security-policy', CONTENT_SECURITY_POLICY).sendFile('index.html');
  });
}
