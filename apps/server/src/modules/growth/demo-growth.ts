/**
 * Teacher-growth data of the demo district, loaded with the base data so every growth page has content:
 * 29 studios (名校长 / 名班主任 / 名师) with members, a year and more of activities with attendance and
 * outputs, and their 2025 reviews; 49 expert teams of 123 experts, paired with the public rural schools
 * (two left unpaired, so coverage shows a gap) and weak schools chosen by hand, with visits; finished and
 * published 2025 rounds of 示范课 and 教学能手 and open 2026 rounds; and the annual test for 2024 and 2025
 * for every active 专任教师. Seeded random, bulk inserts; runs in the demo loader's transaction.
 */
import { TEST_AREAS, type ActivityKind, type StudioKind, type VisitKind } from '@zhiping/domain';
import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit.ts';
import type { TxContext } from '../../platform/context.ts';
import { demoRandom, shiftDate, type DemoRandom } from '../evaluations/demo-random.ts';
import { isRuralCode } from './growth-lookup.ts';
import { consolidate } from './round.service.ts';
import { writeTestRows } from './test-import.ts';

/** The seed of the growth demo. */
export const DEMO_GROWTH_SEED = 20255;

interface DemoTeacher {
  id: number;
  name: string;
  school_id: number;
  subject: string | null;
  teaching_stage: string | null;
  title: string;
  post: string;
  birth_date: string;
  urban_rural_code: string;
  type_code: string;
  sponsor: 'public' | 'private';
  is_backbone: boolean;
}

/** What was loaded. */
export interface DemoGrowthResult {
  studios: number;
  teams: number;
  experts: number;
  applications: number;
  testRows: number;
}

const STUDIO_PLAN: { kind: StudioKind; count: number }[] = [
  { kind: 'principal', count: 6 },
  { kind: 'head_teacher', count: 8 },
  { kind: 'teacher', count: 15 },
];
const ACTIVITY_TITLES: Record<ActivityKind, string[]> = {
  research_lesson: ['大单元教学研究课', '跨学科主题学习研究课', '作业设计优化研究课', '课堂提问策略研究课'],
  lecture: ['新课标解读专题讲座', '学生心理健康专题讲座', '教育科研方法讲座', '家校共育专题讲座'],
  joint_preparation: ['单元集体备课', '期末复习集体备课', '校本课程集体备课', '实验教学集体备课'],
  other: ['读书分享会', '课题开题论证会', '送教下乡研修'],
};
const VISIT_CONTENT: Record<VisitKind, string[]> = {
  lesson_observation: ['随堂听课并逐节评课', '青年教师汇报课听评'],
  demonstration: ['送教示范课', '同课异构展示'],
  lecture: ['课堂教学改进专题讲座', '教学常规管理讲座'],
  research_guidance: ['指导校本教研活动', '指导课题申报与实施'],
  other: ['教学质量分析会', '毕业年级备考指导'],
};
const SCHOOL_STAGE_TYPES = new Set(['211', '311', '312', '341', '342', '345']);

function pickSome<T>(rng: DemoRandom, items: readonly T[], n: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(rng.next() * pool.length), 1)[0]!);
  return out;
}

async function loadTeachers(tx: TxContext): Promise<DemoTeacher[]> {
  const today = tx.clock.today();
  return tx.db
    .selectFrom('teacher as t')
    .innerJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 't.school_id').on('v.valid_to', 'is', null))
    .select([
      't.id',
      't.name',
      sql<number>`t.school_id`.as('school_id'),
      't.subject',
      't.teaching_stage',
      't.title',
      't.post',
      't.birth_date',
      'v.urban_rural_code',
      'v.type_code',
      'v.sponsor',
      sql<boolean>`exists (select 1 from teacher_recognition g where g.teacher_id = t.id and (g.valid_until is null or g.valid_until >= ${today}))`.as(
        'is_backbone',
      ),
    ])
    .where('t.is_active', '=', true)
    .where('t.post', 'in', ['teacher', 'leader'])
    .orderBy('t.id')
    .execute();
}

