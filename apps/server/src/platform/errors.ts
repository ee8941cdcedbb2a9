/**
 * One error model: AppError(code, …) with a closed set of codes, mapped to HTTP status at the edge.
 * Domain and service code throw AppError, never framework errors.
 */
import type { ErrorCode, FieldIssue } from '@zhiping/contracts';

export interface AppErrorOptions {
  /** Developer-facing message (logs). */
  message?: string;
  /** Chinese message shown to the user. */
  userMessage?: string;
  /** Field-level problems for VALIDATION_FAILED. */
  issues?: FieldIssue[];
  details?: unknown;
  cause?: unknown;
}

const DEFAULT_USER_MESSAGES: Record<ErrorCode, string> = {
  NOT_FOUND: '记录不存在或无权查看',
  FORBIDDEN: '没有执行此操作的权限',
  VALIDATION_FAILED: '输入有误，请检查后重试',
  CONFLICT: '数据冲突，请刷新后重试',
  INVALID_STATE: '当前状态不允许此操作',
  LIMIT_EXCEEDED: '请求过于频繁或超出限制，请稍后再试',
  UNAUTHENTICATED: '请先登录',
  INTERNAL: '服务器内部错误，请稍后重试或联系管理员',
};

export const HTTP_STATUS: Record<ErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  VALIDATION_FAILED: 400,
  CONFLICT: 409,
  INVALID_STATE: 409,
  LIMIT_EXCEEDED: 429,
  UNAUTHENTICATED: 401,
  INTERNAL: 500,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string;
  readonly issues: FieldIssue[] | undefined;
  readonly details: unknown;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(options.message ?? options.userMessage ?? code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.userMessage = options.userMessage ?? DEFAULT_USER_MESSAGES[code];
    this.issues = options.issues;
    this.details = options.details;
  }
}

/** Shorthand for a NOT_FOUND that does not reveal whether the record exists elsewhere. */
export function notFound(what = '记录'): AppError {
  return new AppError('NOT_FOUND', { userMessage: `${what}不存在或无权查看` });
}

/** Shorthand for a single-field validation failure. */
export function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', { userMessage: message, issues: [{ path, message }] });
}
