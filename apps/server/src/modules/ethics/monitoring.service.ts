/**
 * Ethics monitoring for the 师德办: reports and cases by category, school and month, handling time
 * against the step deadlines, overdue cases, and schools with repeated cases (≥ N cases in Y years,
 * configurable; the default comes from the rules version). Counts only — no ranking of teachers.
 */
import type { EthicsMonitoring, EthicsMonitoringQuery } from '@zhiping/contracts';
import { addMonths, ethicsRulesOn } from '@zhiping/domain';
import { sql } from 'kysely';
import type { ServiceContext } from '../../platform/context.ts';
import { caseNumber, stateLabel } from './case.mapper.ts';
import { currentDueSql } from './case.repository.ts';
import { ethicsAccess, requireOffice } from './ethics.policy.ts';
import { ETHICS_CASE_WORKFLOW } from '@zhiping/domain';

const ACCEPTED = sql<boolean>`(c.triaged_on is not null and wi.state <> 'dismissed')`;

/** The monitoring figures of a period (default: the last three calendar years to today). */
export async function getMonitoring(ctx: ServiceContext, query: EthicsMonitoringQuery): Promise<EthicsMonitoring> {
  requireOffice(ethicsAccess(ctx.actor), '师德监测');
  const today = ctx.clock.today();
  const rules = ethicsRulesOn(today);
  const to = query.to ?? today;
  const from = query.from ?? `${Number(to.slice(0, 4)) - 2}-01-01`;
  const repeatCount = query.repeatCount ?? rules.repeatedCases.count;
  const repeatYears = query.repeatYears ?? rules.repeatedCases.years;
  const due = currentDueSql(rules.deadlines);
  const cases = () =>
    ctx.db.selectFrom('ethics_case as c').innerJoin('workflow_instance as wi', (j) =>
      j
        .on('wi.definition_key', '=', ETHICS_CASE_WORKFLOW.key)
        .on('wi.subject_type', '=', 'ethics_case')
        .on('wi.subject_id', '=', sql<string>`c.id::text`),
    );
  const inRange = sql<boolean>`c.received_on between ${from}::date and ${to}::date`;

  const [totals, byCategory, bySchool, byMonth, handling, overdue, repeated, active] = await Promise.all([
    cases()
      .where(inRange)
      .select([
        sql<number>`count(*) filter (where c.source = 'public_report')::int`.as('reports'),
        sql<number>`count(*) filter (where ${ACCEPTED})::int`.as('cases'),
        sql<number>`count(*) filter (where wi.state = 'dismissed')::int`.as('dismissed'),
        sql<number>`count(*) filter (where wi.state not in ('closed', 'dismissed'))::int`.as('open'),
        sql<number>`count(*) filter (where ${due} < ${today}::date)::int`.as('overdue'),
        sql<number>`count(*) filter (where c.decided_on is not null)::int`.as('decided'),
        sql<number>`count(*) filter (where c.outcome = 'penalty')::int`.as('with_penalty'),
      ])
      .executeTakeFirstOrThrow(),
    cases()
      .where(inRange)
      .where(ACCEPTED)
      .select(['c.category', sql<number>`count(*)::int`.as('n')])
      .groupBy('c.category')
      .execute(),
    cases()
      .innerJoin('school_version as sv', (j) =>
        j.on('sv.school_id', '=', sql<number>`coalesce(c.school_id, c.reported_school_id)`).on('sv.valid_to', 'is', null),
      )
      .where(inRange)
      .select([
        'sv.school_id',
        'sv.name',
        sql<number>`count(*) filter (where c.source = 'public_report')::int`.as('reports'),
        sql<number>`count(*) filter (where ${ACCEPTED})::int`.as('cases'),
      ])
      .groupBy(['sv.school_id', 'sv.name'])
      .orderBy('sv.name')
      .execute(),
    cases()
      .where(inRange)
      .select([
        sql<string>`to_char(c.received_on, 'YYYY-MM')`.as('month'),
        sql<number>`count(*) filter (where c.source = 'public_report')::int`.as('reports'),
        sql<number>`count(*) filter (where ${ACCEPTED})::int`.as('cases'),
      ])
      .groupBy(sql`to_char(c.received_on, 'YYYY-MM')`)
      .orderBy('month')
      .execute(),
    cases()
      .where(sql<boolean>`c.decided_on between ${from}::date and ${to}::date`)
      .select([
        sql<number>`count(*)::int`.as('n'),
        sql<number | null>`round(avg(c.decided_on - c.received_on), 1)`.as('avg_days'),
        sql<number>`count(*) filter (where c.findings_on <= c.investigation_due and c.decided_on <= coalesce(c.decision_due, c.decided_on))::int`.as(
          'within',
        ),
      ])
      .executeTakeFirstOrThrow(),
    cases()
      .leftJoin('school_version as sv', (j) => j.onRef('sv.school_id', '=', 'c.school_id').on('sv.valid_to', 'is', null))
      .where(sql<boolean>`${due} < ${today}::date`)
      .select(['c.id', 'c.received_on', 'wi.state', due.as('due'), 'sv.name as school_name'])
      .orderBy(due)
      .limit(100)
      .execute(),
    cases()
      .innerJoin('school_version as sv', (j) => j.onRef('sv.school_id', '=', 'c.school_id').on('sv.valid_to', 'is', null))
      .where(ACCEPTED)
      .where(sql<boolean>`c.received_on > ${addMonths(to, -12 * repeatYears)}::date and c.received_on <= ${to}::date`)
      .select([
        'sv.school_id',
        'sv.name',
        sql<number>`count(*)::int`.as('n'),
        sql<{ id: number; r: string }[]>`json_agg(json_build_object('id', c.id, 'r', c.received_on) order by c.received_on)`.as('ids'),
      ])
      .groupBy(['sv.school_id', 'sv.name'])
      .having(sql<boolean>`count(*) >= ${repeatCount}`)
      .orderBy('sv.name')
      .execute(),
    ctx.db
      .selectFrom('ethics_restriction')
      .select(sql<number>`count(distinct teacher_id)::int`.as('n'))
      .where('revoked_on', 'is', null)
      .where('starts_on', '<=', today)
      .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', today)]))
      .executeTakeFirstOrThrow(),
  ]);

  const categoryCounts = new Map(byCategory.map((r) => [r.category, r.n]));
  const decided = handling.n;
  return {
    from,
    to,
    totals: {
      reports: totals.reports,
      cases: totals.cases,
      dismissed: totals.dismissed,
      open: totals.open,
      overdue: totals.overdue,
      decided: totals.decided,
      withPenalty: totals.with_penalty,
      activeRestrictions: active.n,
    },
    byCategory: rules.categories.map((c) => ({ code: c.code, label: c.label, cases: categoryCounts.get(c.code) ?? 0 })),
    bySchool: bySchool.map((r) => ({ schoolId: r.school_id, schoolName: r.name, reports: r.reports, cases: r.cases })),
    byMonth: byMonth.map((r) => ({ month: r.month, reports: r.reports, cases: r.cases })),
    handling: {
      decidedCount: decided,
      averageDays: handling.avg_days === null ? null : Number(handling.avg_days),
      withinDeadline: handling.within,
      pastDeadline: decided - handling.within,
    },
    overdueCases: overdue.map((r) => ({
      id: r.id,
      caseNo: caseNumber(r.id, r.received_on),
      stateLabel: stateLabel(r.state),
      due: r.due!,
      schoolName: r.school_name,
    })),
    repeated: {
      count: repeatCount,
      years: repeatYears,
      rule: `${repeatYears} 年内受理 ${repeatCount} 件及以上（默认值依据 ${rules.version} 配置）`,
      schools: repeated.map((r) => ({
        schoolId: r.school_id,
        schoolName: r.name,
        cases: r.n,
        caseNos: r.ids.map((x) => caseNumber(x.id, String(x.r).slice(0, 10))),
      })),
    },
  };
}
