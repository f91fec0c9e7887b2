import { describe, expect, it } from 'vitest';
import { createMemoryFileStore, createRecordingLog } from './test-fakes';
import { createTokenVault, type TokenCipher } from './token-vault';

const FILE = '/user-data/session.bin';
const TOKEN = 'tok_0123456789abcdef0123456789abcdef';

/** A reversible stand-in for the OS keychain: XOR with a key, so the bytes on disk differ from the token. */
function fakeCipher(available = true): TokenCipher & { available: boolean } {
  const key = 0x5a;
  const cipher = {
    available,
    isEncryptionAvailable: () => cipher.available,
    encryptString: (plain: string) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ key)),
    decryptString: (encrypted: Buffer) => {
      if (encrypted.length === 0) throw new Error('Error while decrypting the ciphertext provided');
      return Buffer.from(encrypted.map((b) => b ^ key)).toString('utf8');
    },
  };
  return cipher;
}

function setup(cipher = fakeCipher()) {
  const files = createMemoryFileStore();
  const log = createRecordingLog();
  const vault = createTokenVault({ cipher, files, filePath: FILE, log });
  return { vault, files, log, cipher };
}

describe('token vault with encryption', () => {
  it('round-trips the token through the encrypted file', () => {
    const { vault, files, cipher } = setup();
    expect(vault.load()).toBeNull();
    vault.save(TOKEN);
    expect(files.files.has(FILE)).toBe(true);
    expect(vault.load()).toBe(TOKEN);
    // A later run (new vault, same file) reads it back.
    const again = createTokenVault({ cipher, files, filePath: FILE, log: createRecordingLog() });
    expect(again.load()).toBe(TOKEN);
  });

  it('never writes the token in clear', () => {
    const { vault, files } = setup();
    vault.save(TOKEN);
    const onDisk = files.files.get(FILE);
    expect(onDisk).toBeDefined();
    expect(onDisk?.toString('utf8')).not.toContain(TOKEN);
    expect(onDisk?.toString('latin1')).not.toContain(TOKEN.slice(4, 20));
  });

  it('clear deletes the file', () => {
    const { vault, files } = setup();
    vault.save(TOKEN);
    vault.clear();
    expect(files.files.has(FILE)).toBe(false);
    expect(vault.load()).toBeNull();
  });

  it('discards a file it cannot decrypt', () => {
    const { vault, files, log } = setup();
    files.files.set(FILE, Buffer.alloc(0));
    expect(vault.load()).toBeNull();
    expect(files.files.has(FILE)).toBe(false);
    expect(log.lines.some((l) => l.message.includes('could not be decrypted'))).toBe(true);
  });
});

describe('token vault without encryption', () => {
  it('keeps the token in memory only and writes nothing', () => {
    const { vault, files } = setup(fakeCipher(false));
    vault.save(TOKEN);
    expect(files.writes).toBe(0);
    expect(files.files.size).toBe(0);
    expect(vault.load()).toBe(TOKEN);
    vault.clear();
    expect(vault.load()).toBeNull();
  });

  it('says so once', () => {
    const { vault, log } = setup(fakeCipher(false));
    vault.save(TOKEN);
    vault.load();
    vault.save(TOKEN);
    const warnings = log.lines.filter((l) => l.message.includes('memory only'));
    expect(warnings).toHaveLength(1);
  });

  it('removes a stale encrypted file rather than leave an old session behind', () => {
    const cipher = fakeCipher(true);
    const { vault, files } = setup(cipher);
    vault.save('tok_old_old_old_old_old_old_old');
    cipher.available = false;
    vault.save(TOKEN);
    expect(files.files.size).toBe(0);
    expect(vault.load()).toBe(TOKEN);
  });

  it('treats a throwing availability check as unavailable', () => {
    const cipher = fakeCipher(true);
    cipher.isEncryptionAvailable = () => {
      throw new Error('not ready');
    };
    const { vault, files } = setup(cipher);
    vault.save(TOKEN);
    expect(files.writes).toBe(0);
    expect(vault.load()).toBe(TOKEN);
  });
});
