/** Bridges zod schemas from @zhiping/contracts to antd Form rules, and server issues to form fields. */
import type { FormInstance, FormRule } from 'antd';
import { ApiError } from './api-error.ts';

/** The part of a zod schema the rules need (keeps zod itself out of the web's dependencies). */
interface SafeParser {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: { message: string }[] } };
}

/** An antd rule that validates one field with a zod schema and shows its (Chinese) first message. */
export function zodRule(schema: SafeParser, transform?: (value: unknown) => unknown): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const result = schema.safeParse(transform ? transform(value) : value);
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? '格式不正确');
    },
  };
}

/**
 * Puts the field issues of a VALIDATION_FAILED answer on the form's fields; returns true when any
 * issue matched a field (so the caller can skip the generic toast), false otherwise.
 */
export function applyServerIssues(form: FormInstance, error: unknown, fieldNames: readonly string[]): boolean {
  if (!(error instanceof ApiError) || error.issues.length === 0) return false;
  const matched = error.issues.filter((i) => fieldNames.includes(i.path.split('.')[0] ?? ''));
  form.setFields(matched.map((i) => ({ name: i.path.split('.')[0]!, errors: [i.message] })));
  return matched.length > 0;
}
