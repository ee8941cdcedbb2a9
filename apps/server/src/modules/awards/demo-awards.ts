/**
 * Teaching-achievement awards in the demo district, as the 大渡口 article reports them: a district
 * award of 10 a year (2 一等, 3 二等, 5 三等) and 54 applications recommended to the city over
 * 2021–2025 of which 29 were awarded (“近30个”). Five finished rounds (2021–2025) run through the real
 * round services (checks, seeded reviewer draw under the conflict rule, blind sheets of nine experts,
 * consolidation with trimming, 公示, final list with the ethics re-check, recommendation, city
 * results), plus the 2026 round open for applications with a few applications of the demo school.
 * Deterministic: the scores come from a seeded generator; rows are written in bulk.
 */
import { AWARD_RULES_2021, DEFAULT_AWARD_RUBRIC, drawReviewers, sheetTotal, type AwardRules } from '@zhiping/domain';
import { recordAudit } from '../../platform/audit.ts';
import type { TxContext } from '../../platform/context.ts';
import { demoRandom, type DemoRandom } from '../evaluations/demo-random.ts';
import { setRecommendation, recordCityResults } from './result.service.ts';
import { advanceCall, createCall } from './call.service.ts';
import * as repo from './award.repository.ts';

/** The seed of the demo awards. */
export const DEMO_AWARDS_SEED = 20211;

/** One finished demo round: applications, city quota (= recommended) and city awards. */
const ROUNDS = [
  { year: 2021, applications: 22, recommended: 10, cityAwarded: 5 },
  { year: 2022, applications: 24, recommended: 11, cityAwarded: 6 },
  { year: 2023, applications: 25, recommended: 11, cityAwarded: 6 },
  { year: 2024, applications: 26, recommended: 11, cityAwarded: 6 },
  { year: 2025, applications: 28, recommended: 11, cityAwarded: 6 },
] as const;

const TOPICS = [
  '大单元教学的实践研究',
  '基于核心素养的作业设计',
  '跨学科主题学习的校本实施',
  '劳动教育课程体系建构',
  '“双减”背景下课后服务的课程化',
  '小学低段无纸化乐考的探索',
  '学生习惯养成教育的评价实践',
  '项目式学习在初中科学中的应用',
  '信息技术与课堂教学深度融合',
  '农村小规模学校复式教学改革',
  '家校社协同育人机制研究',
  '教师专业发展共同体建设',
  '整本书阅读教学的实践',
  '数学思维可视化教学',
  '英语分级阅读课程建设',
  '心理健康教育的班级实践',
  '集团化办学下的课程共享',
  '体育大课间的课程化实施',
  '美育浸润行动的校本路径',
  '学业质量增值评价的实践',
];
const SUBJECTS = ['语文', '数学', '英语', '科学', '道德与法治', '体育', '美术', '音乐', '信息技术', '综合实践'];

interface Teacher {
  id: number;
  school_id: number;
  teaching_stage: string | null;
}

const STAGE_LABEL: Record<string, string> = { primary: '小学', junior: '初中', senior: '高中', preschool: '学前', vocational: '中职' };

