/**
 * Continuing-education data of the demo district, loaded with the base data: the district's own rule
 * (240 学时 in 3 years with sub-quotas and ≥ 4 seminars a year, the figure both districts cite), and six
 * years (2021–2026) of courses at all four levels — the national summer online training, city
 * programmes, district topics with a 师德师风 course every year, district seminars, and each school's
 * 校本研修 each term — with sessions, enrolment, attendance and completion credited to the ledger for the
 * 专任教师. About one teacher in seven takes little beyond 校本 and 师德 and falls behind on hours; a few
 * outside trainings await approval. Enrolment is chosen by an md5 of teacher and session ids, so every
 * first start gives the same district; the bulk work is set-based SQL (a few statements).
 */
import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit.ts';
import type { TxContext } from '../../platform/context.ts';
import { demoRandom } from '../evaluations/demo-random.ts';
import { insertCredits } from './training.repository.ts';

/** The demo district's own rule and its (demo) document. */
export const DEMO_DISTRICT_RULE = {
  code: 'district',
  name: '示例区中小学教师继续教育学时要求',
  documentNumber: '示区教发〔2024〕12号',
  documentTitle: '示例区中小学教师继续教育学时管理办法',
  effectiveFrom: '2024-01-01',
  cycleYears: 3,
  cycleAnchor: '2024-01-01',
  requiredHours: 240,
  subQuotas: [
    { label: '市级及以上', levels: ['national', 'city'], minHours: 24 },
    { label: '校本研修', levels: ['school'], minHours: 72 },
  ],
  seminarMinPerYear: 4,
} as const;

/** Years with courses and sessions; the years before come as yearly totals imported from the city platform. */
const YEARS = [2024, 2025, 2026];
const HISTORY_YEARS = [2021, 2022, 2023];

/** One demo course with its sessions; `share` is the per-mille of eligible teachers enrolled. */
interface DemoCourse {
  title: string;
  provider: string;
  level: 'national' | 'city' | 'district' | 'school';
  category: string;
  mode: 'offline' | 'online' | 'blended';
  isSeminar: boolean;
  hours: number;
  schoolId: number | null;
  sessions: { name: string; startsOn: string; endsOn: string; location: string }[];
  share: number;
  /** Whether the teachers who fall behind still take it. */
  isForAll: boolean;
}

const DISTRICT_TOPICS: [string, string, number][] = [
  ['新课标背景下的学科教学设计', 'subject', 18],
  ['信息技术应用能力提升工程2.0', 'it', 18],
  ['中小学生心理健康教育', 'mental', 15],
  ['作业设计与“双减”落实', 'pedagogy', 15],
  ['班主任工作与家校协同', 'pedagogy', 15],
  ['校园安全与应急处置', 'safety', 15],
];

