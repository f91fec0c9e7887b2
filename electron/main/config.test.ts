import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, DEFAULT_SERVER_URL, resolveServerUrl } from './config';
import { contentSecurityPolicy } from './content-security-policy';

describe('resolveServerUrl', () => {
  it('defaults to the local server', () => {
    expect(resolveServerUrl({})).toBe('http://127.0.0.1:4870');
    expect(resolveServerUrl({ DESK_SERVER_URL: '  ' })).toBe(DEFAULT_SERVER_URL);
  });

  it('takes DESK_SERVER_URL and drops a trailing slash', () => {
    expect(resolveServerUrl({ DESK_SERVER_URL: 'http://127.0.0.1:53123' })).toBe('http://127.0.0.1:53123');
    expect(resolveServerUrl({ DESK_SERVER_URL: 'https://desk.example.com/' })).toBe(
      'https://desk.example.com',
    );
    expect(resolveServerUrl({ DESK_SERVER_URL: 'https://example.com/desk/' })).toBe(
      'https://example.com/desk',
    );
  });

  it('refuses what is not a plain http(s) URL', () => {
    expect(() => resolveServerUrl({ DESK_SERVER_URL: 'localhost:4870' })).toThrow(/http\(s\)/);
    expect(() => resolveServerUrl({ DESK_SERVER_URL: 'not a url' })).toThrow(/not a URL/);
    expect(() => resolveServerUrl({ DESK_SERVER_URL: 'file:///etc/passwd' })).toThrow(/http\(s\)/);
    expect(() => resolveServerUrl({ DESK_SERVER_URL: 'http://user:pw@host' })).toThrow(/credentials/);
  });

  it('names the app origin and entry page', () => {
    expect(APP_ORIGIN).toBe('app://desk');
    expect(APP_ENTRY_URL).toBe('app://desk/index.html');
  });
});

describe('contentSecurityPolicy', () => {
  it('is the agreed policy, with the server origin in connect-src', () => {
    expect(contentSecurityPolicy('http://127.0.0.1:4870')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self' http://127.0.0.1:4870; worker-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('uses the origin only, whatever path the server URL has', () => {
    const csp = contentSecurityPolicy('https://desk.example.com:8443/api/');
    expect(csp).toContain("connect-src 'self' https://desk.example.com:8443;");
    expect(csp).not.toContain('/api');
  });

  it('never allows inline or evaluated scripts', () => {
    const directives = new Map(
      contentSecurityPolicy(DEFAULT_SERVER_URL)
        .split('; ')
        .map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect([...directives.values()].flat()).not.toContain("'unsafe-eval'");
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });
});
