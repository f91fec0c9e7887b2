import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createNodeFileStore } from './file-store';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-files-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('node file store', () => {
  it('reads null for a missing file, then what was written', () => {
    const store = createNodeFileStore();
    const file = path.join(tempDir(), 'nested', 'folder', 'state.json');
    expect(store.read(file)).toBeNull();
    store.write(file, '{"a":1}');
    expect(store.read(file)?.toString('utf8')).toBe('{"a":1}');
    store.write(file, Buffer.from([1, 2, 3]));
    expect([...(store.read(file) ?? [])]).toEqual([1, 2, 3]);
  });

  it('leaves no temporary file and writes owner-only', () => {
    const store = createNodeFileStore();
    const dir = tempDir();
    const file = path.join(dir, 'session.bin');
    store.write(file, 'x');
    expect(fs.readdirSync(dir)).toEqual(['session.bin']);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('removes, and removing twice is fine', () => {
    const store = createNodeFileStore();
    const file = path.join(tempDir(), 'session.bin');
    store.write(file, 'x');
    store.remove(file);
    expect(store.read(file)).toBeNull();
    expect(() => store.remove(file)).not.toThrow();
  });

  it('still throws on errors other than a missing file', () => {
    const store = createNodeFileStore();
    expect(() => store.read(tempDir())).toThrow();
  });
});