function districtCourses(year: number): DemoCourse[] {
  const out: DemoCourse[] = [
    {
      title: `国家中小学智慧教育平台暑期教师研修（${year}）`,
      provider: '教育部教师工作司',
      level: 'national',
      category: 'pedagogy',
      mode: 'online',
      isSeminar: false,
      hours: 12,
      schoolId: null,
      sessions: [{ name: `${year}年暑期`, startsOn: `${year}-07-15`, endsOn: `${year}-08-31`, location: '线上' }],
      share: 970,
      isForAll: true,
    },
    {
      title: `重庆市中小学骨干教师能力提升研修（${year}）`,
      provider: '重庆市教育科学研究院',
      level: 'city',
      category: 'subject',
      mode: 'blended',
      isSeminar: false,
      hours: 24,
      schoolId: null,
      sessions: [{ name: `${year}年春季班`, startsOn: `${year}-04-10`, endsOn: `${year}-05-20`, location: '重庆市教育科学研究院' }],
      share: 220,
      isForAll: false,
    },
    {
      title: `示例区师德师风专题培训（${year}）`,
      provider: '示例区教师进修学院',
      level: 'district',
      category: 'ethics',
      mode: 'offline',
      isSeminar: false,
      hours: 6,
      schoolId: null,
      sessions: [{ name: `${year}年度`, startsOn: `${year}-03-05`, endsOn: `${year}-03-25`, location: '示例区教师进修学院报告厅' }],
      share: 960,
      isForAll: true,
    },
  ];
  DISTRICT_TOPICS.forEach(([topic, category, hours], i) => {
    const month = String(3 + i + (i >= 3 ? 3 : 0)).padStart(2, '0');
    out.push({
      title: `${topic}（${year}）`,
      provider: '示例区教师进修学院',
      level: 'district',
      category,
      mode: i % 2 ? 'online' : 'offline',
      isSeminar: false,
      hours,
      schoolId: null,
      sessions: [
        { name: `${year}年第1期`, startsOn: `${year}-${month}-08`, endsOn: `${year}-${month}-26`, location: '示例区教师进修学院' },
      ],
      share: 340,
      isForAll: false,
    });
  });
  for (let n = 1; n <= 8; n += 1) {
    const month = String([3, 4, 5, 6, 9, 10, 11, 12][n - 1]).padStart(2, '0');
    out.push({
      title: `示例区名师工作室高端研修研讨（${year}·第${n}期）`,
      provider: '示例区教师发展中心',
      level: 'district',
      category: n % 4 === 0 ? 'management' : 'subject',
      mode: 'offline',
      isSeminar: true,
      hours: 3,
      schoolId: null,
      sessions: [{ name: `第${n}期`, startsOn: `${year}-${month}-16`, endsOn: `${year}-${month}-16`, location: '示例区教师发展中心' }],
      share: year === YEARS[YEARS.length - 1] ? 620 : 0,
      isForAll: false,
    });
  }
  return out;
}

function schoolCourses(year: number, schoolIds: readonly number[]): DemoCourse[] {
  return schoolIds.map((schoolId) => ({
    title: `校本研修：课堂教学改进（${year}）`,
    provider: '本校教科室',
    level: 'school' as const,
    category: 'subject',
    mode: 'offline' as const,
    isSeminar: false,
    hours: 24,
    schoolId,
    sessions: [
      { name: `${year}年春季学期`, startsOn: `${year}-02-20`, endsOn: `${year}-06-30`, location: '本校' },
      { name: `${year}年秋季学期`, startsOn: `${year}-09-01`, endsOn: `${year}-12-20`, location: '本校' },
    ],
    share: 1000,
    isForAll: true,
  }));
}

/** What was loaded. */
export interface DemoTrainingResult {
  courses: number;
  sessions: number;
  enrolments: number;
  credits: number;
  outside: number;
  elapsedMs: number;
}

