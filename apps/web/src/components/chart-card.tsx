/** A card holding one chart, with 导出图片 (PNG via ECharts getDataURL) and an optional 导出Excel. */
import { FileExcelOutlined, PictureOutlined } from '@ant-design/icons';
import { Button, Card, Tooltip } from 'antd';
import { useRef, type ReactNode } from 'react';
import { saveUrl } from '../lib/save-file.ts';
import { EChart, type EChartProps, type EChartsInstance } from './echart.tsx';

export interface ChartCardProps extends Omit<EChartProps, 'onInstance'> {
  title: ReactNode;
  /** File name of the PNG without extension. */
  fileName: string;
  /** Exports the chart's data as xlsx. */
  onExportXlsx?: () => void;
  extra?: ReactNode;
}

export function ChartCard({ title, fileName, onExportXlsx, extra, ...chart }: ChartCardProps) {
  const instance = useRef<EChartsInstance | null>(null);
  const exportPng = () => {
    const url = instance.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: chart.theme === 'dark' ? '#0b1a33' : '#fff' });
    if (url) saveUrl(url, `${fileName}.png`);
  };
  return (
    <Card
      title={title}
      size="small"
      extra={
        <>
          {extra}
          <Tooltip title="导出图片（PNG）">
            <Button type="text" size="small" icon={<PictureOutlined />} onClick={exportPng} aria-label="导出图片" />
          </Tooltip>
          {onExportXlsx && (
            <Tooltip title="导出数据（Excel）">
              <Button type="text" size="small" icon={<FileExcelOutlined />} onClick={onExportXlsx} aria-label="导出Excel" />
            </Tooltip>
          )}
        </>
      }
    >
      <EChart {...chart} onInstance={(c) => (instance.current = c)} />
    </Card>
  );
}
