import { z } from 'zod';

/** The closed set of error codes; the HTTP status map lives at the server edge. */
export const ERROR_CODES = [
  'NOT_FOUND',
  'FORBIDDEN',
  'VALIDATION_FAILED',
  'CONFLICT',
  'INVALID_STATE',
  'LIMIT_EXCEEDED',
  'UNAUTHENTICATED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One field-level problem in a VALIDATION_FAILED answer. */
export const FieldIssue = z.object({ path: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof FieldIssue>;

/** The body of every error answer. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    /** Chinese message for the user. */
    message: z.string(),
    issues: z.array(FieldIssue).optional(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
