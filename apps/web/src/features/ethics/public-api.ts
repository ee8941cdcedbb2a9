/**
 * API calls of the public reporting channel. They never send cookies (credentials: 'omit'), so a report
 * from a signed-in browser is not linked to the account, and they solve the server's proof-of-work
 * challenge with WebCrypto SHA-256.
 */
import {
  ErrorBody,
  type PublicCaseView,
  type PublicChallenge,
  type PublicOptions,
  type PublicReportInput,
  type PublicReportReceipt,
} from '@zhiping/contracts';
import { ApiError } from '../../lib/api-error.ts';

const BASE = '/api/v1/public/ethics';

async function call<T>(
  path: string,
  init: { method: string; json?: unknown; form?: FormData; headers?: Record<string, string> },
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...(init.headers ?? {}) };
  let body: BodyInit | undefined;
  if (init.form) body = init.form;
  else if (init.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(init.json);
  }
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}`, { method: init.method, headers, body, credentials: 'omit', referrerPolicy: 'no-referrer' });
  } catch {
    throw new ApiError({ code: 'NETWORK', status: 0, message: '无法连接服务器，请检查网络后重试' });
  }
  if (response.ok) return (await response.json()) as T;
  const text = await response.text().catch(() => '');
  try {
    const parsed = ErrorBody.safeParse(JSON.parse(text));
    if (parsed.success) {
      const e = parsed.data.error;
      throw new ApiError({ code: e.code, status: response.status, message: e.message, issues: e.issues, details: e.details });
    }
  } catch (e) {
    if (e instanceof ApiError) throw e;
  }
  throw new ApiError({ code: 'INTERNAL', status: response.status, message: `服务器错误（${response.status}），请稍后重试` });
}

function leadingZeroBits(bytes: Uint8Array): number {
  let bits = 0;
  for (const b of bytes) {
    if (b === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(b) - 24;
  }
  return bits;
}

/** Finds a nonce n such that SHA-256(token + ':' + n) has `bits` leading zero bits (a second or two in a browser). */
export async function solveChallenge(token: string, bits: number, isCancelled: () => boolean = () => false): Promise<string> {
  const encoder = new TextEncoder();
  for (let n = 0; ; n++) {
    if (n % 2000 === 0 && isCancelled()) throw new Error('cancelled');
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(`${token}:${n}`)));
    if (leadingZeroBits(digest) >= bits) return String(n);
  }
}

export interface Credentials {
  code: string;
  password: string;
}

export const publicApi = {
  options: () => call<PublicOptions>('/options', { method: 'GET' }),
  challenge: () => call<PublicChallenge>('/challenge', { method: 'POST', json: {} }),
  report: (input: PublicReportInput) => call<PublicReportReceipt>('/reports', { method: 'POST', json: input }),
  track: (creds: Credentials) => call<PublicCaseView>('/track', { method: 'POST', json: creds }),
  reply: (creds: Credentials, body: string) => call<PublicCaseView>('/track/reply', { method: 'POST', json: { ...creds, body } }),
  upload: (creds: Credentials, file: File, toReply = false) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return call<PublicCaseView>(`/track/files${toReply ? '?toReply=true' : ''}`, {
      method: 'POST',
      form,
      headers: { 'X-Tracking-Code': creds.code, 'X-Tracking-Password': creds.password },
    });
  },
};