/** Loads the growth part of the demo district (inside the demo loader's transaction). */
export async function seedDemoGrowth(tx: TxContext, _options: { passwordHash: string }): Promise<DemoGrowthResult> {
  const rng = demoRandom(DEMO_GROWTH_SEED);
  const all = await loadTeachers(tx);
  const teachers = all.filter((t) => t.post === 'teacher');
  const leaders = all.filter((t) => t.post === 'leader' && t.sponsor === 'public');
  const demoTeacher = await tx.db.selectFrom('app_user').select('teacher_id').where('username', '=', 'laoshi01').executeTakeFirst();
  const ownTeacherId = demoTeacher?.teacher_id ?? null;
  const studios = await seedStudios(tx, rng, teachers, leaders, ownTeacherId);
  const teams = await seedTeams(tx, rng, teachers);
  const applications = await seedRounds(tx, rng, teachers, ownTeacherId);
  const testRows = await seedTests(tx, rng, teachers);
  await recordAudit(tx.db, tx.actor, {
    action: 'demo.growth',
    entityType: 'system',
    summary: `加载示例区教师成长数据：工作室 ${studios} 个，专家团队 ${teams.teams} 个（专家 ${teams.experts} 人），评选申报 ${applications} 份，考核成绩 ${testRows} 条`,
  });
  return { studios, teams: teams.teams, experts: teams.experts, applications, testRows };
}

