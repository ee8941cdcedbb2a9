/**
 * Field encryption for sensitive personal data (AES-256-GCM) and keyed hashes for lookups and
 * uniqueness (HMAC-SHA256), both derived from ZHIPING_SECRET_KEY.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface FieldCrypto {
  /** Encrypts a UTF-8 string to 'v1:' + base64(iv|tag|ciphertext). */
  encrypt(plain: string): string;
  /** Decrypts what encrypt produced; throws on tampering or a wrong key. */
  decrypt(sealed: string): string;
  /** Keyed hash for equality lookups without storing the plain value. */
  hash(plain: string): string;
}

/** Builds the field crypto from the secret key. */
export function createFieldCrypto(secretKey: string): FieldCrypto {
  const master = createHash('sha256').update(secretKey, 'utf8').digest();
  const encKey = createHmac('sha256', master).update('zhiping:field-encryption:v1').digest();
  const macKey = createHmac('sha256', master).update('zhiping:field-hash:v1').digest();
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return 'v1:' + Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64');
    },
    decrypt(sealed) {
      if (!sealed.startsWith('v1:')) throw new Error('unknown ciphertext version');
      const buf = Buffer.from(sealed.slice(3), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', encKey, buf.subarray(0, 12));
      decipher.setAuthTag(buf.subarray(12, 28));
      return Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]).toString('utf8');
    },
    hash(plain) {
      return createHmac('sha256', macKey).update(plain, 'utf8').digest('base64url');
    },
  };
}

/** Returns the configured key, or (embedded mode) the one stored in the data folder, creating it once. */
export function resolveSecretKey(configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  const file = path.join(dataDir, 'secret.key');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32).toString('base64url');
  fs.writeFileSync(file, key + '\n', { mode: 0o600 });
  return key;
}

/** Random URL-safe token (session ids, CSRF tokens, job ids). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** SHA-256 of a token, so stored session ids are useless if the table leaks. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64url');
}

/** Constant-time string comparison. */
export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