/** Loads the training part of the demo district (call inside the demo loader's transaction). */
export async function seedDemoTraining(tx: TxContext, _options: { passwordHash: string }): Promise<DemoTrainingResult> {
  const started = Date.now();
  const today = tx.clock.today();
  const rule = DEMO_DISTRICT_RULE;
  await tx.db
    .insertInto('training_rule')
    .values({
      code: rule.code,
      version: 1,
      name: rule.name,
      issuer_level: 'district',
      document_number: rule.documentNumber,
      document_title: rule.documentTitle,
      effective_from: rule.effectiveFrom,
      cycle_years: rule.cycleYears,
      cycle_anchor: rule.cycleAnchor,
      required_hours: rule.requiredHours,
      sub_quotas: JSON.stringify(rule.subQuotas),
      seminar_min_per_year: rule.seminarMinPerYear,
      warning_months: 6,
      risk_pace_factor: 1.5,
      is_prorated: true,
      note: '每位教师每3年完成不少于240学时，其中市级及以上不少于24学时、校本研修不少于72学时；每年参加不少于4次高端研修研讨。新入职教师按在岗天数折算。',
      created_by_name: '示例数据',
    })
    .execute();

  const schools = await tx.db
    .selectFrom('school')
    .where('closed_on', 'is', null)
    .where((eb) => eb.exists(eb.selectFrom('teacher as t').whereRef('t.school_id', '=', 'school.id').where('t.post', '=', 'teacher')))
    .select('id')
    .orderBy('id')
    .execute();
  const courses = YEARS.filter((y) => `${y}-01-01` <= today).flatMap((y) => [
    ...districtCourses(y).filter((c) => c.share > 0),
    ...schoolCourses(
      y,
      schools.map((s) => s.id),
    ),
  ]);
  const courseIds = await tx.db
    .insertInto('training_course')
    .values(
      courses.map((c) => ({
        title: c.title,
        provider: c.provider,
        level: c.level,
        category: c.category,
        mode: c.mode,
        is_seminar: c.isSeminar,
        hours: c.hours,
        school_id: c.schoolId,
        created_by_name: '示例数据',
      })),
    )
    .returning('id')
    .execute();
  const sessionDefs = courses.flatMap((c, i) => c.sessions.map((s) => ({ course: c, courseId: courseIds[i]!.id, ...s })));
  const sessionIds: number[] = [];
  for (let i = 0; i < sessionDefs.length; i += 2000) {
    const chunk = sessionDefs.slice(i, i + 2000);
    const r = await tx.db
      .insertInto('training_session')
      .values(
        chunk.map((s) => ({
          course_id: s.courseId,
          name: s.name,
          starts_on: s.startsOn,
          ends_on: s.endsOn,
          capacity: 1,
          location: s.location,
          is_closed: s.endsOn < today,
        })),
      )
      .returning('id')
      .execute();
    sessionIds.push(...r.map((x) => x.id));
  }
  const plan = sessionDefs.map((s, i) => ({
    id: sessionIds[i]!,
    school_id: s.course.schoolId,
    share: s.course.share,
    for_all: s.course.isForAll,
  }));

  // Enrolment: each eligible 专任教师 (in service by the session's start) by an md5 draw; completed when the
  // session has ended (a few absent), attending while it runs, enrolled before it starts. The plan is
  // computed once into a temporary table; credits and enrolments are then plain inserts from it.
  // The rows below reference ids taken from this very transaction, so their foreign keys hold by
  // construction; where the role may (PGlite's superuser, a superuser on PostgreSQL) the bulk inserts skip
  // the per-row foreign-key triggers, which otherwise double the seed's time.
  const isSuperuser = (await sql<{ s: boolean }>`select current_setting('is_superuser') = 'on' as s`.execute(tx.db)).rows[0]?.s === true;
  if (isSuperuser) await sql`set local session_replication_role = replica`.execute(tx.db);
  const draw = (salt: string) => sql`(('x' || substr(md5(t.id::text || ${salt} || s.id::text), 1, 7))::bit(28)::int % 1000)`;
  await sql`create temporary table demo_training_plan on commit drop as
    with t as materialized (
      select t.id, t.school_id,
        coalesce((select min(a.valid_from) from teacher_assignment a where a.teacher_id = t.id), t.joined_school_on, '2000-01-01') as starts,
        (('x' || substr(md5(t.id::text || ':behind'), 1, 7))::bit(28)::int % 100) < 14 as is_behind
      from teacher t where t.is_active and t.post = 'teacher' and t.school_id is not null
    ), s as materialized (
      select p.id, p.school_id, p.share, p.for_all, ts.starts_on, ts.ends_on
      from jsonb_to_recordset(${JSON.stringify(plan)}::jsonb) as p(id int, school_id int, share int, for_all boolean)
      join training_session ts on ts.id = p.id
    )
    select s.id as session_id, t.id as teacher_id, s.ends_on,
      case when s.ends_on < ${today}::date then (case when ${draw(':absent')} < 30 then 'absent' else 'completed' end)
           when s.starts_on <= ${today}::date then 'attended' else 'enrolled' end as status
    from s join t on (s.school_id is null or t.school_id = s.school_id) and t.starts <= s.starts_on
    where ${draw(':enrol')} < case when s.for_all or not t.is_behind then s.share else s.share / 8 end`.execute(tx.db);
  await sql`
    insert into training_credit (teacher_id, source, session_id, title, provider, level, category, is_seminar, hours, completed_on, evidence, created_by_name)
    select p.teacher_id, 'session', s.id, c.title, c.provider, c.level, c.category, c.is_seminar, c.hours, s.ends_on,
      '培训期次：' || s.name || '（' || s.starts_on || ' 至 ' || s.ends_on || '）', '示例数据'
    from demo_training_plan p join training_session s on s.id = p.session_id join training_course c on c.id = s.course_id
    where p.status = 'completed'`.execute(tx.db);
  // Sessions of past years came in as completion lists (ledger rows only); this year's carry enrolment.
  await sql`
    insert into training_enrolment (session_id, teacher_id, status, credit_id, enrolled_by_name)
    select p.session_id, p.teacher_id, p.status, c.id, '示例数据'
    from demo_training_plan p left join training_credit c on c.session_id = p.session_id and c.teacher_id = p.teacher_id
    where p.ends_on >= ${`${today.slice(0, 4)}-01-01`}::date`.execute(tx.db);
  await seedHistory(tx);
  await sql`update training_session s set capacity = greatest(30, (n.n + 9) / 10 * 10)
    from (select session_id, count(*)::int as n from demo_training_plan group by session_id) n where n.session_id = s.id`.execute(tx.db);

  if (isSuperuser) await sql`set local session_replication_role = origin`.execute(tx.db);

  const outside = await seedOutside(tx, today);
  const counts = await sql<{ enrolments: number; credits: number }>`
    select (select count(*)::int from training_enrolment) as enrolments, (select count(*)::int from training_credit) as credits`.execute(
    tx.db,
  );
  const result = {
    courses: courses.length,
    sessions: sessionIds.length,
    enrolments: counts.rows[0]!.enrolments,
    credits: counts.rows[0]!.credits,
    outside,
    elapsedMs: Date.now() - started,
  };
  await recordAudit(tx.db, tx.actor, {
    action: 'demo.training',
    entityType: 'system',
    summary: `示例区继续教育数据：培训项目 ${result.courses} 个，期次 ${result.sessions} 个，学时记录 ${result.credits} 条，校外培训申报 ${outside} 条`,
    after: result,
  });
  return result;
}

