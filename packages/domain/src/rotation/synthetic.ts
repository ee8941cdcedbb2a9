/**
 * Synthetic rotation instances (seeded, deterministic) for the unit tests and bench/rotation: schools on a
 * plane around a centre (urban ones near it send), 小学 and 初中 parts with enrolment, teachers with
 * subjects, 骨干 and diploma flags skewed towards urban schools, and a given number of eligible teachers.
 */
import { createRng } from '../demo/random.ts';
import { computeQuota, DEFAULT_ROTATION_RULES, type RotationRules } from './rules.ts';
import type { PlanCandidate, PlanInput, PlanPart, PlanSchool } from './model.ts';

/** Size of a synthetic instance. */
export interface SyntheticSize {
  schools: number;
  teachers: number;
  eligible: number;
  seed: number;
  /** Subjects teachers are drawn from (fewer make coverage bite). */
  subjects?: readonly string[];
  rules?: Partial<RotationRules>;
}

const SUBJECTS = ['语文', '数学', '英语', '物理', '化学', '生物', '道德与法治', '历史', '地理', '体育', '音乐', '美术', '信息技术', '科学'];

/** Builds an instance: a PlanInput plus every teacher's attributes (for the bench's own counts). */
export function buildSyntheticInstance(size: SyntheticSize): PlanInput {
  const rng = createRng(size.seed);
  const rules: RotationRules = { ...DEFAULT_ROTATION_RULES, ...size.rules };
  const subjects = size.subjects ?? SUBJECTS;
  const schools: PlanSchool[] = [];
  const parts: PlanPart[] = [];
  const urban = new Set<number>();
  for (let i = 0; i < size.schools; i++) {
    const id = i + 1;
    const r = rng.float(0, 1) ** 0.7 * 0.25; // degrees from the centre (≈ up to 25 km)
    const angle = rng.float(0, 2 * Math.PI);
    const isUrban = r < 0.08;
    if (isUrban) urban.add(id);
    schools.push({
      id,
      name: `学校${String(id).padStart(3, '0')}`,
      isSending: isUrban,
      longitude: 106.5 + r * Math.cos(angle),
      latitude: 29.5 + r * Math.sin(angle),
      subjectCounts: {},
    });
  }
  // Teachers spread over schools in proportion to a size drawn per school.
  const weights = schools.map((s) => (urban.has(s.id) ? rng.float(1.5, 3) : rng.float(0.4, 1.5)));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const stageOf = (i: number) => (i % 3 === 2 ? 'junior' : 'primary') as 'primary' | 'junior';
  const teachersAt = schools.map((_, i) => Math.max(2, Math.round((size.teachers * weights[i]!) / totalWeight)));
  const amounts = new Map<string, { backbone: number; above: number; teachers: number }>();
  const all: PlanCandidate[] = [];
  let nextId = 1;
  schools.forEach((s, i) => {
    const isUrban = urban.has(s.id);
    for (let k = 0; k < teachersAt[i]!; k++) {
      const stage = stageOf(i) === 'junior' || (i % 5 === 0 && k % 2 === 1) ? 'junior' : 'primary';
      const subject = subjects[rng.int(0, subjects.length - 1)]!;
      const t: PlanCandidate = {
        teacherId: nextId++,
        name: `教师${nextId}`,
        schoolId: s.id,
        stage,
        subject,
        isBackbone: rng.chance(isUrban ? 0.16 : 0.05),
        isAboveQualification: rng.chance(isUrban ? 0.85 : 0.55),
        backboneRestriction: null,
      };
      all.push(t);
      const key = `${s.id}|${stage}`;
      const a = amounts.get(key) ?? { backbone: 0, above: 0, teachers: 0 };
      a.backbone += t.isBackbone ? 1 : 0;
      a.above += t.isAboveQualification ? 1 : 0;
      a.teachers += 1;
      amounts.set(key, a);
      s.subjectCounts[`${stage}|${subject}`] = (s.subjectCounts[`${stage}|${subject}`] ?? 0) + 1;
    }
  });
  for (const [key, a] of amounts) {
    const [id, stage] = key.split('|') as [string, 'primary' | 'junior'];
    const pupilsPerTeacher = urban.has(Number(id)) ? rng.float(15, 19) : rng.float(11, 17);
    parts.push({
      schoolId: Number(id),
      stage,
      inputs: {
        students: Math.max(20, Math.round(a.teachers * pupilsPerTeacher)),
        backboneCountyOrAbove: a.backbone,
        teachersAboveQualification: a.above,
      },
    });
  }
  const candidates = rng.shuffle([...all]).slice(0, Math.min(size.eligible, all.length));
  const eligibleBySchool = new Map<number, number>();
  for (const c of candidates) eligibleBySchool.set(c.schoolId, (eligibleBySchool.get(c.schoolId) ?? 0) + 1);
  const quota = computeQuota(eligibleBySchool, new Set([...urban]), rules);
  return { parts, schools, candidates, rules, quota, fixed: [], excluded: [] };
}
