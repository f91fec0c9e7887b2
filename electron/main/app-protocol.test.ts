import fs from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler, mimeType, resolveAppRequest } from './app-protocol';

const CSP = "default-src 'self'";
const SECRET = 'TOP-SECRET-OUTSIDE-THE-RENDERER';

let tmp: string;
let rootDir: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-protocol-'));
  rootDir = path.join(tmp, 'dist', 'renderer');
  fs.mkdirSync(path.join(rootDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rootDir, 'index.html'), '<!doctype html><title>desk</title>');
  fs.writeFileSync(path.join(rootDir, 'assets', 'app-1234.js'), 'console.log(1)');
  fs.writeFileSync(path.join(rootDir, 'sw.js'), 'self.addEventListener("fetch", () => {})');
  fs.writeFileSync(path.join(tmp, 'secret.txt'), SECRET);
  fs.writeFileSync(path.join(tmp, 'dist', 'secret.txt'), SECRET);
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function setup() {
  const reads: string[] = [];
  const handler = createAppProtocolHandler({
    rootDir,
    csp: CSP,
    readFile: (file) => {
      reads.push(file);
      return readFile(file);
    },
  });
  return { handler, reads };
}

const get = (url: string, headers: Record<string, string> = {}) => new Request(url, { headers });

describe('the scheme', () => {
  it('is registered standard, secure, fetch- and CORS-enabled', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
    });
  });
});

describe('serving the renderer', () => {
  it('serves index.html at the root, with the CSP', async () => {
    const { handler } = setup();
    for (const url of ['app://desk/', 'app://desk', 'app://desk/index.html']) {
      const response = await handler(get(url));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(CSP);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toContain('<title>desk</title>');
    }
  });

  it('serves assets and the service worker with their MIME types', async () => {
    const { handler } = setup();
    const script = await handler(get('app://desk/assets/app-1234.js'));
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
    const worker = await handler(get('app://desk/sw.js'));
    expect(worker.status).toBe(200);
    expect(worker.headers.get('content-security-policy')).toBe(CSP);
  });

  it('falls back to index.html for client-side routes', async () => {
    const { handler } = setup();
    const route = await handler(get('app://desk/cases/42'));
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>desk</title>');
    const dotted = await handler(get('app://desk/orders/SO-2026.11', { accept: 'text/html,*/*' }));
    expect(await dotted.text()).toContain('<title>desk</title>');
    const folder = await handler(get('app://desk/assets'));
    expect(await folder.text()).toContain('<title>desk</title>');
  });

  it('answers 404 (with the CSP) for a missing file that is not a page', async () => {
    const { handler } = setup();
    const response = await handler(get('app://desk/assets/missing.js'));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CSP);
  });

  it('serves nothing for another host, and only GET/HEAD', async () => {
    const { handler, reads } = setup();
    expect((await handler(get('app://other/index.html'))).status).toBe(404);
    expect((await handler(new Request('app://desk/index.html', { method: 'POST', body: 'x' }))).status).toBe(
      405,
    );
    const head = await handler(new Request('app://desk/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect(reads.every((file) => file.startsWith(rootDir + path.sep))).toBe(true);
  });

  it('knows the common MIME types', () => {
    expect(mimeType('a/b.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeType('font.woff2')).toBe('font/woff2');
    expect(mimeType('manifest.webmanifest')).toBe('application/manifest+json; charset=utf-8');
    expect(mimeType('no-extension')).toBe('application/octet-stream');
  });
});

describe('path traversal', () => {
  const attempts = [
    'app://desk/../../etc/passwd',
    'app://desk/../../secret.txt',
    'app://desk/../secret.txt',
    'app://desk/%2e%2e/%2e%2e/secret.txt',
    'app://desk/%2E%2E/%2E%2E/%2E%2E/%2E%2E/etc/passwd',
    'app://desk/..%2f..%2fsecret.txt',
    'app://desk/..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd',
    'app://desk/assets/..%2f..%2f..%2fsecret.txt',
    'app://desk/..%5c..%5csecret.txt',
    'app://desk/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://desk/%252e%252e/%252e%252e/secret.txt',
    'app://desk/%2fetc%2fpasswd',
    'app://desk/%00/../secret.txt',
    'app://desk/secret.txt%00.html',
    'app://desk/C:%5cWindows%5cwin.ini',
  ];

  it.each(attempts)('%s cannot reach a file outside the renderer folder', async (url) => {
    const { handler, reads } = setup();
    const response = await handler(get(url, { accept: 'text/html' }));
    const body = await response.text();
    expect(body).not.toContain(SECRET);
    expect(body).not.toContain('root:');
    // Not one read outside the renderer folder was even attempted.
    for (const file of reads) expect(path.relative(rootDir, file).startsWith('..')).toBe(false);
    expect(response.status === 200 ? body : 'refused').toMatch(/<title>desk<\/title>|refused/);
  });

  it('refuses encoded separators and dot segments before touching the disk', () => {
    expect(resolveAppRequest('app://desk/..%2f..%2fsecret.txt', rootDir)).toMatchObject({
      kind: 'rejected',
      status: 400,
    });
    expect(resolveAppRequest('app://desk/..%5csecret.txt', rootDir)).toMatchObject({ kind: 'rejected' });
    expect(resolveAppRequest('app://desk/%00', rootDir)).toMatchObject({ kind: 'rejected' });
    expect(resolveAppRequest('app://desk/%E0%A4%A', rootDir)).toMatchObject({
      kind: 'rejected',
      status: 400,
    });
    // The URL parser resolves literal and %2e dot segments: what is left stays inside the root.
    expect(resolveAppRequest('app://desk/%2e%2e/%2e%2e/etc/passwd', rootDir)).toEqual({
      kind: 'file',
      path: path.join(rootDir, 'etc', 'passwd'),
      hasExtension: false,
    });
  });

  it('maps ordinary paths inside the root', () => {
    expect(resolveAppRequest('app://desk/assets/app-1234.js?v=1#x', rootDir)).toEqual({
      kind: 'file',
      path: path.join(rootDir, 'assets', 'app-1234.js'),
      hasExtension: true,
    });
    expect(resolveAppRequest('app://desk/%E5%B7%A5%E4%BD%9C.html', rootDir)).toEqual({
      kind: 'file',
      path: path.join(rootDir, '工作.html'),
      hasExtension: true,
    });
  });
});
