/** Submitting an antd form through a contract schema: Chinese messages from zod, server errors as toasts. */
import type { FormInstance } from 'antd';
import type { z } from 'zod';
import { errorMessage } from '../../lib/api-error.ts';

/** Validates the form, parses with the schema and runs the call; returns whether it succeeded. */
export async function submitWith<S extends z.ZodType>(
  form: FormInstance,
  schema: S,
  call: (input: z.infer<S>) => Promise<unknown>,
  message: { error: (text: string) => void; success: (text: string) => void },
  done: string,
  transform: (values: Record<string, unknown>) => unknown = (v) => v,
): Promise<boolean> {
  let values: Record<string, unknown>;
  try {
    values = (await form.validateFields()) as Record<string, unknown>;
  } catch {
    return false;
  }
  const parsed = schema.safeParse(transform(values));
  if (!parsed.success) {
    message.error(parsed.error.issues[0]?.message ?? '请检查输入');
    return false;
  }
  try {
    await call(parsed.data);
    message.success(done);
    return true;
  } catch (e) {
    message.error(errorMessage(e));
    return false;
  }
}

/** 'YYYY-MM-DD' of a date picker value (dayjs) or a string. */
export function isoOf(v: unknown): string | undefined {
  if (!v) return undefined;
  if (typeof v === 'string') return v;
  return (v as { format(f: string): string }).format('YYYY-MM-DD');
}
