/**
 * Demo data of 交流轮岗: two rule-set versions (the district's 2021 measures, and the 2025 revision under
 * which a rotated teacher's post moves with them), and four school years (2021–2024) of completed
 * rotations chosen from each year's eligible teachers as the rules compute them — mostly from urban schools
 * to nearby town and village schools, about a third 骨干 — so the five-year report comes out of real
 * assignment rows. The current year (2025, the demo's latest statistics year) has no plan: the district
 * computes one in the browser. Deterministic (seeded).
 */
import { DEFAULT_ROTATION_RULES, distanceKm, findSchoolType, type RotationRules, type Stage } from '@zhiping/domain';
import type { TxContext } from '../../platform/context.ts';
import { demoRandom } from '../evaluations/demo-random.ts';
import { computeEligibility } from './eligibility.service.ts';
import * as repo from './rotation.repository.ts';

/** Rules of the demo district's 2021 measures. */
const RULES_2021: RotationRules = { ...DEFAULT_ROTATION_RULES, defaultMoveKind: 'partial' };
/** The 2025 revision: the post (编制) moves with a rotated teacher; 25 km at most. */
const RULES_2025: RotationRules = { ...DEFAULT_ROTATION_RULES, defaultMoveKind: 'full', maxDistanceKm: 25 };

/** Seeds the rule sets and the 2021–2024 rotations; returns how many rotations were written. */
export async function seedDemoRotation(tx: TxContext, _options: { passwordHash: string }): Promise<{ rotations: number }> {
  await repo.insertRuleSet(tx.db, {
    title: '示例区义务教育学校校长教师交流轮岗实施办法',
    document_number: '示例教委发〔2021〕18号',
    valid_from: '2021-01-01',
    rules: JSON.stringify(RULES_2021),
    note: '依据教师〔2014〕4号：城区和优质学校每年交流比例不低于应交流教师的10%，骨干教师不低于交流人数的20%。',
    created_by_name: '示例数据',
  });
  await repo.insertRuleSet(tx.db, {
    title: '示例区义务教育学校校长教师交流轮岗实施办法（2025年修订）',
    document_number: '示例教委发〔2025〕7号',
    valid_from: '2025-01-01',
    rules: JSON.stringify(RULES_2025),
    note: '区管校聘：交流教师人事关系随转至交流学校；最远交流距离 25 公里。',
    created_by_name: '示例数据',
  });
  const rng = demoRandom(20_261_122);
  const shuffle = <T>(xs: readonly T[]): T[] => {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return a;
  };
  let written = 0;
  for (const year of [2021, 2022, 2023, 2024]) {
    const e = await computeEligibility(tx.db, year);
    const schools = [...e.schools.values()].filter((s) => s.longitude !== null && s.latitude !== null);
    const eligible = e.teachers.filter((t) => t.status === 'eligible');
    // About 13–15 % of the urban schools' eligible teachers, and a few from elsewhere; 骨干 first in a third of the picks.
    const urban = shuffle(eligible.filter((t) => e.schools.get(t.school_id)?.isSending));
    const other = shuffle(eligible.filter((t) => !e.schools.get(t.school_id)?.isSending));
    const target = Math.round(urban.length * (0.13 + rng.next() * 0.03));
    const backbone = urban.filter((t) => t.is_backbone).slice(0, Math.round(target * 0.34));
    const rest = urban.filter((t) => !t.is_backbone).slice(0, target - backbone.length);
    const picks = [...backbone, ...rest, ...other.slice(0, Math.round(other.length * 0.03))];
    const rows = picks.flatMap((t) => {
      const home = e.schools.get(t.school_id);
      if (!home || home.longitude === null || home.latitude === null) return [];
      const near = schools
        .filter(
          (s) =>
            s.id !== home.id && s.isSending !== home.isSending && !!findSchoolType(s.typeCode)?.stages.includes(t.teaching_stage as Stage),
        )
        .map((s) => ({ s, km: distanceKm(home as { longitude: number; latitude: number }, s as { longitude: number; latitude: number }) }))
        .filter((x) => x.km <= RULES_2021.maxDistanceKm)
        .sort((a, b) => a.km - b.km)
        .slice(0, 6);
      if (near.length === 0) return [];
      const to = rng.pick(near).s;
      return [
        {
          teacher_id: t.teacher_id,
          school_id: to.id,
          home_school_id: home.id,
          kind: 'partial' as const,
          valid_from: `${year}-09-01`,
          valid_to: `${year + 1}-07-31`,
          reason: `${year}学年交流轮岗`,
        },
      ];
    });
    for (let i = 0; i < rows.length; i += 500)
      await tx.db
        .insertInto('teacher_assignment')
        .values(rows.slice(i, i + 500))
        .execute();
    written += rows.length;
  }
  return { rotations: written };
}
