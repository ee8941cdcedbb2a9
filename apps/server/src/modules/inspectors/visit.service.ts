/**
 * Visits of responsible inspectors (责任督学常规督导): a record on the 8 routine items (正常 / 存在问题
 * with a note), issues raised (each becomes a rectification item) and follow-ups of open items. A visit
 * opens with the school's unfinished rectification items; the calendar shows visits and the schools
 * whose next visit is due or overdue.
 */
import type { Page, RectificationSummary, Visit, VisitCalendar, VisitInput, VisitStart } from '@zhiping/contracts';
import type { VisitListQuery } from '@zhiping/contracts';
import { RESPONSIBLE_INSPECTOR_VISIT_TEMPLATE, flattenRubric, listCheckpoints } from '@zhiping/domain';
import type { z } from 'zod';
import { recordAudit } from '../../platform/audit.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { accessOf } from '../evaluations/evaluation-access.ts';
import type { EvaluationAccess } from '../evaluations/evaluation.policy.ts';
import { addFollowUps, listUnfinishedItems, openItems } from '../rectification/rectification.service.ts';
import { listResponsibilities, responsibleInspectorOf } from './inspector.service.ts';
import * as inspectors from './inspector.repository.ts';
import * as repo from './visit.repository.ts';

const TEMPLATE = RESPONSIBLE_INSPECTOR_VISIT_TEMPLATE;
const CHECKS = new Map(
  flattenRubric(TEMPLATE)
    .filter((f) => f.node.kind === 'checkpoint')
    .map((f) => [f.node.code, { node: f.node, areaTitle: TEMPLATE.nodes.find((a) => a.code === f.areaCode)!.title }] as const),
);

function scopeOf(access: EvaluationAccess): repo.VisitScope {
  if (access.isDistrictReader) return { kind: 'district' };
  return {
    kind: 'limited',
    schoolIds: [...new Set([...access.adminSchoolIds, ...access.responsibleSchoolIds])],
    inspectorId: access.isInspector ? access.userId : null,
  };
}

function toVisit(r: repo.VisitRow): Visit {
  const items = (r.items as { code: string; yes: boolean; note: string }[]).map((i) => ({
    ...i,
    title: CHECKS.get(i.code)?.node.title ?? i.code,
    areaTitle: CHECKS.get(i.code)?.areaTitle ?? '',
  }));
  const labels = TEMPLATE.verdictLabels!;
  return {
    id: r.id,
    schoolId: r.school_id,
    schoolName: r.school_name,
    inspectorId: r.inspector_id,
    inspectorName: r.inspector_name,
    visitDate: r.visit_date,
    items,
    summary: r.summary,
    problemCount: r.problem_count,
    verdictLabel: r.problem_count > 0 ? labels.fail : labels.pass,
    rectificationIds: (r.rectification_ids ?? []).map(Number),
    followUps: r.follow_ups as Visit['followUps'],
    createdAt: r.created_at.toISOString(),
  };
}

/** Records a visit with its issues (opened as rectification items) and follow-ups, in one transaction. */
export async function recordVisit(ctx: ServiceContext, input: VisitInput): Promise<Visit> {
  const access = await accessOf(ctx);
  const responsible = await responsibleInspectorOf(ctx.db, input.schoolId);
  if (!responsible) throw new AppError('INVALID_STATE', { userMessage: '该校尚未配备责任督学' });
  const isResponsible = access.isInspector && responsible.inspectorId === access.userId;
  if (!isResponsible && !access.isSupervisor)
    throw new AppError('FORBIDDEN', { userMessage: '只有该校的责任督学（或督导室代录）可以记录督导' });
  if (input.visitDate > ctx.clock.today()) throw invalid('visitDate', '督导日期不能晚于今天');
  const seen = new Set<string>();
  for (const [n, item] of input.items.entries()) {
    const check = CHECKS.get(item.code);
    if (!check) throw invalid(`items.${n}.code`, `没有督导事项 ${item.code}`);
    if (seen.has(item.code)) throw invalid(`items.${n}.code`, `督导事项 ${item.code} 重复`);
    seen.add(item.code);
    if (!item.yes && !item.note.trim()) throw invalid(`items.${n}.note`, `“${check.node.title}”存在问题时须说明`);
  }
  if (input.items.length === 0 && !input.summary.trim()) throw invalid('items', '请至少记录一项督导内容或填写督导情况');
  const open = await listUnfinishedItems(ctx, input.schoolId);
  for (const [n, f] of input.followUps.entries())
    if (!open.some((o) => o.id === f.rectificationId)) throw invalid(`followUps.${n}.rectificationId`, '该整改事项不属于本校或已销号');
  for (const [n, i] of input.issues.entries())
    if (i.deadline < input.visitDate) throw invalid(`issues.${n}.deadline`, '整改期限不能早于督导日期');
  const id = await inTransaction(ctx, async (tx) => {
    const visitId = await repo.insertVisit(tx.db, {
      school_id: input.schoolId,
      inspector_id: responsible.inspectorId,
      visit_date: input.visitDate,
      items: JSON.stringify(input.items),
      summary: input.summary,
      follow_ups: JSON.stringify(input.followUps),
      problem_count: input.items.filter((i) => !i.yes).length,
      created_by_name: tx.actor.displayName,
    });
    await openItems(
      tx,
      input.issues.map((i) => ({ ...i, schoolId: input.schoolId, evaluationId: null, visitId })),
    );
    await addFollowUps(
      tx,
      input.followUps.map((f) => ({ itemId: f.rectificationId, schoolId: input.schoolId, note: f.note })),
    );
    await recordAudit(tx.db, tx.actor, {
      action: 'inspector.visit.record',
      entityType: 'inspector_visit',
      entityId: visitId,
      schoolId: input.schoolId,
      summary: `责任督学督导记录（${input.visitDate}）：${input.items.length} 项，发现问题 ${input.items.filter((i) => !i.yes).length} 项，立整改 ${input.issues.length} 项`,
      after: input,
    });
    return visitId;
  });
  return getVisit(ctx, id);
}

