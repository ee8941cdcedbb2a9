/**
 * The composite teacher-growth views: a teacher's own growth page (studios, expert teams, selections,
 * test results, recognitions; training hours and awards come from their own areas' cards), a school's
 * teacher-development page, and the district dashboard (yearly targets with their source, studios,
 * expert-team coverage of rural schools, selection rounds, the test) with drill-down to the teachers and
 * schools behind each number.
 */
import type { DashboardMetric, DrillPage, DrillRow, GrowthDashboard, SchoolDevelopment, TeacherGrowth } from '@zhiping/contracts';
import {
  REVIEW_RATINGS,
  REVIEW_RATING_LABELS,
  SELECTION_KIND_LABELS,
  STUDIO_KINDS,
  STUDIO_KIND_LABELS,
  TARGET_KEYS,
  TARGET_LABELS,
  TITLE,
  ageOn,
  areaPerformance,
  meanChange,
  progressPercent,
  scoreStats,
  targetsInForce,
  teacherChanges,
  type TargetKey,
} from '@zhiping/domain';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import {
  findRecognitionsOf,
  findRuralSchoolIds,
  findSchoolFacts,
  findTeacherFacts,
  isRuralCode,
  teacherRef,
  urbanRuralLabel,
} from './growth-lookup.ts';
import { canSeeSchool, canSeeTeacher, canSeeTestsOf, growthAccess, requireGrowthReader } from './growth.policy.ts';
import { listRounds } from './round.service.ts';
import * as teams from './team.repository.ts';
import { toTeamSummary } from './team.service.ts';
import { findTargetVersions } from './target.service.ts';
import { findTestYears, loadTestRows } from './test.service.ts';
import * as repo from './view.repository.ts';

const titleLabel = (code: string) => (TITLE.labels as Record<string, string>)[code] ?? code;

/** A teacher's growth page; NOT_FOUND unless the caller may see the teacher. */
export async function getTeacherGrowth(ctx: ServiceContext, teacherId: number): Promise<TeacherGrowth> {
  const access = growthAccess(ctx.actor);
  requireGrowthReader(access);
  const t = (await findTeacherFacts(ctx.db, [teacherId])).get(teacherId);
  if (!t || !canSeeTeacher(access, { id: t.id, schoolId: t.school_id })) throw notFound('教师');
  const testsVisible = canSeeTestsOf(access, { id: t.id, schoolId: t.school_id });
  const [recognitions, studios, teamRows, applications, tests] = await Promise.all([
    findRecognitionsOf(ctx.db, teacherId),
    repo.findTeacherStudios(ctx.db, teacherId),
    teams.findTeams(ctx.db, { teacherId }),
    repo.findTeacherApplications(ctx.db, teacherId),
    testsVisible ? repo.findTeacherTests(ctx.db, teacherId) : Promise.resolve([]),
  ]);
  return {
    teacher: { ...teacherRef(t), title: titleLabel(t.title), post: t.post, age: ageOn(t.birth_date, ctx.clock.today()) },
    recognitions,
    studios: studios.map((s) => ({
      id: s.id,
      name: s.name,
      kindLabel: STUDIO_KIND_LABELS[s.kind],
      isHost: s.host_teacher_id === teacherId,
      joinedOn: s.host_teacher_id === teacherId ? s.term_start : (s.joined_on ?? s.term_start),
      leftOn: s.host_teacher_id === teacherId ? null : s.left_on,
      activitiesAttended: Number(s.attended),
      outputs: Number(s.outputs),
    })),
    expertTeams: teamRows.map((g) => ({
      id: g.id,
      name: g.name,
      pairedSchoolName: g.school_name,
      isLead: g.lead_teacher_id === teacherId,
      visits: Number(g.visits),
    })),
    selections: applications.map((a) => ({
      roundId: a.round_id,
      year: a.year,
      kindLabel: SELECTION_KIND_LABELS[a.kind],
      roundState: a.state,
      title: a.title,
      isSelected: a.state === 'published' && a.is_selected,
      finalScore: a.state === 'published' && testsVisible && a.final_score !== null ? Number(a.final_score) : null,
    })),
    testsVisible,
    tests: tests.map((x, i) => ({
      year: x.year,
      subject: x.subject,
      total: Number(x.total),
      parts: x.parts,
      schoolMean: x.school_mean === null ? null : Number(x.school_mean),
      change: i > 0 ? Math.round((Number(x.total) - Number(tests[i - 1]!.total)) * 10) / 10 : null,
    })),
  };
}

