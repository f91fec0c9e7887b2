// A stand-in for Electron's Linux distribution folder, for `electron-builder --dir -c.electronDist=<folder>` where
// the real binary cannot be downloaded. The `electron` file is a shell script, not Electron, but it carries the
// fuse wire exactly as Electron lays it out in its binary (the sentinel, the wire version, the wire length, one
// byte per fuse), set to Electron 45's defaults. electron-builder flips the fuses in that wire as it would in the
// real binary, and `@electron/fuses` reads them back, so the test checks what a release would ship.
import fs from 'node:fs';
import path from 'node:path';

/** @electron/fuses' sentinel that precedes the fuse wire in every Electron binary since 12. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
export const FUSE_ENABLED = '1'.charCodeAt(0);
export const FUSE_DISABLED = '0'.charCodeAt(0);

/**
 * Electron's defaults, in wire order (FuseV1Options 0…7): RunAsNode on, cookie encryption off, NODE_OPTIONS on,
 * --inspect on, ASAR integrity off, only-load-from-ASAR off, browser V8 snapshot off, file: privileges on.
 * Every fuse the app sets differs from its default, so a pack that forgot the fuses fails the test.
 */
export const ELECTRON_DEFAULT_WIRE = '10110001';

export function createPlaceholderElectronDist(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const executable = path.join(dir, 'electron');
  const script = '#!/bin/sh\necho "placeholder for the Electron binary (tests/packaging)" >&2\nexit 1\n';
  const wire = Buffer.concat([
    Buffer.from(`# ${FUSE_SENTINEL}`),
    Buffer.from([1, ELECTRON_DEFAULT_WIRE.length]),
    Buffer.from(ELECTRON_DEFAULT_WIRE),
    Buffer.from('\n'),
  ]);
  fs.writeFileSync(executable, Buffer.concat([Buffer.from(script), wire]), { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'placeholder\n');
  return executable;
}
