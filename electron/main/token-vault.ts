// Keeps the sync server's bearer token between runs, encrypted with the OS keychain through Electron's
// safeStorage, in `<userData>/session.bin`. When encryption is not available (e.g. Linux without a secret
// service) the token lives in memory only, for this run: it is never written to disk in clear.
import type { FileStore } from './file-store';
import type { Log } from './log';

/** The part of Electron's `safeStorage` the vault uses. */
export interface TokenCipher {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export interface TokenVault {
  save(token: string): void;
  load(): string | null;
  clear(): void;
}

export const TOKEN_FILE_NAME = 'session.bin';

export interface TokenVaultDeps {
  cipher: TokenCipher;
  files: FileStore;
  /** Full path of the encrypted file, normally `<userData>/session.bin`. */
  filePath: string;
  log: Pick<Log, 'warn'>;
}

export function createTokenVault(deps: TokenVaultDeps): TokenVault {
  const { cipher, files, filePath, log } = deps;
  let memoryToken: string | null = null;
  let warnedUnavailable = false;

  // Asked at each use, not once: on Linux it is only true after the app is ready.
  const encryptionAvailable = (): boolean => {
    let available: boolean;
    try {
      available = cipher.isEncryptionAvailable();
    } catch {
      available = false;
    }
    if (!available && !warnedUnavailable) {
      warnedUnavailable = true;
      log.warn(
        'safeStorage encryption is not available: the session token is kept in memory only and will not survive a restart',
      );
    }
    return available;
  };

  return {
    save(token) {
      if (encryptionAvailable()) {
        files.write(filePath, cipher.encryptString(token));
        memoryToken = null;
        return;
      }
      memoryToken = token;
      // A file left by an earlier run would otherwise come back as a stale session.
      files.remove(filePath);
    },
    load() {
      if (memoryToken !== null) return memoryToken;
      if (!encryptionAvailable()) return null;
      const encrypted = files.read(filePath);
      if (encrypted === null) return null;
      try {
        return cipher.decryptString(encrypted);
      } catch {
        // Unreadable (another OS user, a new keychain, a damaged file): forget it; the user signs in again.
        log.warn('the saved session could not be decrypted and was discarded');
        files.remove(filePath);
        return null;
      }
    },
    clear() {
      memoryToken = null;
      files.remove(filePath);
    },
  };
}
