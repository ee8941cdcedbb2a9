/** ECharts options of an indicator's trend: a full line chart or a sparkline, with the threshold as a dashed line. */
import type { IndicatorTrend } from '@zhiping/contracts';
import type { EChartsOption } from '../../components/echart.tsx';
import { chartNumber, formatValueOf } from './indicator-format.ts';

/** The threshold of the latest point that has one (thresholds can change over the years). */
function latestThreshold(trend: IndicatorTrend): number | null {
  for (let i = trend.points.length - 1; i >= 0; i--) {
    const t = trend.points[i]?.value?.threshold;
    if (t) return t.value;
  }
  return null;
}

/** A line over the school years; gaps where a year has no value. */
export function trendOption(trend: IndicatorTrend, options: { isSparkline?: boolean; isDark?: boolean } = {}): EChartsOption {
  const { isSparkline = false, isDark = false } = options;
  const threshold = latestThreshold(trend);
  const data = trend.points.map((p) => chartNumber(trend.code, p.value?.value ?? null));
  const accent = isDark ? '#4cc9f0' : '#1677ff';
  return {
    backgroundColor: 'transparent',
    grid: isSparkline ? { left: 2, right: 2, top: 6, bottom: 2 } : { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: unknown) => (typeof v === 'number' ? formatValueOf(trend.code, v) : '无数据'),
    },
    xAxis: { type: 'category', data: trend.points.map((p) => `${p.year}学年`), show: !isSparkline, boundaryGap: false },
    // The sparkline zooms in on the movement; the full chart starts at zero so small changes look small.
    yAxis: { type: 'value', show: !isSparkline, scale: isSparkline },
    series: [
      {
        type: 'line',
        name: trend.name,
        data,
        connectNulls: false,
        symbolSize: isSparkline ? 4 : 7,
        lineStyle: { width: isSparkline ? 2 : 3, color: accent },
        itemStyle: { color: accent },
        areaStyle: isSparkline ? { opacity: 0.12, color: accent } : undefined,
        label: isSparkline
          ? undefined
          : { show: true, position: 'top', formatter: (p: { value: number }) => formatValueOf(trend.code, p.value) },
        markLine:
          threshold === null
            ? undefined
            : {
                silent: true,
                symbol: 'none',
                lineStyle: { type: 'dashed', color: '#fa8c16' },
                label: { show: !isSparkline, formatter: `标准 ${formatValueOf(trend.code, threshold)}` },
                data: [{ yAxis: threshold }],
              },
      },
    ],
  };
}