const OUTSIDE_TITLES: [string, string, 'national' | 'city' | 'district', string, number, boolean][] = [
  ['全国中小学班主任专业能力提升研修', '中国教师研修网', 'national', 'pedagogy', 20, false],
  ['重庆市基础教育学术年会专题研讨', '重庆市教育学会', 'city', 'subject', 6, true],
  ['人工智能赋能课堂教学专题研修', '西南大学教师教育学院', 'city', 'it', 12, false],
  ['中小学心理危机识别与干预', '重庆师范大学', 'city', 'mental', 8, false],
  ['学科核心素养与大单元教学', '北京师范大学继续教育学院', 'national', 'subject', 16, false],
];

/** A few outside trainings: pending ones (one of them the demo teacher's), and reviewed history. */
async function seedOutside(tx: TxContext, today: string): Promise<number> {
  const rng = demoRandom(20261122);
  const picks = await sql<{ id: number; name: string; school_id: number }>`
    select t.id, t.name, t.school_id from teacher t
    where t.is_active and t.post = 'teacher' and t.school_id is not null
    order by md5(t.id::text || ':outside') limit 36`.execute(tx.db);
  const demoTeacher = await tx.db
    .selectFrom('app_user')
    .where('username', '=', 'laoshi01')
    .where('teacher_id', 'is not', null)
    .select('teacher_id')
    .executeTakeFirst();
  const teachers = [...picks.rows.map((r) => r.id)];
  if (demoTeacher?.teacher_id) teachers.unshift(demoTeacher.teacher_id, demoTeacher.teacher_id);
  const year = Number(today.slice(0, 4));
  let n = 0;
  for (const [i, teacherId] of teachers.entries()) {
    const [title, provider, level, category, hours, isSeminar] = OUTSIDE_TITLES[i % OUTSIDE_TITLES.length]!;
    const month = 1 + Math.min(Number(today.slice(5, 7)) - 1, rng.int(0, 9));
    const startedOn = `${i % 3 === 2 ? year - 1 : year}-${String(month).padStart(2, '0')}-${String(rng.int(1, 20)).padStart(2, '0')}`;
    const endedOn = startedOn;
    if (endedOn > today) continue;
    // The demo teacher's first is pending, the second approved; then two pending for every reviewed one.
    const status = i === 1 ? 'approved' : i === 0 || i % 3 !== 0 ? 'pending' : i % 6 === 0 ? 'rejected' : 'approved';
    const r = await tx.db
      .insertInto('training_outside')
      .values({
        teacher_id: teacherId,
        title,
        provider,
        level,
        category,
        is_seminar: isSeminar,
        hours,
        started_on: startedOn,
        ended_on: endedOn,
        note: '已取得结业证书',
        status,
        review_note: status === 'rejected' ? '证书未显示学时，请补充学时证明后重新申报' : '',
        reviewed_by_name: status === 'pending' ? null : '示例数据',
        reviewed_at: status === 'pending' ? null : `${endedOn}T10:00:00+08:00`,
        submitted_by_name: '示例数据',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.db
      .insertInto('training_evidence')
      .values({
        outside_id: r.id,
        file_name: `${title}结业证书.txt`,
        content_type: 'text/plain; charset=utf-8',
        size_bytes: 0,
        sha256: '',
        content: Buffer.from(`${title}\n${provider}\n学时：${hours}\n（示例证明材料）\n`, 'utf8'),
        uploaded_by: null,
        uploaded_by_name: '示例数据',
      })
      .execute();
    if (status === 'approved') {
      const [creditId] = await insertCredits(tx.db, [
        {
          teacher_id: teacherId,
          source: 'outside',
          session_id: null,
          outside_id: r.id,
          import_id: null,
          title,
          provider,
          level,
          category,
          is_seminar: isSeminar,
          hours,
          completed_on: endedOn,
          evidence: `校外培训申报 #${r.id}`,
          created_by_name: '示例数据',
        },
      ]);
      await tx.db
        .updateTable('training_outside')
        .set({ credit_id: creditId ?? null })
        .where('id', '=', r.id)
        .execute();
    }
    n += 1;
  }
  await sql`update training_evidence set size_bytes = length(content), sha256 = encode(sha256(content), 'hex')`.execute(tx.db);
  return n;
}

/** Yearly totals of 2021–2023 per 专任教师, as imported from the city's continuing-education platform. */
async function seedHistory(tx: TxContext): Promise<void> {
  for (const year of HISTORY_YEARS) {
    const batch = await tx.db
      .insertInto('training_import')
      .values({
        file_name: `${year}年度教师继续教育学时汇总.xlsx`,
        platform: '重庆市中小学教师继续教育管理平台',
        row_count: 0,
        hours: 0,
        created_by_name: '示例数据',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const r = (salt: string) => sql`(('x' || substr(md5(t.id::text || ${salt}), 1, 7))::bit(28)::int % 1000)`;
    await sql`
      insert into training_credit (teacher_id, source, import_id, title, provider, level, category, hours, completed_on, evidence, created_by_name)
      select t.id, 'import', ${batch.id}, ${`${year}年度继续教育学时（市平台汇总）`}, '重庆市中小学教师继续教育管理平台', 'district', 'other',
        case when ${r(`:behind`)} < 140 then 40 + ${r(`:h${year}`)} % 30 else 64 + ${r(`:h${year}`)} % 50 end,
        ${`${year}-12-31`}::date, ${`${year}年度教师继续教育学时汇总.xlsx`}, '示例数据'
      from teacher t
      where t.is_active and t.post = 'teacher' and t.school_id is not null
        and coalesce((select min(a.valid_from) from teacher_assignment a where a.teacher_id = t.id), t.joined_school_on, '2000-01-01') <= ${`${year}-06-30`}::date`.execute(
      tx.db,
    );
    await sql`update training_import i set row_count = x.n, hours = x.h
      from (select count(*)::int as n, coalesce(sum(hours), 0) as h from training_credit where import_id = ${batch.id}) x where i.id = ${batch.id}`.execute(
      tx.db,
    );
  }
}
