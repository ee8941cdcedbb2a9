/**
 * Evaluation contexts narrowed to the thresholds of a few indicators. The domain resolves the threshold
 * of every value against the whole list it is given; with hundreds of thousands of values per year,
 * giving each computation only its indicators' versions keeps resolution cheap. The result is the same:
 * resolveThreshold only ever looks at the versions of the code it resolves.
 */
import type { EvaluationContext } from '@zhiping/domain';

const cache = new WeakMap<EvaluationContext, WeakMap<readonly string[], EvaluationContext>>();

/**
 * The context with only the threshold versions of the given codes, memoised per context and per list of
 * codes (callers pass module-level constant lists, so the lookup is two identity hashes per call).
 */
export function narrowContext(context: EvaluationContext, codes: readonly string[]): EvaluationContext {
  let byCodes = cache.get(context);
  if (!byCodes) {
    byCodes = new WeakMap();
    cache.set(context, byCodes);
  }
  let narrowed = byCodes.get(codes);
  if (!narrowed) {
    const wanted = new Set(codes);
    narrowed = { asOf: context.asOf, thresholds: context.thresholds.filter((t) => wanted.has(t.indicatorCode)) };
    byCodes.set(codes, narrowed);
  }
  return narrowed;
}
