/**
 * Client-side xlsx of indicator tables, for which the server has no export (the assessments have
 * their own server exports). Unrounded values go in as numbers beside the displayed text.
 */
import type { IndicatorSchools, IndicatorValue } from '@zhiping/contracts';
import { SPONSOR } from '@zhiping/domain';
import { saveXlsx } from '../../lib/save-file.ts';
import { buildXlsx, type Cell } from '../../lib/xlsx-writer.ts';
import { stageName, thresholdText } from './indicator-format.ts';
import { STATUS_META } from './indicator-status.tsx';

const VALUE_HEADER = ['值（显示）', '值', '分子', '分母', '标准', '标准依据', '状态', '说明'];

function valueCells(v: IndicatorValue): Cell[] {
  return [
    v.display ?? '—',
    v.value,
    v.numerator,
    v.denominator,
    v.threshold ? thresholdText(v.code, v.threshold) : '',
    v.threshold?.document ?? '',
    STATUS_META[v.status].label,
    [v.reason, ...v.warnings].filter(Boolean).join('；'),
  ];
}

/** Saves district values (the overview table). */
export function exportValues(items: readonly IndicatorValue[], fileName: string): void {
  const rows = items.map((v) => [v.name, stageName(v.stage), v.code, ...valueCells(v)]);
  saveXlsx(buildXlsx('指标值', ['指标', '学段', '指标代码', ...VALUE_HEADER], rows), fileName);
}

/** Saves a ranking of schools. */
export function exportRanking(data: IndicatorSchools, fileName: string): void {
  const rows = data.items.map((s) => [
    s.rank,
    s.schoolName,
    s.schoolCode,
    s.streetName ?? '',
    SPONSOR.labels[s.sponsor],
    ...valueCells(s.value),
  ]);
  saveXlsx(buildXlsx('各校排名', ['名次', '学校', '学校标识码', '街镇', '举办者', ...VALUE_HEADER], rows), fileName);
}
