import type { ErrorCode, FieldIssue } from '@zhiping/contracts';

/** An error answer of the API, carrying the server's Chinese message and field issues. */
export class ApiError extends Error {
  readonly code: ErrorCode | 'NETWORK';
  readonly status: number;
  readonly issues: FieldIssue[];
  readonly details: unknown;

  constructor(options: { code: ErrorCode | 'NETWORK'; status: number; message: string; issues?: FieldIssue[]; details?: unknown }) {
    super(options.message);
    this.name = 'ApiError';
    this.code = options.code;
    this.status = options.status;
    this.issues = options.issues ?? [];
    this.details = options.details;
  }

  /** True when the server asks the user to change the initial password first. */
  get isMustChangePassword(): boolean {
    const d = this.details as { mustChangePassword?: unknown } | undefined;
    return this.status === 403 && d?.mustChangePassword === true;
  }
}

/** The Chinese message to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return `操作失败：${error.message}`;
  return '操作失败，请稍后重试';
}
