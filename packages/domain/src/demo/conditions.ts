/**
 * 办学条件 of every school and year, sized generously above the 优质均衡 thresholds (standards.md §1.1)
 * from each school's largest enrolment — except a few schools deliberately left short, so that later
 * evaluations have something to find. Equipment and books grow a little every year.
 */
import type { Stage } from '../codes/stages.ts';
import { findGrade } from '../codes/stages.ts';
import type { ConditionImportRow, StudentStatImportRow } from '../imports/rows.ts';
import { DEMO_YEARS } from './enrolment.ts';
import type { SchoolPlan } from './layout.ts';
import type { Rng } from './random.ts';

/** Per-pupil provision a school of each stage is built for (before its own generosity factor). */
// prettier-ignore
const NEEDS: Readonly<Record<Stage, { teaching: number; sports: number; gymShare: number; equipment: number; multimediaPer100: number; books: number }>> = {
  preschool: { teaching: 6.5, sports: 5, gymShare: 0, equipment: 900, multimediaPer100: 3.5, books: 12 },
  primary: { teaching: 4.5, sports: 7.5, gymShare: 0.12, equipment: 2000, multimediaPer100: 2.3, books: 30 },
  junior: { teaching: 5.8, sports: 10.2, gymShare: 0.15, equipment: 2500, multimediaPer100: 2.4, books: 40 },
  senior: { teaching: 7, sports: 11, gymShare: 0.15, equipment: 3500, multimediaPer100: 2.6, books: 50 },
  vocational: { teaching: 8, sports: 9, gymShare: 0.15, equipment: 9000, multimediaPer100: 2.8, books: 35 },
  special: { teaching: 18, sports: 12, gymShare: 0.2, equipment: 9000, multimediaPer100: 10, books: 30 },
};

/** A shortfall built into the demo on purpose, for evaluations to find. */
export interface DemoGap {
  schoolCode: string;
  schoolName: string;
  /** What falls short, in the words of standards.md. */
  indicator: string;
  description: string;
}

type Enrolment = Map<number, { byStage: Map<Stage, number>; classes: number }>;

/** Students per stage and classes of each school and year. */
function enrolmentOf(plans: readonly SchoolPlan[], stats: readonly StudentStatImportRow[]): Map<string, Enrolment> {
  const special = new Set(plans.filter((p) => p.units.some((u) => u.stage === 'special')).map((p) => p.school.code));
  const out = new Map<string, Enrolment>();
  for (const r of stats) {
    const stage: Stage = special.has(r.schoolCode) ? 'special' : findGrade(r.grade)!.stage;
    const school = out.get(r.schoolCode) ?? new Map();
    out.set(r.schoolCode, school);
    const year = school.get(r.schoolYear) ?? { byStage: new Map<Stage, number>(), classes: 0 };
    school.set(r.schoolYear, year);
    year.byStage.set(stage, (year.byStage.get(stage) ?? 0) + r.students);
    year.classes += r.classes;
  }
  return out;
}

/** Picks the schools left short on purpose and describes them. */
export function chooseGaps(
  plans: readonly SchoolPlan[],
): { code: string; kind: 'teaching_and_multimedia' | 'equipment' | 'sports' | 'rooms' }[] {
  const taken = new Set<string>();
  // The first predicate that some established, open school meets; later ones are fallbacks.
  const find = (...preds: ((p: SchoolPlan) => boolean)[]) => {
    for (const pred of preds) {
      const hit = plans.find((p) => pred(p) && !taken.has(p.school.code) && p.school.closedOn === null && p.school.openedOn < '2020');
      if (hit) {
        taken.add(hit.school.code);
        return hit.school.code;
      }
    }
    throw new Error('demo plan has no school for a deliberate shortfall');
  };
  const is = (typeCode: string) => (p: SchoolPlan) => p.school.typeCode === typeCode && p.school.sponsor === 'public';
  const and = (a: (p: SchoolPlan) => boolean, b: (p: SchoolPlan) => boolean) => (p: SchoolPlan) => a(p) && b(p);
  return [
    {
      code: find(
        and(is('211'), (p) => p.isRural),
        and(is('211'), (p) => !p.school.urbanRuralCode.startsWith('11')),
      ),
      kind: 'teaching_and_multimedia',
    },
    {
      code: find(
        and(is('211'), (p) => p.school.urbanRuralCode === '112'),
        is('211'),
      ),
      kind: 'equipment',
    },
    {
      code: find(
        and(is('311'), (p) => p.school.urbanRuralCode.startsWith('12')),
        is('311'),
      ),
      kind: 'sports',
    },
    {
      code: find(
        and(is('312'), (p) => p.isRural),
        is('312'),
      ),
      kind: 'rooms',
    },
  ];
}

