import { describe, expect, it } from 'vitest';
import { permissionDecision } from './permissions';

describe('permissionDecision', () => {
  it('allows a few harmless permissions to the app only', () => {
    expect(permissionDecision('notifications', 'app://desk/index.html')).toBe(true);
    expect(permissionDecision('clipboard-sanitized-write', 'app://desk')).toBe(true);
    expect(permissionDecision('notifications', 'https://evil.example/')).toBe(false);
    expect(permissionDecision('clipboard-sanitized-write', 'app://desk.evil/')).toBe(false);
  });

  it.each([
    'media',
    'geolocation',
    'openExternal',
    'clipboard-read',
    'display-capture',
    'midiSysex',
    'unknown',
  ])('refuses %s even to the app', (permission) => {
    expect(permissionDecision(permission, 'app://desk/index.html')).toBe(false);
  });
});
