/**
 * A bar chart drawn with ECharts, imported modularly (core + bar + the few components used) so the
 * chart pages stay small; resizes with its container.
 */
import { BarChart as EBarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([EBarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface BarSeries {
  name: string;
  values: number[];
}

export interface BarChartProps {
  categories: string[];
  series: BarSeries[];
  height?: number;
  /** Horizontal bars (long category names). */
  isHorizontal?: boolean;
  /** Accessible description of the chart. */
  ariaLabel: string;
}

export function BarChart({ categories, series, height = 300, isHorizontal = false, ariaLabel }: BarChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const categoryAxis = { type: 'category' as const, data: categories, axisLabel: { interval: 0, hideOverlap: true } };
    const valueAxis = { type: 'value' as const, minInterval: 1 };
    chartRef.current?.setOption(
      {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { show: series.length > 1, top: 0 },
        grid: { left: 8, right: 16, top: series.length > 1 ? 32 : 16, bottom: 8, containLabel: true },
        xAxis: isHorizontal ? valueAxis : categoryAxis,
        yAxis: isHorizontal ? { ...categoryAxis, inverse: true } : valueAxis,
        series: series.map((s) => ({ type: 'bar', name: s.name, data: s.values, barMaxWidth: 36 })),
        aria: { enabled: true, label: { description: ariaLabel } },
      },
      true,
    );
  }, [categories, series, isHorizontal, ariaLabel]);

  return <div ref={ref} role="img" aria-label={ariaLabel} style={{ width: '100%', height }} />;
}
