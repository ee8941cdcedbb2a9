import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  configurePublicGuard,
  consumeChallenge,
  issueChallenge,
  leadingZeroBits,
  limitSubmission,
  limitTracking,
  solveChallenge,
} from './public-guard.ts';

afterEach(() => configurePublicGuard({}));

describe('proof of work', () => {
  it('counts leading zero bits', () => {
    expect(leadingZeroBits(Buffer.from([0x00, 0x00, 0xff]))).toBe(16);
    expect(leadingZeroBits(Buffer.from([0x00, 0x10]))).toBe(11);
    expect(leadingZeroBits(Buffer.from([0x80]))).toBe(0);
  });

  it('finds a nonce whose hash has the required bits', () => {
    configurePublicGuard({ bits: 10 });
    const { token, bits } = issueChallenge();
    const nonce = solveChallenge(token, bits);
    expect(leadingZeroBits(createHash('sha256').update(`${token}:${nonce}`).digest())).toBeGreaterThanOrEqual(10);
  });
});

describe('consumeChallenge', () => {
  const start = 1_000_000_000_000;

  it('accepts a solved challenge once, after the fill time and before expiry', () => {
    configurePublicGuard({ bits: 6, minFillMs: 3000, challengeTtlMs: 60_000 });
    const { token } = issueChallenge(start);
    const nonce = solveChallenge(token, 6);
    expect(() => consumeChallenge(token, nonce, '', start + 1000)).toThrow(/提交过快/);
    expect(() => consumeChallenge(token, nonce, '', start + 61_000)).toThrow(/停留时间过长/);
    expect(() => consumeChallenge(token, nonce, 'bot', start + 5000)).toThrow(/刷新页面/);
    consumeChallenge(token, nonce, '', start + 5000);
    expect(() => consumeChallenge(token, nonce, '', start + 6000)).toThrow(/已提交过/);
  });

  it('refuses a forged signature and missing work', () => {
    configurePublicGuard({ bits: 20, minFillMs: 0 });
    const { token } = issueChallenge(start);
    const [payload] = token.split('.');
    expect(() => consumeChallenge(`${payload}.forged`, '1', '', start + 10)).toThrow(/页面已失效/);
    // With 20 bits a fixed nonce almost surely fails; find one that does, deterministically.
    let bad = 0;
    while (leadingZeroBits(createHash('sha256').update(`${token}:${bad}`).digest()) >= 20) bad++;
    expect(() => consumeChallenge(token, String(bad), '', start + 10)).toThrow(/校验未通过/);
  });
});

describe('rate limits', () => {
  it('limits submissions per address and overall, and tracking per address', () => {
    configurePublicGuard({ perAddressPerWindow: 2, globalPerWindow: 3, trackPerAddressPerWindow: 1 });
    limitSubmission('10.0.0.1');
    limitSubmission('10.0.0.1');
    expect(() => limitSubmission('10.0.0.1')).toThrow(/频繁/);
    expect(() => limitSubmission('10.0.0.2')).toThrow(/频繁/);
    limitTracking('10.0.0.3');
    expect(() => limitTracking('10.0.0.3')).toThrow(/频繁/);
  });
});
