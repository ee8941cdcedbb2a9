/**
 * Teacher counts per school stage part from the buckets SQL returns (teachers of one school with one
 * raw 任教学段): a bucket whose stage the school type covers goes to that part; any other bucket is
 * apportioned with the same split as every shared resource (stageShares). This is the set-based twin
 * of the domain's countTeachersByStagePart; sql-agreement.db.test.ts proves they agree.
 */
import {
  DEFAULT_SPLIT_WEIGHTS,
  STAGES,
  stageShares,
  type CertificateRule,
  type SplitWeights,
  type Stage,
  type TeacherCounts,
} from '@zhiping/domain';
import { aboveColumnOf, certifiedColumnOf, type TeacherBucketRow } from '../../db/expressions/indicators.ts';

/** A school with its type and students per stage (for the split). */
export interface BucketSchool {
  id: number;
  typeCode: string;
  students: Partial<Record<Stage, number>>;
}

const empty = (): TeacherCounts => ({ fullTime: 0, aboveQualification: 0, backboneCountyOrAbove: 0, peArt: 0, certified: 0 });
const num = (v: unknown) => Number(v ?? 0);

/** Combines buckets into counts per school and stage part; warns about counted staff of schools not given. */
export function combineTeacherBuckets(
  buckets: readonly TeacherBucketRow[],
  schools: readonly BucketSchool[],
  weights: Readonly<Record<string, SplitWeights>> = DEFAULT_SPLIT_WEIGHTS,
  /** The certificate rule the buckets were counted with (findTeacherBuckets' options). */
  certificateRule: CertificateRule = 'any',
): { counts: Map<number, Map<Stage, TeacherCounts>>; warnings: string[] } {
  const above = new Map(STAGES.map((s) => [s, aboveColumnOf(s)]));
  const certified = new Map(STAGES.map((s) => [s, certifiedColumnOf(s, certificateRule)]));
  const counts = new Map<number, Map<Stage, TeacherCounts>>();
  const splits = new Map<number, ReturnType<typeof stageShares>>();
  for (const s of schools) {
    const split = stageShares(s.typeCode, s.students, weights);
    splits.set(s.id, split);
    counts.set(s.id, new Map(split.stages.map((stage) => [stage, empty()])));
  }
  let unknown = 0;
  for (const b of buckets) {
    const split = splits.get(b.school_id);
    if (!split) {
      unknown += num(b.counted);
      continue;
    }
    const stage = b.teaching_stage as Stage | null;
    const own = stage !== null && split.stages.includes(stage);
    const targets: [Stage, number][] = own ? [[stage, 1]] : split.stages.map((s) => [s, split.shares[s] ?? 0]);
    for (const [target, share] of targets) {
      const c = counts.get(b.school_id)!.get(target)!;
      c.fullTime += share * num(b.full_time);
      c.aboveQualification += share * num(b[above.get(target)!]);
      c.backboneCountyOrAbove += share * num(b.backbone);
      c.peArt += share * num(b.pe_art);
      c.certified += share * num(b[certified.get(target)!]);
    }
  }
  const warnings = unknown > 0 ? [`${unknown}名教师所在学校不在计算范围内，未计入`] : [];
  return { counts, warnings };
}
