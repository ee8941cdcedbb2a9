/**
 * Evaluation contexts narrowed to the thresholds of a few indicators. The domain resolves the threshold
 * of every value against the whole list it is given; with hundreds of thousands of values per year,
 * giving each computation only its indicators' versions keeps resolution cheap. The result is the same:
 * resolveThreshold only ever looks at the versions of the code it resolves.
 */
import type { EvaluationContext } from '@zhiping/domain';

const cache = new WeakMap<EvaluationContext, Map<string, EvaluationContext>>();

/** The context with only the threshold versions of the given codes (memoised per context). */
export function narrowContext(context: EvaluationContext, codes: readonly string[]): EvaluationContext {
  let byKey = cache.get(context);
  if (!byKey) {
    byKey = new Map();
    cache.set(context, byKey);
  }
  const key = codes.join('|');
  let narrowed = byKey.get(key);
  if (!narrowed) {
    const wanted = new Set(codes);
    narrowed = { asOf: context.asOf, thresholds: context.thresholds.filter((t) => wanted.has(t.indicatorCode)) };
    byKey.set(key, narrowed);
  }
  return narrowed;
}
