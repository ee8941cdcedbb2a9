/** Password hashing with argon2id (@node-rs/argon2: prebuilt, no install script). */
import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

/** Hashes a password with argon2id defaults (m=19 MiB, t=2). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Verifies a password against a stored hash; false on any malformed hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A random temporary password that satisfies the policy (upper, lower, digit, symbol; 14 chars). */
export function generateTemporaryPassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '@#%+=!'];
  const all = sets.join('');
  const bytes = randomBytes(14);
  const chars = [...bytes].map((b, i) => {
    const set = i < sets.length ? sets[i]! : all;
    return set[b % set.length]!;
  });
  for (let i = chars.length - 1; i > 0; i--) {
    const j = bytes[i]! % (i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