/** Builds the conditions rows and the list of deliberate shortfalls. */
export function buildConditions(
  rng: Rng,
  plans: readonly SchoolPlan[],
  stats: readonly StudentStatImportRow[],
): { rows: ConditionImportRow[]; gaps: DemoGap[] } {
  const enrolment = enrolmentOf(plans, stats);
  const gapOf = new Map(chooseGaps(plans).map((g) => [g.code, g.kind]));
  const rows: ConditionImportRow[] = [];
  const gaps: DemoGap[] = [];
  for (const plan of plans) {
    const years = enrolment.get(plan.school.code);
    if (!years) continue;
    const peak = new Map<Stage, number>();
    let peakClasses = 0;
    for (const y of years.values()) {
      for (const [stage, n] of y.byStage) peak.set(stage, Math.max(peak.get(stage) ?? 0, n));
      peakClasses = Math.max(peakClasses, y.classes);
    }
    const generosity = () => (plan.isRural ? rng.float(1.04, 1.35) : rng.float(1.08, 1.6));
    const need = (key: 'teaching' | 'sports' | 'equipment' | 'multimediaPer100' | 'books', of: Map<Stage, number>) =>
      [...of].reduce((s, [stage, n]) => s + n * NEEDS[stage][key], 0);
    const latest = years.get(DEMO_YEARS[DEMO_YEARS.length - 1]!)?.byStage ?? peak;
    const gymShare = plan.isRural ? 0 : Math.max(...plan.units.map((u) => NEEDS[u.stage].gymShare));
    let teaching = need('teaching', peak) * generosity();
    let sports = need('sports', peak) * generosity();
    let equipment2025 = need('equipment', peak) * generosity();
    let multimedia = Math.max(peakClasses, Math.ceil((need('multimediaPer100', peak) / 100) * generosity()));
    const isCompulsory = plan.units.some((u) => u.stage === 'primary' || u.stage === 'junior');
    const roomsPer = Math.max(1, Math.ceil(peakClasses / 12));
    let music = isCompulsory ? roomsPer : plan.units[0]!.stage === 'preschool' ? (peakClasses >= 6 ? 1 : 0) : rng.int(1, 3);
    const art = music === 0 ? 0 : isCompulsory ? roomsPer : music;
    const books = need('books', peak) * rng.float(1, 1.5);

    const gap = gapOf.get(plan.school.code);
    const describe = (indicator: string, description: string) =>
      gaps.push({ schoolCode: plan.school.code, schoolName: plan.school.name, indicator, description });
    if (gap === 'teaching_and_multimedia') {
      teaching = need('teaching', latest) * 0.8;
      multimedia = Math.round(((need('multimediaPer100', latest) / 100) * 1.6) / 2.3);
      describe('生均教学及辅助用房面积', '约为标准的 80%（低于 85%）');
      describe('每百名学生拥有网络多媒体教室数', '低于标准 2.3 间；两项不达标，学校不合格');
    } else if (gap === 'equipment') {
      equipment2025 = need('equipment', latest) * 0.875;
      describe('生均教学仪器设备值', '约为标准的 87.5%：仅此一项未达标且不低于 85%，学校仍合格');
    } else if (gap === 'sports') {
      sports = need('sports', latest) * 0.78;
      describe('生均体育运动场馆面积', '约为标准的 78%（低于 85%），学校不合格');
    } else if (gap === 'rooms') {
      multimedia = Math.round((need('multimediaPer100', latest) / 100) * (1.9 / 2.35));
      music = 0;
      describe('每百名学生拥有网络多媒体教室数', '低于标准（小学 2.3、初中 2.4 间）');
      describe('音乐、美术专用教室', '无音乐教室、美术教室（政府保障程度第 3 项）');
    }
    const gym = sports * gymShare;
    const building = teaching * rng.float(1.5, 1.9);
    const land = building * rng.float(0.6, 1.1) + (sports - gym);
    for (const year of [...years.keys()].sort((a, b) => a - b)) {
      const age = DEMO_YEARS[DEMO_YEARS.length - 1]! - year;
      rows.push({
        schoolYear: year,
        schoolCode: plan.school.code,
        teachingArea: round2(teaching),
        gymArea: round2(gym),
        sportsGroundArea: round2(sports - gym),
        equipmentValue: round2(equipment2025 / Math.pow(1.04, age)),
        multimediaRooms: Math.max(gap ? 0 : 1, multimedia - (age >= 3 && multimedia > 4 ? 1 : 0)),
        musicRooms: music,
        artRooms: gap === 'rooms' ? 0 : art,
        books: Math.round(books / Math.pow(1.02, age)),
        buildingArea: round2(building),
        landArea: round2(land),
      });
    }
  }
  return { rows, gaps };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