/** One visit in scope. */
export async function getVisit(ctx: ServiceContext, id: number): Promise<Visit> {
  const access = await accessOf(ctx);
  const [row] = await repo.findVisits(ctx.db, scopeOf(access), { ids: [id] });
  if (!row) throw notFound('督导记录');
  return toVisit(row);
}

/** A page of visits in scope. */
export async function listVisits(ctx: ServiceContext, query: z.infer<typeof VisitListQuery>): Promise<Page<Visit>> {
  const access = await accessOf(ctx);
  const { total, rows } = await repo.findVisitPage(
    ctx.db,
    scopeOf(access),
    { schoolId: query.schoolId, inspectorId: query.inspectorId, from: query.from, to: query.to },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return { items: rows.map(toVisit), total, page: query.page, pageSize: query.pageSize };
}

/** What a new visit opens with: the checklist, the last visit and the school's unfinished rectification items. */
export async function getVisitStart(ctx: ServiceContext, schoolId: number): Promise<VisitStart> {
  const access = await accessOf(ctx);
  const scope = scopeOf(access);
  if (scope.kind === 'limited' && !scope.schoolIds.includes(schoolId)) throw notFound('学校');
  const school = await inspectors.findSchoolCard(ctx.db, schoolId);
  if (!school) throw notFound('学校');
  const [responsible, last, openItemsList] = await Promise.all([
    responsibleInspectorOf(ctx.db, schoolId),
    repo.findVisits(ctx.db, scope, { schoolId }),
    listUnfinishedItems(ctx, schoolId),
  ]);
  const yesNo = (code: string) => {
    const m = CHECKS.get(code)!.node.method;
    return m?.kind === 'yes_no' ? { yesLabel: m.yesLabel ?? '是', noLabel: m.noLabel ?? '否' } : { yesLabel: '是', noLabel: '否' };
  };
  return {
    school: { id: school.id, code: school.code, name: school.name, address: school.address },
    inspector: responsible ? { userId: responsible.inspectorId, name: responsible.name } : null,
    checklist: TEMPLATE.nodes.map((area) => ({
      code: area.code,
      title: area.title,
      items: listCheckpoints({ nodes: [area] }).map((n) => ({ code: n.code, title: n.title, ...yesNo(n.code) })),
    })),
    lastVisit: last[0] ? toVisit(last[0]) : null,
    openItems: openItemsList as RectificationSummary[],
  };
}

/** Visits in a window and the schools whose next visit falls in it or is overdue. */
export async function getCalendar(
  ctx: ServiceContext,
  query: { from: string; to: string; inspectorId?: number | undefined },
): Promise<VisitCalendar> {
  if (query.to < query.from) throw invalid('to', '结束日期不能早于开始日期');
  const access = await accessOf(ctx);
  const visits = await repo.findVisits(ctx.db, scopeOf(access), { from: query.from, to: query.to, inspectorId: query.inspectorId });
  const { items } = await listResponsibilities(ctx, { inspectorId: query.inspectorId });
  const due = items
    .filter((r) => r.inspectorId !== null && (r.isOverdue || (r.nextDue !== null && r.nextDue >= query.from && r.nextDue <= query.to)))
    .map((r) => ({
      schoolId: r.schoolId,
      schoolName: r.schoolName,
      inspectorName: r.inspectorName,
      nextDue: r.nextDue,
      isOverdue: r.isOverdue,
      daysOverdue: r.daysOverdue,
    }))
    .sort(
      (a, b) =>
        Number(b.isOverdue) - Number(a.isOverdue) || b.daysOverdue - a.daysOverdue || (a.nextDue ?? '').localeCompare(b.nextDue ?? ''),
    );
  return {
    from: query.from,
    to: query.to,
    visits: visits
      .map((v) => ({
        id: v.id,
        date: v.visit_date,
        schoolId: v.school_id,
        schoolName: v.school_name,
        inspectorName: v.inspector_name,
        problemCount: v.problem_count,
      }))
      .sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id),
    due,
  };
}
