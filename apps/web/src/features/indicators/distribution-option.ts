/** ECharts options of a ranking (bars per school) and of a distribution (histogram of school values). */
import type { IndicatorSchools } from '@zhiping/contracts';
import type { EChartsOption } from '../../components/echart.tsx';
import { chartNumber, formatValueOf } from './indicator-format.ts';
import { STATUS_META } from './indicator-status.tsx';

/** Horizontal bars of every ranked school, best first, coloured by status. */
export function rankingOption(data: IndicatorSchools): EChartsOption {
  const ranked = data.items.filter((s) => s.value.value !== null);
  const threshold = ranked.find((s) => s.value.threshold)?.value.threshold?.value;
  return {
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => formatValueOf(data.code, v) } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: ranked.map((s) => `${s.rank ?? '—'}. ${s.schoolName}`),
      axisLabel: { width: 160, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: data.name,
        barMaxWidth: 16,
        data: ranked.map((s) => ({
          value: chartNumber(data.code, s.value.value),
          itemStyle: { color: STATUS_META[s.value.status].color },
        })),
        label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => ranked[p.dataIndex]?.value.display ?? '' },
        markLine:
          threshold === undefined
            ? undefined
            : {
                silent: true,
                symbol: 'none',
                lineStyle: { type: 'dashed', color: '#fa8c16' },
                label: { formatter: '标准' },
                data: [{ xAxis: threshold }],
              },
      },
    ],
  };
}

/** Bins of the school values; a bin is red when its whole range fails the threshold. */
export function histogramOption(data: IndicatorSchools, direction: 'min' | 'max' | undefined): EChartsOption {
  const bins = data.distribution.bins;
  const threshold = data.items.find((s) => s.value.threshold)?.value.threshold?.value;
  const fails = (from: number, to: number) => threshold !== undefined && (direction === 'max' ? from > threshold : to < threshold);
  return {
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: bins.map((b) => `${formatValueOf(data.code, b.from)}–${formatValueOf(data.code, b.to)}`),
      axisLabel: { interval: 0, rotate: bins.length > 6 ? 30 : 0 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: '学校数',
        barCategoryGap: '4%',
        data: bins.map((b) => ({ value: b.count, itemStyle: { color: fails(b.from, b.to) ? STATUS_META.not_met.color : '#1677ff' } })),
        label: { show: true, position: 'top' },
      },
    ],
  };
}