async function seedStudios(
  tx: TxContext,
  rng: DemoRandom,
  teachers: DemoTeacher[],
  leaders: DemoTeacher[],
  ownTeacherId: number | null,
): Promise<number> {
  const used = new Set<number>();
  const bySubject = new Map<string, DemoTeacher[]>();
  for (const t of teachers)
    if (t.subject && SCHOOL_STAGE_TYPES.has(t.type_code)) bySubject.set(t.subject, [...(bySubject.get(t.subject) ?? []), t]);
  const subjects = [...bySubject.keys()].filter((s) => bySubject.get(s)!.length >= 30).sort();
  const hostsFor = (kind: StudioKind): DemoTeacher[] => {
    if (kind === 'principal') return leaders.filter((l) => l.title === 'senior' || l.title === 'professor' || l.title === 'level1');
    return teachers.filter(
      (t) => (t.is_backbone || t.title === 'senior' || t.title === 'professor') && SCHOOL_STAGE_TYPES.has(t.type_code),
    );
  };
  const own = ownTeacherId !== null ? teachers.find((t) => t.id === ownTeacherId) : undefined;
  let n = 0;
  const activityRows: {
    studio_id: number;
    kind: ActivityKind;
    title: string;
    held_on: string;
    place: string;
    attendee_ids: number[];
    outputs: string;
    created_by_name: string;
  }[] = [];
  const reviewRows: {
    studio_id: number;
    year: number;
    rating: 'excellent' | 'good' | 'pass' | 'fail';
    summary: string;
    activities: number;
    outputs: number;
    reviewed_by_name: string;
  }[] = [];
  for (const plan of STUDIO_PLAN) {
    const hostPool = hostsFor(plan.kind).filter((h) => !used.has(h.id));
    for (let i = 0; i < plan.count; i += 1) {
      const subject = plan.kind === 'teacher' ? (own && i === 0 && own.subject ? own.subject : subjects[i % subjects.length]!) : null;
      const candidates = subject
        ? hostPool.filter((h) => h.subject === subject && !used.has(h.id))
        : hostPool.filter((h) => !used.has(h.id));
      const host = candidates.length ? rng.pick(candidates) : rng.pick(hostPool.filter((h) => !used.has(h.id)));
      used.add(host.id);
      n += 1;
      const label = plan.kind === 'principal' ? '名校长工作室' : plan.kind === 'head_teacher' ? '名班主任工作室' : `${subject}名师工作室`;
      const studioId = (
        await tx.db
          .insertInto('growth_studio')
          .values({
            name: `${host.name}${label}`,
            kind: plan.kind,
            subject,
            host_teacher_id: host.id,
            school_id: host.school_id,
            term_start: '2024-09-01',
            term_end: '2027-08-31',
            goals:
              plan.kind === 'principal'
                ? '三年内培养后备干部 6 名；每学期开展办学思想研讨 2 次；形成学校治理案例集 1 部。'
                : plan.kind === 'head_teacher'
                  ? '三年内培养骨干班主任 10 名；每学期开展班会课展示 2 次；形成班级管理案例 20 篇。'
                  : `三年内培养区级以上骨干教师 5 名；每学期研究课不少于 3 节；形成${subject}教学资源包 1 套、发表论文 6 篇。`,
            created_by_name: '教师科',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      const pool = (
        plan.kind === 'principal'
          ? leaders
          : subject
            ? bySubject.get(subject)!
            : teachers.filter((t) => SCHOOL_STAGE_TYPES.has(t.type_code))
      ).filter((t) => t.id !== host.id && t.school_id !== host.school_id);
      const members = pickSome(rng, pool, rng.int(5, 9));
      if (own && plan.kind === 'teacher' && i === 0 && own.id !== host.id && !members.some((m) => m.id === own.id)) members.push(own);
      await tx.db
        .insertInto('growth_studio_member')
        .values(members.map((m) => ({ studio_id: studioId, teacher_id: m.id, joined_on: '2024-09-01', left_on: null })))
        .execute();
      const people = [host, ...members];
      const count = rng.int(8, 13);
      let outputs2025 = 0;
      let activities2025 = 0;
      for (let k = 0; k < count; k += 1) {
        const kind = rng.pick([
          'research_lesson',
          'research_lesson',
          'lecture',
          'joint_preparation',
          'joint_preparation',
          'other',
        ] as const);
        const heldOn = shiftDate('2025-01-06', Math.floor((k * 640) / count) + rng.int(0, 20));
        const attendees = people.filter(() => rng.next() < 0.85);
        const outs = Array.from({ length: rng.next() < 0.55 ? rng.int(1, 2) : 0 }, () => {
          const ok = rng.pick(['paper', 'lesson', 'resource'] as const);
          const author = rng.pick(attendees.length ? attendees : people);
          return {
            kind: ok,
            title:
              ok === 'paper'
                ? `${ACTIVITY_TITLES[kind][0]}的实践与思考`
                : ok === 'lesson'
                  ? `${subject ?? '班级管理'}优秀课例（${author.name}）`
                  : `${subject ?? '德育'}教学资源包`,
            link: '',
          };
        });
        if (heldOn.startsWith('2025')) {
          activities2025 += 1;
          outputs2025 += outs.length;
        }
        activityRows.push({
          studio_id: studioId,
          kind,
          title: rng.pick(ACTIVITY_TITLES[kind]),
          held_on: heldOn,
          place: `${host.name}所在学校`,
          attendee_ids: attendees.map((a) => a.id),
          outputs: JSON.stringify(outs),
          created_by_name: host.name,
        });
      }
      const rating = activities2025 >= 7 ? 'excellent' : activities2025 >= 5 ? 'good' : activities2025 >= 3 ? 'pass' : 'fail';
      reviewRows.push({
        studio_id: studioId,
        year: 2025,
        rating,
        summary: `${activities2025 >= 5 ? '完成年度研修计划' : '年度活动偏少，须加强'}；全年活动 ${activities2025} 次，成果 ${outputs2025} 项。`,
        activities: activities2025,
        outputs: outputs2025,
        reviewed_by_name: '教师科',
      });
    }
  }
  const today = tx.clock.today();
  const past = activityRows.filter((a) => a.held_on <= today);
  for (let i = 0; i < past.length; i += 500)
    await tx.db
      .insertInto('growth_studio_activity')
      .values(past.slice(i, i + 500))
      .execute();
  await tx.db.insertInto('growth_studio_review').values(reviewRows).execute();
  return n;
}

async function seedTeams(tx: TxContext, rng: DemoRandom, teachers: DemoTeacher[]): Promise<{ teams: number; experts: number }> {
  const schools = await tx.db
    .selectFrom('school as s')
    .innerJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 's.id').on('v.valid_to', 'is', null))
    .select(['s.id', 'v.name', 'v.urban_rural_code', 'v.type_code', 'v.sponsor'])
    .where('s.closed_on', 'is', null)
    .orderBy('s.id')
    .execute();
  const rural = schools.filter((s) => s.sponsor === 'public' && isRuralCode(s.urban_rural_code));
  // Two rural schools stay unpaired so the coverage figure has a visible gap to drill into.
  const ruralPaired = rural.slice(0, Math.max(0, rural.length - 2));
  // Weak schools chosen by hand: public schools outside the main urban area, then kindergartens there.
  const outside = schools.filter((s) => s.sponsor === 'public' && !isRuralCode(s.urban_rural_code) && s.urban_rural_code !== '111');
  const weakPool = [...outside.filter((s) => SCHOOL_STAGE_TYPES.has(s.type_code)), ...outside.filter((s) => s.type_code === '111')];
  const weak = weakPool.slice(0, Math.max(0, 49 - ruralPaired.length));
  const targets = [...ruralPaired.map((s) => ({ s, reason: 'rural' as const })), ...weak.map((s) => ({ s, reason: 'weak' as const }))];
  const experts = teachers.filter(
    (t) => t.urban_rural_code === '111' && t.sponsor === 'public' && (t.is_backbone || t.title === 'senior' || t.title === 'professor'),
  );
  const used = new Set<number>();
  let expertCount = 0;
  const visits: {
    team_id: number;
    visited_on: string;
    kind: VisitKind;
    content: string;
    participants: number;
    outcome: string;
    created_by_name: string;
  }[] = [];
  const size = (i: number) => (i < 123 - 2 * targets.length ? 3 : 2);
  for (const [i, { s, reason }] of targets.entries()) {
    const pool = experts.filter((e) => !used.has(e.id) && e.school_id !== s.id);
    const members = pickSome(rng, pool, size(i));
    for (const m of members) used.add(m.id);
    expertCount += members.length;
    const lead = members[0]!;
    const teamId = (
      await tx.db
        .insertInto('growth_expert_team')
        .values({
          name: `${lead.name}专家团队`,
          lead_teacher_id: lead.id,
          paired_school_id: s.id,
          pairing_reason: reason,
          weak_reason:
            reason === 'weak' ? rng.pick(['教学质量连续两年低于区平均', '青年教师占比高、骨干教师不足', '新建学校，教学常规尚未健全']) : '',
          started_on: '2022-09-01',
          focus: rng.pick(['课堂教学改进与青年教师培养', '教学常规管理与校本教研', '毕业年级教学质量提升', '学科组建设与课题研究']),
          created_by_name: '教师科',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await tx.db
      .insertInto('growth_expert_member')
      .values(members.map((m) => ({ team_id: teamId, teacher_id: m.id })))
      .execute();
    const count = rng.int(3, 6);
    for (let k = 0; k < count; k += 1) {
      const kind = rng.pick(['lesson_observation', 'demonstration', 'lecture', 'research_guidance', 'other'] as const);
      visits.push({
        team_id: teamId,
        visited_on: shiftDate('2025-03-03', Math.floor((k * 560) / count) + rng.int(0, 25)),
        kind,
        content: `${rng.pick(VISIT_CONTENT[kind])}（${s.name}）`,
        participants: rng.int(8, 40),
        outcome: rng.pick(['形成改进清单，下次回访跟进', '参训教师完成同课异构', '学校教研组制定改进方案', '青年教师汇报课获好评']),
        created_by_name: lead.name,
      });
    }
  }
  const today = tx.clock.today();
  const past = visits.filter((v) => v.visited_on <= today);
  for (let i = 0; i < past.length; i += 500)
    await tx.db
      .insertInto('growth_team_visit')
      .values(past.slice(i, i + 500))
      .execute();
  return { teams: targets.length, experts: expertCount };
}

async function seedRounds(tx: TxContext, rng: DemoRandom, teachers: DemoTeacher[], ownTeacherId: number | null): Promise<number> {
  const reviewers = await tx.db
    .selectFrom('app_user as u')
    .select(['u.id', 'u.teacher_id'])
    .where((eb) => eb.or([eb('u.username', '=', 'jiaoshike'), eb('u.username', 'like', 'zhuanjia%')]))
    .orderBy('u.username')
    .limit(5)
    .execute();
  const eligible = teachers.filter((t) => t.sponsor === 'public' && t.subject && SCHOOL_STAGE_TYPES.has(t.type_code) && t.title !== 'none');
  const taken = new Set<number>();
  let total = 0;
  for (const [kind, label] of [
    ['demo_lesson', '示范课'],
    ['teaching_expert', '教学能手'],
  ] as const) {
    for (const year of [2025, 2026]) {
      const isPast = year === 2025;
      const roundId = (
        await tx.db
          .insertInto('growth_round')
          .values({
            year,
            kind,
            name: `${year}年度区级${label}评选`,
            target: 100,
            opens_on: isPast ? '2025-09-01' : '2026-11-02',
            closes_on: isPast ? '2025-10-15' : '2026-12-15',
            state: isPast ? 'reviewing' : 'open',
            created_by_name: '教师科',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      const count = isPast ? rng.int(140, 170) : rng.int(30, 45);
      const pool = eligible.filter((t) => !taken.has(t.id) && t.id !== ownTeacherId);
      const applicants = pickSome(rng, pool, count);
      if (isPast && kind === 'demo_lesson' && ownTeacherId !== null) {
        const own = teachers.find((t) => t.id === ownTeacherId);
        if (own) applicants.unshift(own);
      }
      for (const a of applicants) taken.add(a.id);
      const rows = applicants.map((t, i) => ({
        round_id: roundId,
        teacher_id: t.id,
        school_id: t.school_id,
        subject: t.subject ?? '',
        teaching_stage: t.teaching_stage,
        title:
          kind === 'demo_lesson'
            ? `${t.subject}《${rng.pick(['单元整体教学', '情境任务设计', '思维可视化', '项目式学习', '大概念教学'])}》示范课`
            : '',
        material_link: kind === 'demo_lesson' ? `https://jyj.example.gov.cn/shifanke/${year}/${i + 1}` : '',
        statement: kind === 'teaching_expert' ? '近三年承担区级以上公开课，指导青年教师，教学成绩稳定。' : '',
        source: (rng.next() < 0.6 ? 'school' : 'self') as 'school' | 'self',
        submitted_by_name: '学校管理员',
        submitted_at: new Date(`${isPast ? '2025-09-' : '2026-11-'}${String(rng.int(3, 20)).padStart(2, '0')}T09:00:00+08:00`),
        final_score: null,
        rank: null,
        adjustment: null,
        adjustment_reason: null,
        blocked_reason: null,
      }));
      const ids = (await tx.db.insertInto('growth_application').values(rows).returning('id').execute()).map((r) => r.id);
      total += ids.length;
      if (!isPast) continue;
      await tx.db
        .insertInto('growth_round_reviewer')
        .values(reviewers.map((r) => ({ round_id: roundId, user_id: r.id })))
        .execute();
      const scores: { application_id: number; reviewer_id: number; score: number; comment: string }[] = [];
      for (const [i, id] of ids.entries()) {
        const quality = 78 + rng.gauss() * 6;
        for (const r of reviewers) {
          if (r.teacher_id !== null && r.teacher_id === applicants[i]!.id) continue;
          scores.push({
            application_id: id,
            reviewer_id: r.id,
            score: Math.max(50, Math.min(99, Math.round((quality + rng.gauss() * 3) * 2) / 2)),
            comment: '',
          });
        }
      }
      for (let i = 0; i < scores.length; i += 1000)
        await tx.db
          .insertInto('growth_review_score')
          .values(scores.slice(i, i + 1000))
          .execute();
      await consolidate(tx, roundId, '2025-11-20');
      await tx.db
        .updateTable('growth_round')
        .set({ state: 'published', published_on: '2025-11-28', published_by_name: '教师科' })
        .where('id', '=', roundId)
        .execute();
    }
  }
  return total;
}

async function seedTests(tx: TxContext, rng: DemoRandom, teachers: DemoTeacher[]): Promise<number> {
  const titleBonus: Record<string, number> = { none: -4, level3: -3, level2: -1, level1: 1, senior: 3, professor: 5 };
  const y2024: { teacherId: number; schoolId: number; subject: string; total: number; parts: Record<string, number> }[] = [];
  const y2025: typeof y2024 = [];
  for (const t of teachers) {
    const ability = Math.max(0.45, Math.min(0.98, 0.76 + (titleBonus[t.title] ?? 0) / 100 + rng.gauss() * 0.07));
    const growth = 0.01 + rng.gauss() * 0.025;
    const subject = t.subject ?? '综合';
    for (const [rows, a] of [
      [y2024, ability],
      [y2025, Math.max(0.4, Math.min(0.99, ability + growth))],
    ] as const) {
      const parts: Record<string, number> = {};
      for (const area of TEST_AREAS) {
        // 信息技术应用 and 教学设计 are the district's weaker areas in the demo.
        const bias = area.key === '信息技术应用' ? -0.08 : area.key === '教学设计' ? -0.04 : 0;
        parts[area.key] = Math.round(Math.max(0, Math.min(1, a + bias + rng.gauss() * 0.05)) * area.max * 2) / 2;
      }
      rows.push({ teacherId: t.id, schoolId: t.school_id, subject, total: Object.values(parts).reduce((s, x) => s + x, 0), parts });
    }
  }
  await writeTestRows(tx.db, 2024, y2024, '教师科');
  await writeTestRows(tx.db, 2025, y2025, '教师科');
  return y2024.length + y2025.length;
}
