// The tiny file-system seam used by the token vault and the window state: whole small files, read and written
// synchronously (a few hundred bytes, at start-up, on debounced moves and on close, when an async write could be
// cut short by quitting). Writes go to a temporary file first and are renamed over the target, owner-only.
import fs from 'node:fs';
import path from 'node:path';

export interface FileStore {
  /** The file's bytes, or null when it does not exist. */
  read(filePath: string): Buffer | null;
  /** Replaces the file atomically, creating its folder; mode 0600. */
  write(filePath: string, data: Uint8Array | string): void;
  /** Deletes the file; no error when it is already gone. */
  remove(filePath: string): void;
}

export function createNodeFileStore(): FileStore {
  return {
    read(filePath) {
      try {
        return fs.readFileSync(filePath);
      } catch (error) {
        if (isErrno(error, 'ENOENT')) return null;
        throw error;
      }
    },
    write(filePath, data) {
      fs.mkdirSync(path.dirname(filePath), { recursive: true });
      const temporary = `${filePath}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, data, { mode: 0o600 });
      fs.renameSync(temporary, filePath);
    },
    remove(filePath) {
      fs.rmSync(filePath, { force: true });
    },
  };
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}
