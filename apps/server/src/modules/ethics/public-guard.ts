/**
 * Spam protection of the public reporting channel without a third-party service: a server-issued
 * proof-of-work challenge (HMAC-signed, expiring, usable once), a minimum fill time, a honeypot field,
 * and rate limits (global, and per client address). Address counters live only in this process's
 * memory, keyed by an HMAC of the address under a salt that rotates every hour, and are never written
 * anywhere; nothing here logs an address.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { AppError } from '../../platform/errors.ts';
import { safeEqual } from '../../platform/crypto.ts';

/** Tunables of the guard (tests lower the work and the fill time). */
export interface PublicGuardOptions {
  /** Leading zero bits the SHA-256 of token:nonce must have. */
  bits: number;
  minFillMs: number;
  challengeTtlMs: number;
  /** Submissions (reports and replies) across all clients per window. */
  globalPerWindow: number;
  /** Submissions per client address per window. */
  perAddressPerWindow: number;
  /** Tracking look-ups per client address per window. */
  trackPerAddressPerWindow: number;
  windowMs: number;
}

export const DEFAULT_GUARD_OPTIONS: PublicGuardOptions = {
  bits: 16,
  minFillMs: 4_000,
  challengeTtlMs: 30 * 60_000,
  globalPerWindow: 200,
  perAddressPerWindow: 10,
  trackPerAddressPerWindow: 60,
  windowMs: 60 * 60_000,
};

let options: PublicGuardOptions = { ...DEFAULT_GUARD_OPTIONS };
const signingKey = randomBytes(32);
let salt = randomBytes(32);
let saltSince = Date.now();
const usedChallenges = new Map<string, number>();
const counters = new Map<string, { count: number; since: number }>();
let globalCount = { count: 0, since: Date.now() };

/** Changes the tunables (tests) and clears the in-memory state. */
export function configurePublicGuard(next: Partial<PublicGuardOptions>): void {
  options = { ...DEFAULT_GUARD_OPTIONS, ...next };
  usedChallenges.clear();
  counters.clear();
  globalCount = { count: 0, since: Date.now() };
}

/** The current tunables. */
export function publicGuardOptions(): Readonly<PublicGuardOptions> {
  return options;
}

function sign(payload: string): string {
  return createHmac('sha256', signingKey).update(payload).digest('base64url');
}

/** Issues a challenge: base64url({id, iat, bits}).signature. */
export function issueChallenge(now = Date.now()): { token: string; bits: number; minFillSeconds: number; expiresInSeconds: number } {
  const payload = Buffer.from(JSON.stringify({ id: randomBytes(12).toString('base64url'), iat: now, bits: options.bits })).toString(
    'base64url',
  );
  return {
    token: `${payload}.${sign(payload)}`,
    bits: options.bits,
    minFillSeconds: Math.ceil(options.minFillMs / 1000),
    expiresInSeconds: Math.floor(options.challengeTtlMs / 1000),
  };
}

/** Number of leading zero bits of a digest. */
export function leadingZeroBits(digest: Buffer): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    bits += Math.clz32(byte) - 24;
    break;
  }
  return bits;
}

/** Finds a nonce for a challenge (what the page does with WebCrypto; used by tests and the CLI). */
export function solveChallenge(token: string, bits: number): string {
  for (let n = 0; ; n++) {
    if (leadingZeroBits(createHash('sha256').update(`${token}:${n}`).digest()) >= bits) return String(n);
  }
}

const rejected = (message: string) => new AppError('VALIDATION_FAILED', { userMessage: message, issues: [{ path: 'challenge', message }] });

/** Verifies a solved challenge once: signature, expiry, work, fill time; throws a Chinese 400/429 otherwise. */
export function consumeChallenge(token: string, nonce: string, honeypot: string | undefined, now = Date.now()): void {
  // Bots fill every field; a person never sees this one. Answer like any stale form so it teaches nothing.
  if (honeypot) throw rejected('提交失败，请刷新页面后重试');
  const [payload, signature] = token.split('.');
  if (!payload || !signature || !safeEqual(signature, sign(payload))) throw rejected('页面已失效，请刷新页面后重试');
  let parsed: { id: string; iat: number; bits: number };
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof parsed;
  } catch {
    throw rejected('页面已失效，请刷新页面后重试');
  }
  if (now - parsed.iat > options.challengeTtlMs) throw rejected('页面停留时间过长，请刷新页面后重新提交');
  if (now - parsed.iat < options.minFillMs) throw rejected('提交过快，请核对填写内容后再提交');
  if (leadingZeroBits(createHash('sha256').update(`${token}:${nonce}`).digest()) < parsed.bits)
    throw rejected('校验未通过，请刷新页面后重试');
  pruneChallenges(now);
  if (usedChallenges.has(parsed.id)) throw rejected('该表单已提交过，请刷新页面后再提交新的反映');
  usedChallenges.set(parsed.id, parsed.iat + options.challengeTtlMs);
}

function pruneChallenges(now: number): void {
  if (usedChallenges.size < 1000) return;
  for (const [id, expires] of usedChallenges) if (expires < now) usedChallenges.delete(id);
}

function addressKey(address: string, bucket: string, now: number): string {
  if (now - saltSince > options.windowMs) {
    salt = randomBytes(32);
    saltSince = now;
    counters.clear();
  }
  return `${bucket}:${createHmac('sha256', salt).update(address).digest('base64url')}`;
}

function bump(key: string, limit: number, now: number): boolean {
  const c = counters.get(key);
  if (!c || now - c.since > options.windowMs) {
    counters.set(key, { count: 1, since: now });
    return true;
  }
  c.count += 1;
  return c.count <= limit;
}

const tooMany = () => new AppError('LIMIT_EXCEEDED', { userMessage: '提交过于频繁，请稍后再试' });

/** Counts one submission (report or reply) against the global and the per-address limits. */
export function limitSubmission(address: string, now = Date.now()): void {
  if (now - globalCount.since > options.windowMs) globalCount = { count: 0, since: now };
  globalCount.count += 1;
  if (globalCount.count > options.globalPerWindow) throw tooMany();
  if (!bump(addressKey(address, 'submit', now), options.perAddressPerWindow, now)) throw tooMany();
}

/** Counts one tracking look-up against the per-address limit. */
export function limitTracking(address: string, now = Date.now()): void {
  if (!bump(addressKey(address, 'track', now), options.trackPerAddressPerWindow, now))
    throw new AppError('LIMIT_EXCEEDED', { userMessage: '查询过于频繁，请稍后再试' });
}
