/** Downloads a file from the API (exports, templates, reports) through the session, with errors as ApiError. */
import { apiFetch } from './api-client.ts';
import type { QueryParams } from './query-string.ts';

/** Reads the file name from Content-Disposition (RFC 5987 filename* first). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // Malformed encoding: use the plain name below.
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/** Fetches the file and hands it to the browser as a download. */
export async function downloadFile(path: string, fallbackName: string, query?: QueryParams): Promise<void> {
  const response = await apiFetch('GET', path, { query });
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(response.headers.get('Content-Disposition'), fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
