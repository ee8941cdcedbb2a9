/**
 * An ECharts canvas (modular imports: only the charts and components Zhiping draws) that resizes with
 * its container and hands its instance to the caller, e.g. for a PNG export with getDataURL.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export type EChartsInstance = echarts.ECharts;
export type EChartsOption = echarts.EChartsCoreOption;

export interface EChartProps {
  option: EChartsOption;
  height: number | string;
  /** Accessible description of the chart. */
  ariaLabel: string;
  /** 'dark' for the big screen. */
  theme?: 'dark';
  /** Receives the instance once drawn (null when unmounted). */
  onInstance?: (chart: EChartsInstance | null) => void;
  /** Receives clicks on data items (bars, points). */
  onItemClick?: (dataIndex: number, seriesIndex: number) => void;
}

export function EChart({ option, height, ariaLabel, theme, onInstance, onItemClick }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsInstance | null>(null);
  const clickRef = useRef(onItemClick);
  clickRef.current = onItemClick;

  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, theme);
    chartRef.current = chart;
    chart.on('click', (p) => clickRef.current?.(p.dataIndex, p.seriesIndex ?? 0));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(ref.current);
    onInstance?.(chart);
    return () => {
      observer.disconnect();
      onInstance?.(null);
      chart.dispose();
      chartRef.current = null;
    };
    // The instance lives as long as the element; option changes are applied below.
  }, [theme]);

  useEffect(() => {
    chartRef.current?.setOption({ aria: { enabled: true, label: { description: ariaLabel } }, ...option }, true);
  }, [option, ariaLabel]);

  return <div ref={ref} role="img" aria-label={ariaLabel} style={{ width: '100%', height }} />;
}