/** Experts: zhuanjia01…05 (demo accounts) and four more senior teachers of other schools (zhuanjia06…09). */
async function seedExperts(tx: TxContext, passwordHash: string): Promise<number[]> {
  const named = await tx.db
    .selectFrom('app_user as u')
    .innerJoin('teacher as t', 't.id', 'u.teacher_id')
    .select(['u.id', 'u.display_name', 't.school_id'])
    .where('u.username', 'like', 'zhuanjia%')
    .orderBy('u.username')
    .execute();
  const taken = new Set(named.map((n) => n.school_id));
  const more = (
    await tx.db
      .selectFrom('teacher')
      .select(['id', 'name', 'school_id'])
      .where('is_active', '=', true)
      .where('post', '=', 'teacher')
      .where('title', '=', 'senior')
      .where('school_id', 'is not', null)
      .orderBy('school_id')
      .orderBy('id')
      .execute()
  ).filter((t) => {
    if (taken.has(t.school_id)) return false;
    taken.add(t.school_id);
    return true;
  });
  const users = [...named.map((n) => ({ userId: n.id, name: n.display_name }))];
  for (const [i, t] of more.slice(0, 9 - named.length).entries()) {
    const username = `zhuanjia${String(named.length + i + 1).padStart(2, '0')}`;
    const { id } = await tx.db
      .insertInto('app_user')
      .values({
        username,
        display_name: t.name,
        password_hash: passwordHash,
        must_change_password: true,
        teacher_id: t.id,
        locked_until: null,
        last_login_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.db
      .insertInto('role_grant')
      .values({ user_id: id, role: 'teacher', office: null, school_id: t.school_id, granted_by: null })
      .execute();
    users.push({ userId: id, name: t.name });
  }
  const rows = await tx.db
    .insertInto('award_expert')
    .values(users.map((u, i) => ({ user_id: u.userId, name: u.name, organisation: '', specialty: SUBJECTS[i % SUBJECTS.length]! })))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Four criteria points summing near a target total, each within its maximum. */
function sheetFor(rng: DemoRandom, total: number): Record<string, number> {
  const points: Record<string, number> = {};
  for (const c of DEFAULT_AWARD_RUBRIC) {
    const ratio = Math.min(1, Math.max(0.3, total / 100 + (rng.next() - 0.5) * 0.08));
    points[c.code] = Math.round(c.maxPoints * ratio);
  }
  return points;
}

async function insertApplications(
  tx: TxContext,
  rng: DemoRandom,
  callId: number,
  year: number,
  count: number,
  pool: Teacher[],
  used: Set<number>,
  submittedOn: string,
  status: 'accepted' | 'submitted' | 'draft' | 'returned',
): Promise<number[]> {
  const drafts = [];
  for (let i = 0; i < count; i += 1) {
    let lead = rng.pick(pool);
    while (used.has(lead.id)) lead = rng.pick(pool);
    used.add(lead.id);
    const members = [lead];
    for (let m = rng.int(0, 3); m > 0; m -= 1) {
      const t = rng.pick(pool);
      if (!members.some((x) => x.id === t.id)) members.push(t);
    }
    const subject = rng.pick(SUBJECTS);
    const stage = STAGE_LABEL[lead.teaching_stage ?? 'primary'] ?? '小学';
    drafts.push({ lead, members, subject, stage, title: `${stage}${subject}${rng.pick(TOPICS)}` });
  }
  if (drafts.length === 0) return [];
  const isChecked = status === 'accepted' || status === 'returned';
  const inserted = await tx.db
    .insertInto('award_application')
    .values(
      drafts.map((d) => ({
        call_id: callId,
        lead_teacher_id: d.lead.id,
        school_id: d.lead.school_id,
        title: d.title,
        field: '基础教育',
        stage: d.stage,
        subject: d.subject,
        summary: `本成果历经三年实践，围绕“${d.title}”形成了可推广的课程、课例与评价工具，在本校及结对学校推广应用，学生学业表现和教师专业发展均有明显提升。`,
        status,
        submitted_at: status === 'draft' ? null : `${submittedOn}T10:00:00+08:00`,
        check_note: status === 'returned' ? '成果报告缺少实践效果的数据佐证，请补充后重新提交' : '',
        checked_by_name: isChecked ? '教师科' : '',
        checked_at: isChecked ? `${submittedOn}T16:00:00+08:00` : null,
        score: null,
        raw_mean: null,
        rank: null,
        grade: null,
        excluded_reason: null,
        city_result: null,
        created_by: null,
        created_by_name: '学校管理员',
      })),
    )
    .returning('id')
    .execute();
  const ids = inserted.map((r) => r.id);
  await tx.db
    .insertInto('award_member')
    .values(
      drafts.flatMap((d, i) =>
        d.members.map((m, position) => ({ application_id: ids[i]!, teacher_id: m.id, school_id: m.school_id, position })),
      ),
    )
    .execute();
  if (ids.length > 0)
    await tx.db
      .insertInto('award_attachment')
      .values(
        ids.map((id) => {
          const content = Buffer.from(`教育教学成果报告（示例材料）\n申报编号 ${id}\n`, 'utf8');
          return {
            application_id: id,
            file_name: '成果报告.txt',
            content_type: 'text/plain; charset=utf-8',
            size_bytes: content.length,
            sha256: '',
            content,
            uploaded_by: null,
            uploaded_by_name: '学校管理员',
          };
        }),
      )
      .execute();
  return ids;
}

/** Loads the awards part of the demo district (inside the demo loader's transaction). */
export async function seedDemoAwards(
  tx: TxContext,
  options: { passwordHash: string },
): Promise<{ rounds: number; applications: number; elapsedMs: number }> {
  const started = Date.now();
  const rng = demoRandom(DEMO_AWARDS_SEED);
  const expertIds = await seedExperts(tx, options.passwordHash);
  const experts = await repo.findExperts(tx.db, { ids: expertIds });
  const past = await repo.findPastSchools(
    tx.db,
    experts.flatMap((e) => (e.teacher_id ? [e.teacher_id] : [])),
  );
  const reviewers = experts.map((e) => ({
    id: e.id,
    teacherId: e.teacher_id,
    currentSchoolId: e.school_id,
    pastSchools: e.teacher_id ? (past.get(e.teacher_id) ?? []) : [],
  }));
  const pool = (await tx.db
    .selectFrom('teacher')
    .select(['id', 'school_id', 'teaching_stage'])
    .where('is_active', '=', true)
    .where('post', '=', 'teacher')
    .where('school_id', 'is not', null)
    .where('teaching_stage', 'in', ['primary', 'junior', 'senior'])
    .orderBy('id')
    .execute()) as Teacher[];
  const expertTeachers = new Set(experts.map((e) => e.teacher_id));
  const applicants = pool.filter((t) => !expertTeachers.has(t.id));
  let total = 0;

  for (const round of ROUNDS) {
    const rules: AwardRules = { ...AWARD_RULES_2021, cityQuota: round.recommended, reviewersPerApplication: round.year >= 2024 ? 6 : 5 };
    const call = await createCall(tx, {
      year: round.year,
      title: `${round.year}年度区教育教学成果奖评审`,
      notice: `依据${rules.basis}，开展${round.year}年度区级教育教学成果奖评审，评选区级成果奖 10 项，择优推荐参评重庆市教育教学成果奖。`,
      applicationsOpenOn: `${round.year}-03-01`,
      applicationsDueOn: `${round.year}-04-15`,
      reviewDueOn: `${round.year}-05-20`,
      rules,
      rubric: [...DEFAULT_AWARD_RUBRIC],
    });
    await advanceCall(tx, call.id, { action: 'open' });
    const ids = await insertApplications(
      tx,
      rng,
      call.id,
      round.year,
      round.applications,
      applicants,
      new Set(),
      `${round.year}-04-10`,
      'accepted',
    );
    total += ids.length;
    await advanceCall(tx, call.id, { action: 'close_applications' });
    const members = await repo.findMembers(tx.db, ids);
    const drawn = drawReviewers(
      ids.map((id) => ({
        id,
        memberTeacherIds: (members.get(id) ?? []).map((m) => m.teacherId),
        schoolIds: [...new Set((members.get(id) ?? []).map((m) => m.schoolId))],
      })),
      reviewers,
      {
        asOf: `${round.year}-04-20`,
        lookbackYears: rules.coiLookbackYears,
        perApplication: rules.reviewersPerApplication,
        seed: DEMO_AWARDS_SEED + round.year,
      },
    );
    // An application no expert set can staff fairly is returned in the check (rare with nine experts).
    for (const u of drawn.unstaffed)
      await tx.db
        .updateTable('award_application')
        .set({ status: 'returned', check_note: '成果完成人与评审专家回避后专家不足，转下一年度申报' })
        .where('id', '=', u.applicationId)
        .execute();
    await tx.db
      .insertInto('award_assignment')
      .values(
        drawn.assignments.flatMap((a) =>
          a.reviewerIds.map((e) => ({
            application_id: a.applicationId,
            expert_id: e,
            method: 'drawn' as const,
            assigned_by_name: '教师科',
          })),
        ),
      )
      .execute();
    await tx.db
      .updateTable('award_call')
      .set({ draw_seed: DEMO_AWARDS_SEED + round.year })
      .where('id', '=', call.id)
      .execute();
    await advanceCall(tx, call.id, { action: 'start_review' });
    const scoreRows = drawn.assignments.flatMap((a) => {
      const quality = Math.min(95, Math.max(55, 76 + rng.gauss() * 8));
      return a.reviewerIds.map((e) => {
        const outlier = rng.next() < 0.1 ? (rng.next() < 0.5 ? -14 : 12) : 0;
        const points = sheetFor(rng, Math.min(98, Math.max(40, quality + rng.gauss() * 3 + outlier)));
        return {
          application_id: a.applicationId,
          expert_id: e,
          points: JSON.stringify(points),
          total: sheetTotal(points),
          comment: '',
          is_submitted: true,
          submitted_at: `${round.year}-05-15T12:00:00+08:00`,
        };
      });
    });
    await tx.db.insertInto('award_score').values(scoreRows).execute();
    await advanceCall(tx, call.id, { action: 'consolidate' });
    await advanceCall(tx, call.id, { action: 'start_publicity', publicityStart: `${round.year}-06-02` });
    await advanceCall(tx, call.id, { action: 'publish_final' });
    const ranked = await tx.db
      .selectFrom('award_application')
      .select(['id', 'rank'])
      .where('call_id', '=', call.id)
      .where('rank', 'is not', null)
      .where('excluded_reason', 'is', null)
      .orderBy('rank')
      .limit(round.recommended)
      .execute();
    await setRecommendation(
      tx,
      call.id,
      ranked.map((r) => r.id),
    );
    await advanceCall(tx, call.id, { action: 'recommend' });
    await recordCityResults(tx, call.id, {
      results: ranked.map((r, i) => ({
        applicationId: r.id,
        result: i >= round.cityAwarded ? 'none' : i === 0 ? 'first' : i < 3 ? 'second' : 'third',
        note: '',
      })),
    });
    await advanceCall(tx, call.id, { action: 'conclude' });
  }

  // The current round, open for applications; the demo school has a draft, a submission and a returned one.
  const today = tx.clock.today();
  const year = Number(today.slice(0, 4));
  const open = await createCall(tx, {
    year,
    title: `${year}年度区教育教学成果奖评审`,
    notice: `依据${AWARD_RULES_2021.basis}，开展${year}年度区级教育教学成果奖评审。申报由学校统一填报，成果完成人信息由平台从教师档案带出，教师本人无需另行填报。`,
    applicationsOpenOn: today,
    applicationsDueOn: addDays(today, 30),
    reviewDueOn: addDays(today, 60),
    rules: { ...AWARD_RULES_2021, reviewersPerApplication: 6 },
    rubric: [...DEFAULT_AWARD_RUBRIC],
  });
  await advanceCall(tx, open.id, { action: 'open' });
  const demoSchool = await tx.db
    .selectFrom('app_user as u')
    .innerJoin('role_grant as g', 'g.user_id', 'u.id')
    .select('g.school_id')
    .where('u.username', 'like', 'school\\_%')
    .where('g.role', '=', 'school_admin')
    .executeTakeFirst();
  const own = applicants.filter((t) => t.school_id === demoSchool?.school_id);
  const others = applicants.filter((t) => t.school_id !== demoSchool?.school_id);
  const used = new Set<number>();
  let current = 0;
  if (own.length > 0) {
    current += (await insertApplications(tx, rng, open.id, year, 1, own, used, today, 'draft')).length;
    current += (await insertApplications(tx, rng, open.id, year, 1, own, used, today, 'submitted')).length;
  }
  current += (await insertApplications(tx, rng, open.id, year, 5, others, used, today, 'submitted')).length;
  current += (await insertApplications(tx, rng, open.id, year, 1, others, used, today, 'returned')).length;
  await recordAudit(tx.db, tx.actor, {
    action: 'award.demo.load',
    entityType: 'system',
    summary: `加载示例成果奖数据：已办结批次 ${ROUNDS.length} 个（申报 ${total} 项），${year} 年度批次接受申报中（${current} 项）`,
  });
  return { rounds: ROUNDS.length + 1, applications: total + current, elapsedMs: Date.now() - started };
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
