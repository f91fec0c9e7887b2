// The app:// protocol: serves the built renderer (dist/renderer) at `app://desk/`, with the Content-Security-Policy
// on every response. Unknown client-side routes (extension-less paths, page navigations) get index.html; a path that tries
// to leave the renderer folder, by `..` or by encoded slashes, is refused before the disk is touched.
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './config';

/** Passed to `protocol.registerSchemesAsPrivileged` before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
} as const;

export type AppRequestTarget =
  | { kind: 'file'; path: string; hasExtension: boolean }
  | { kind: 'rejected'; status: 400 | 404; reason: string };

/**
 * Maps an app:// URL to a file under `rootDir`. Pure: it only looks at the strings. The URL parser already
 * resolves literal and %2e-encoded dot segments inside the URL; what is left is checked segment by segment after
 * decoding, so `..%2f..%2fetc%2fpasswd`, `%5c`, NUL bytes and absolute paths are all refused.
 */
export function resolveAppRequest(rawUrl: string, rootDir: string): AppRequestTarget {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { kind: 'rejected', status: 400, reason: 'not a URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
    return { kind: 'rejected', status: 404, reason: `not served: ${url.protocol}//${url.host}` };
  }
  const segments: string[] = [];
  for (const raw of url.pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { kind: 'rejected', status: 400, reason: 'malformed percent-encoding' };
    }
    if (segment === '.' || segment === '..' || /[/\\\0:]/.test(segment)) {
      return { kind: 'rejected', status: 400, reason: `forbidden path segment ${JSON.stringify(segment)}` };
    }
    segments.push(segment);
  }
  if (segments.length === 0)
    return { kind: 'file', path: path.join(rootDir, 'index.html'), hasExtension: true };

  const root = path.resolve(rootDir);
  const target = path.resolve(root, ...segments);
  const relative = path.relative(root, target);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    return { kind: 'rejected', status: 400, reason: 'path escapes the renderer folder' };
  }
  const last = segments[segments.length - 1] ?? '';
  return { kind: 'file', path: target, hasExtension: last.includes('.') };
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function mimeType(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export interface AppProtocolDeps {
  rootDir: string;
  csp: string;
  /** Reads a whole file; rejects (ENOENT, EISDIR, …) when there is no such regular file. */
  readFile(filePath: string): Promise<Uint8Array>;
  log?: { warn(message: string): void };
}

/** The `protocol.handle('app', …)` handler. Uses only the web `Request`/`Response`, so it runs in plain Node. */
export function createAppProtocolHandler(deps: AppProtocolDeps): (request: Request) => Promise<Response> {
  const headers = (contentType: string): Record<string, string> => ({
    'content-type': contentType,
    'content-security-policy': deps.csp,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  });
  const plain = (status: number, text: string): Response =>
    new Response(text, { status, headers: headers('text/plain; charset=utf-8') });

  const read = async (filePath: string): Promise<Uint8Array | null> => {
    try {
      return await deps.readFile(filePath);
    } catch {
      return null;
    }
  };

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method Not Allowed');
    const target = resolveAppRequest(request.url, deps.rootDir);
    if (target.kind === 'rejected') {
      deps.log?.warn(`app:// refused ${request.url}: ${target.reason}`);
      return plain(target.status, target.status === 400 ? 'Bad Request' : 'Not Found');
    }
    let filePath = target.path;
    let body = await read(filePath);
    // Client-side routes: an extension-less path, or any page navigation (Accept: text/html), gets index.html; a
    // missing script or image stays a 404 rather than HTML under the wrong MIME type.
    const isPage = !target.hasExtension || (request.headers.get('accept') ?? '').includes('text/html');
    if (body === null && isPage) {
      filePath = path.join(deps.rootDir, 'index.html');
      body = await read(filePath);
    }
    if (body === null) return plain(404, 'Not Found');
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: headers(mimeType(filePath)),
    });
  };
}
