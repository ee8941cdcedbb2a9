/**
 * Rotation reports from the rows themselves: per school year, the teachers who began a 交流 (partial
 * assignments, and full ones an executed plan created) by home school, against that year's eligible teachers
 * (computed from base data as on 1 September), with the 骨干 and high-quality shares; by school over the
 * years and the totals of the window (five years by default); xlsx export.
 */
import type { RotationReport, RotationReportQuery, RotationReportRow } from '@zhiping/contracts';
import ExcelJS from 'exceljs';
import { recordAudit } from '../../platform/audit.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { loadYear } from '../indicators/indicator.service.ts';
import { computeEligibility, eligibleBySchool } from './eligibility.service.ts';
import { requireDistrictReader, rotationAccess } from './rotation.policy.ts';
import * as repo from './rotation.repository.ts';

const ratio = (n: number, d: number) => (d > 0 ? n / d : null);

function row(
  year: number,
  schoolId: number | null,
  schoolName: string,
  c: { eligible: number; rotated: number; backbone: number; highQuality: number },
): RotationReportRow {
  return {
    year,
    schoolId,
    schoolName,
    ...c,
    share: ratio(c.rotated, c.eligible),
    backboneShare: ratio(c.backbone, c.rotated),
    highQualityShare: ratio(c.highQuality, c.rotated),
  };
}

/** The report over a window of school years (default: the five years up to the latest with statistics or plans). */
export async function getReport(ctx: ServiceContext, q: RotationReportQuery): Promise<RotationReport> {
  requireDistrictReader(rotationAccess(ctx.actor));
  const { years: statYears } = await loadYear(ctx.db, undefined);
  const plans = await repo.findPlans(ctx.db);
  const latest = Math.max(statYears[0] ?? 0, ...plans.map((p) => p.school_year));
  if (latest === 0) throw new AppError('NOT_FOUND', { userMessage: '尚无学年数据' });
  const toYear = q.toYear ?? latest;
  const fromYear = q.fromYear ?? toYear - 4;
  if (fromYear > toYear || toYear - fromYear > 9) throw invalid('fromYear', '起止学年须在10年以内且起始不晚于截止');
  const years = Array.from({ length: toYear - fromYear + 1 }, (_, i) => fromYear + i);
  const history = await repo.findRotationHistory(ctx.db, fromYear, toYear);
  const byYear: RotationReportRow[] = [];
  const schoolTotals = new Map<number, { name: string; eligible: number; rotated: number; backbone: number; highQuality: number }>();
  let ruleSet: RotationReport['ruleSet'] | null = null;
  for (const year of years) {
    let e;
    try {
      e = await computeEligibility(ctx.db, year);
    } catch (err) {
      if (err instanceof AppError && err.code === 'INVALID_STATE') continue; // no rule set in force that year
      throw err;
    }
    ruleSet = {
      title: e.ruleSet.title,
      documentNumber: e.ruleSet.documentNumber,
      minShare: e.ruleSet.rules.minShare,
      backboneShare: e.ruleSet.rules.backboneShare,
    };
    const hq = new Set(e.ruleSet.rules.highQualityTitles);
    const eligible = eligibleBySchool(e);
    const start = `${year}-09-01`;
    const end = `${year + 1}-08-31`;
    const rotations = history.filter((h) => h.valid_from >= start && h.valid_from <= end);
    const per = new Map<number, { eligible: number; rotated: number; backbone: number; highQuality: number }>();
    for (const [id, n] of eligible) per.set(id, { eligible: n, rotated: 0, backbone: 0, highQuality: 0 });
    const seen = new Set<number>();
    for (const r of rotations) {
      if (seen.has(r.teacher_id)) continue;
      seen.add(r.teacher_id);
      const c = per.get(r.home_school_id) ?? { eligible: 0, rotated: 0, backbone: 0, highQuality: 0 };
      c.rotated += 1;
      if (r.is_backbone) c.backbone += 1;
      if (r.is_backbone || hq.has(r.title)) c.highQuality += 1;
      per.set(r.home_school_id, c);
    }
    const sum = { eligible: 0, rotated: 0, backbone: 0, highQuality: 0 };
    for (const [id, c] of per) {
      sum.eligible += c.eligible;
      sum.rotated += c.rotated;
      sum.backbone += c.backbone;
      sum.highQuality += c.highQuality;
      const t = schoolTotals.get(id) ?? {
        name: e.schools.get(id)?.name ?? `学校${id}`,
        eligible: 0,
        rotated: 0,
        backbone: 0,
        highQuality: 0,
      };
      t.eligible += c.eligible;
      t.rotated += c.rotated;
      t.backbone += c.backbone;
      t.highQuality += c.highQuality;
      schoolTotals.set(id, t);
    }
    byYear.push(row(year, null, '全区', sum));
  }
  if (!ruleSet) throw new AppError('INVALID_STATE', { userMessage: '所选学年均没有生效的交流轮岗规则，请先在“规则配置”中新增' });
  const total = byYear.reduce(
    (a, r) => ({
      eligible: a.eligible + r.eligible,
      rotated: a.rotated + r.rotated,
      backbone: a.backbone + r.backbone,
      highQuality: a.highQuality + r.highQuality,
    }),
    { eligible: 0, rotated: 0, backbone: 0, highQuality: 0 },
  );
  const bySchool = [...schoolTotals]
    .filter(([, t]) => t.eligible > 0 || t.rotated > 0)
    .map(([id, t]) => row(toYear, id, t.name, t))
    .sort((a, b) => b.rotated - a.rotated || a.schoolName.localeCompare(b.schoolName, 'zh'));
  return { years: byYear.map((r) => r.year), byYear, bySchool, total: row(toYear, null, `${fromYear}–${toYear} 学年合计`, total), ruleSet };
}