/** The growth page of the caller's own teacher record. */
export async function getOwnGrowth(ctx: ServiceContext): Promise<TeacherGrowth> {
  const access = growthAccess(ctx.actor);
  if (access.teacherId === null) throw new AppError('NOT_FOUND', { userMessage: '当前账号没有关联教师档案' });
  return getTeacherGrowth(ctx, access.teacherId);
}

/** A school's teacher-development page; NOT_FOUND outside the caller's reach. */
export async function getSchoolDevelopment(ctx: ServiceContext, schoolId: number): Promise<SchoolDevelopment> {
  const access = growthAccess(ctx.actor);
  requireGrowthReader(access);
  const school = (await findSchoolFacts(ctx.db, [schoolId])).get(schoolId);
  if (!school || !canSeeSchool(access, schoolId)) throw notFound('学校');
  const today = ctx.clock.today();
  const year = Number(today.slice(0, 4));
  const testVisible = access.isManager || access.adminSchoolIds.includes(schoolId);
  const [counts, studios, people, experts, helping, selections] = await Promise.all([
    repo.countSchoolTeachers(ctx.db, schoolId, today),
    repo.findActiveStudios(ctx.db, year),
    ctx.db
      .selectFrom('growth_studio_member as m')
      .innerJoin('teacher as t', 't.id', 'm.teacher_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('t.school_id', '=', schoolId)
      .where('m.left_on', 'is', null)
      .executeTakeFirstOrThrow(),
    repo.findCurrentExperts(ctx.db),
    teams.findTeams(ctx.db, { schoolId, isCurrent: true }),
    repo.findSchoolSelections(ctx.db, schoolId),
  ]);
  const expertIds = [...new Set(experts.map((e) => e.teacher_id))];
  const expertSchools = await findTeacherFacts(ctx.db, expertIds);
  const hosted = studios.filter((s) => s.school_id === schoolId);
  let test: SchoolDevelopment['test'] = {
    visible: testVisible,
    year: null,
    tested: 0,
    mean: null,
    districtMean: null,
    change: null,
    areas: [],
  };
  if (testVisible) {
    const manager = { ...access, isManager: true };
    const latest = (await findTestYears(ctx.db, manager))[0];
    if (latest !== undefined) {
      const previousYear = (await findTestYears(ctx.db, manager)).find((y) => y < latest);
      const [rows, all, prev] = await Promise.all([
        loadTestRows(ctx.db, manager, latest, schoolId),
        loadTestRows(ctx.db, manager, latest),
        previousYear === undefined ? Promise.resolve([]) : loadTestRows(ctx.db, manager, previousYear, schoolId),
      ]);
      test = {
        visible: true,
        year: latest,
        tested: rows.length,
        mean: scoreStats(rows.map((r) => r.total)).mean,
        districtMean: scoreStats(all.map((r) => r.total)).mean,
        change: meanChange(teacherChanges(prev, rows)),
        areas: areaPerformance(rows),
      };
    }
  }
  return {
    school: {
      id: schoolId,
      name: school.name,
      urbanRuralLabel: urbanRuralLabel(school.urban_rural_code),
      isRural: isRuralCode(school.urban_rural_code),
    },
    year,
    teachers: counts.teachers,
    backbone: counts.backbone,
    studios: { hosted: hosted.length, memberships: Number(people.n), names: hosted.map((s) => s.name) },
    experts: expertIds.filter((id) => expertSchools.get(id)?.school_id === schoolId).length,
    helpingTeams: helping.map(toTeamSummary),
    selections: selections.map((s) => ({
      year: s.year,
      kindLabel: SELECTION_KIND_LABELS[s.kind],
      applied: Number(s.applied),
      selected: Number(s.selected),
    })),
    test,
  };
}

const METRIC_OF: Record<TargetKey, DashboardMetric> = {
  demo_lessons: 'demo_lessons',
  teaching_experts: 'teaching_experts',
  studios: 'studios',
  rural_coverage: 'rural_unpaired',
};

/** The district dashboard of a year (default this year); district users only. */
export async function getDashboard(ctx: ServiceContext, queryYear: number | undefined): Promise<GrowthDashboard> {
  const access = growthAccess(ctx.actor);
  if (!access.isDistrictReader) throw new AppError('FORBIDDEN', { userMessage: '教师发展看板供区级用户查看' });
  const year = queryYear ?? Number(ctx.clock.today().slice(0, 4));
  const [versions, studios, activity, ratings, pairings, experts, ruralIds, visits, rounds, demo, expertSel] = await Promise.all([
    findTargetVersions(ctx.db),
    repo.findActiveStudios(ctx.db, year),
    repo.countActivities(ctx.db, year),
    repo.findRatings(ctx.db, year),
    repo.findCurrentPairings(ctx.db),
    repo.findCurrentExperts(ctx.db),
    findRuralSchoolIds(ctx.db),
    repo.countVisits(ctx.db, year),
    listRounds(ctx, { year }),
    repo.findSelected(ctx.db, year, 'demo_lesson'),
    repo.findSelected(ctx.db, year, 'teaching_expert'),
  ]);
  const people = await repo.findStudioPeople(
    ctx.db,
    studios.map((s) => s.id),
  );
  const rural = new Set(ruralIds);
  const ruralPaired = new Set(pairings.filter((p) => rural.has(p.paired_school_id)).map((p) => p.paired_school_id));
  const inForce = targetsInForce(versions, year);
  const actual: Record<TargetKey, number> = {
    demo_lessons: demo.length,
    teaching_experts: expertSel.length,
    studios: studios.length,
    rural_coverage: rural.size ? Math.round((ruralPaired.size / rural.size) * 1000) / 10 : 0,
  };
  let test: GrowthDashboard['test'] = { visible: access.isManager, year: null, tested: 0, mean: null };
  if (access.isManager) {
    const latest = (await findTestYears(ctx.db, access))[0];
    if (latest !== undefined) {
      const rows = await loadTestRows(ctx.db, access, latest);
      test = { visible: true, year: latest, tested: rows.length, mean: scoreStats(rows.map((r) => r.total)).mean };
    }
  }
  return {
    year,
    targets: TARGET_KEYS.map((key) => {
      const v = inForce.get(key);
      return {
        key,
        label: TARGET_LABELS[key].label,
        unit: TARGET_LABELS[key].unit,
        target: v?.value ?? null,
        actual: actual[key],
        progress: progressPercent(actual[key], v?.value),
        source: v?.source ?? null,
        validFromYear: v?.validFromYear ?? null,
        metric: METRIC_OF[key],
      };
    }),
    studios: {
      total: studios.length,
      byKind: STUDIO_KINDS.map((kind) => ({ kind, label: STUDIO_KIND_LABELS[kind], count: studios.filter((s) => s.kind === kind).length })),
      members: new Set(people.map((p) => p.teacher_id)).size,
      activities: activity.activities,
      outputs: activity.outputs,
      ratings: REVIEW_RATINGS.map((rating) => ({ rating, label: REVIEW_RATING_LABELS[rating], count: ratings.ratings.get(rating) ?? 0 })),
      reviewYear: ratings.year,
    },
    teams: {
      total: pairings.length,
      experts: new Set(experts.map((e) => e.teacher_id)).size,
      ruralSchools: rural.size,
      ruralPaired: ruralPaired.size,
      weakPaired: new Set(pairings.filter((p) => p.pairing_reason === 'weak').map((p) => p.paired_school_id)).size,
      visits,
    },
    rounds,
    test,
  };
}

const DRILL_TITLES: Record<DashboardMetric, string> = {
  demo_lessons: '入选示范课',
  teaching_experts: '入选教学能手',
  studios: '在期工作室',
  studio_members: '工作室主持人和成员',
  experts: '专家团队成员',
  rural_paired: '已结对的农村学校',
  rural_unpaired: '尚未结对的农村学校',
  weak_paired: '结对的薄弱学校',
  tested: '参加年度考核的教师',
};

/** The teachers, schools or studios behind a dashboard number, a page at a time. */
export async function drillDown(
  ctx: ServiceContext,
  query: { metric: DashboardMetric; year?: number | undefined; page: number; pageSize: number },
): Promise<DrillPage> {
  const access = growthAccess(ctx.actor);
  if (!access.isDistrictReader) throw new AppError('FORBIDDEN', { userMessage: '教师发展看板供区级用户查看' });
  const year = query.year ?? Number(ctx.clock.today().slice(0, 4));
  const rows = await drillRows(ctx, query.metric, year, access.isManager);
  const start = (query.page - 1) * query.pageSize;
  return {
    title: `${year} 年${DRILL_TITLES[query.metric]}`,
    items: rows.slice(start, start + query.pageSize),
    total: rows.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function teacherRows(ctx: ServiceContext, details: { teacherId: number; detail: string }[]): Promise<DrillRow[]> {
  const byTeacher = new Map<number, string[]>();
  for (const d of details) byTeacher.set(d.teacherId, [...(byTeacher.get(d.teacherId) ?? []), d.detail]);
  const facts = await findTeacherFacts(ctx.db, [...byTeacher.keys()]);
  return [...byTeacher]
    .map(([id, detail]) => {
      const t = facts.get(id)!;
      return {
        kind: 'teacher' as const,
        id,
        name: t.name,
        schoolId: t.school_id,
        schoolName: t.school_name,
        detail: detail.filter(Boolean).join('；'),
      };
    })
    .sort((a, b) => (a.schoolName ?? '').localeCompare(b.schoolName ?? '', 'zh') || a.name.localeCompare(b.name, 'zh'));
}

async function drillRows(ctx: ServiceContext, metric: DashboardMetric, year: number, isManager: boolean): Promise<DrillRow[]> {
  switch (metric) {
    case 'demo_lessons':
    case 'teaching_experts': {
      const rows = await repo.findSelected(ctx.db, year, metric === 'demo_lessons' ? 'demo_lesson' : 'teaching_expert');
      return teacherRows(
        ctx,
        rows.map((r) => ({ teacherId: r.teacher_id, detail: [r.subject, r.title ? `《${r.title}》` : ''].filter(Boolean).join(' ') })),
      );
    }
    case 'studios':
      return (await repo.findActiveStudios(ctx.db, year)).map((s) => ({
        kind: 'studio',
        id: s.id,
        name: s.name,
        schoolId: s.school_id,
        schoolName: s.school_name,
        detail: `${STUDIO_KIND_LABELS[s.kind]}，主持人 ${s.host_name}`,
      }));
    case 'studio_members': {
      const studios = await repo.findActiveStudios(ctx.db, year);
      const people = await repo.findStudioPeople(
        ctx.db,
        studios.map((s) => s.id),
      );
      return teacherRows(
        ctx,
        people.map((p) => ({ teacherId: p.teacher_id, detail: p.studio_name })),
      );
    }
    case 'experts':
      return teacherRows(
        ctx,
        (await repo.findCurrentExperts(ctx.db)).map((e) => ({ teacherId: e.teacher_id, detail: e.team_name })),
      );
    case 'rural_paired':
    case 'rural_unpaired':
    case 'weak_paired': {
      const [pairings, ruralIds] = await Promise.all([repo.findCurrentPairings(ctx.db), findRuralSchoolIds(ctx.db)]);
      const teamsBySchool = new Map<number, string[]>();
      for (const p of pairings) teamsBySchool.set(p.paired_school_id, [...(teamsBySchool.get(p.paired_school_id) ?? []), p.name]);
      let ids: number[];
      if (metric === 'rural_paired') ids = ruralIds.filter((id) => teamsBySchool.has(id));
      else if (metric === 'rural_unpaired') ids = ruralIds.filter((id) => !teamsBySchool.has(id));
      else ids = [...new Set(pairings.filter((p) => p.pairing_reason === 'weak').map((p) => p.paired_school_id))];
      const facts = await findSchoolFacts(ctx.db, ids);
      const weakReason = new Map(pairings.filter((p) => p.pairing_reason === 'weak').map((p) => [p.paired_school_id, p.weak_reason]));
      return ids
        .map((id) => facts.get(id)!)
        .map((s) => ({
          kind: 'school' as const,
          id: s.id,
          name: s.name,
          schoolId: s.id,
          schoolName: s.name,
          detail:
            metric === 'rural_unpaired'
              ? `${urbanRuralLabel(s.urban_rural_code)}，尚未结对专家团队`
              : `${urbanRuralLabel(s.urban_rural_code)}；${(teamsBySchool.get(s.id) ?? []).join('、')}${metric === 'weak_paired' ? `；薄弱原因：${weakReason.get(s.id) ?? ''}` : ''}`,
        }))
        .sort((a, b) => a.name.localeCompare(b.name, 'zh'));
    }
    case 'tested': {
      if (!isManager) throw new AppError('FORBIDDEN', { userMessage: '教师考核结果仅区教师科可以查看' });
      const access = growthAccess(ctx.actor);
      const latest = (await findTestYears(ctx.db, access))[0];
      if (latest === undefined) return [];
      const rows = await loadTestRows(ctx.db, access, latest);
      return rows
        .map((r) => ({
          kind: 'teacher' as const,
          id: r.teacherId,
          name: r.teacherName,
          schoolId: r.schoolId,
          schoolName: r.schoolName,
          detail: `${latest} 年考核学科：${r.subject}`,
        }))
        .sort((a, b) => a.schoolName.localeCompare(b.schoolName, 'zh') || a.name.localeCompare(b.name, 'zh'));
    }
  }
}