const pct = (x: number | null) => (x === null ? '—' : Math.round(x * 1000) / 10);

/** The report as a workbook (按学年, 按学校); audited. */
export async function exportReport(
  ctx: ServiceContext,
  q: RotationReportQuery,
): Promise<{ fileName: string; contentType: string; buffer: Buffer }> {
  const r = await getReport(ctx, q);
  const book = new ExcelJS.Workbook();
  const head = [
    '应交流教师（人次）',
    '交流人数',
    '占应交流比例（%）',
    '其中骨干教师',
    '骨干占比（%）',
    '其中优质教师',
    '优质教师占比（%）',
  ];
  const cells = (x: RotationReportRow) => [
    x.eligible,
    x.rotated,
    pct(x.share),
    x.backbone,
    pct(x.backboneShare),
    x.highQuality,
    pct(x.highQualityShare),
  ];
  const a = book.addWorksheet('按学年');
  a.addRow([`教师交流轮岗统计（${r.total.schoolName}；依据 ${r.ruleSet.title}，${r.ruleSet.documentNumber}）`]).font = { bold: true };
  a.addRow(['学年', ...head]).font = { bold: true };
  for (const x of r.byYear) a.addRow([`${x.year}学年`, ...cells(x)]);
  a.addRow(['合计', ...cells(r.total)]).font = { bold: true };
  const b = book.addWorksheet('按学校');
  b.addRow(['学校', ...head]).font = { bold: true };
  for (const x of r.bySchool) b.addRow([x.schoolName, ...cells(x)]);
  for (const s of [a, b]) s.columns.forEach((c, i) => (c.width = i === 0 ? 26 : 16));
  await recordAudit(ctx.db, ctx.actor, {
    action: 'export.rotation_report',
    entityType: 'rotation',
    summary: `导出教师交流轮岗统计（${r.total.schoolName}）`,
  });
  return {
    fileName: `教师交流轮岗统计${r.years[0] ?? ''}-${r.years.at(-1) ?? ''}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await book.xlsx.writeBuffer()),
  };
}
