/** One key indicator: the value with its status, the threshold and its document, and a five-year sparkline. */
import type { IndicatorValue } from '@zhiping/contracts';
import { Card, Flex, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { EChart } from '../../components/echart.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { indicatorPath, stageName, thresholdSource, thresholdText, valueText } from './indicator-format.ts';
import { STATUS_META, StatusTag } from './indicator-status.tsx';
import { fetchTrend, type IndicatorFilters } from './indicators-api.ts';
import { trendOption } from './trend-option.ts';

export function KeyIndicatorCard({ value: v, filters }: { value: IndicatorValue; filters: IndicatorFilters }) {
  const navigate = useNavigate();
  const trendKey = `trend:${v.code}:${v.stage ?? ''}:${filters.year ?? ''}:${filters.streetId ?? ''}:${filters.sponsor ?? ''}`;
  const trend = useQuery(trendKey, (signal) =>
    fetchTrend({ code: v.code, stage: v.stage, to: filters.year, streetId: filters.streetId, sponsor: filters.sponsor }, signal),
  );
  const option = useMemo(() => (trend.data ? trendOption(trend.data, { isSparkline: true }) : null), [trend.data]);
  const meta = STATUS_META[v.status];

  return (
    <Card
      hoverable
      size="small"
      data-testid="key-indicator"
      onClick={() => navigate(indicatorPath(v.code, v.stage, filters.year))}
      styles={{ body: { display: 'flex', flexDirection: 'column', gap: 4, height: '100%' } }}
      style={{ height: '100%', borderTop: `3px solid ${meta.color}` }}
    >
      <Flex justify="space-between" align="start" gap={8}>
        <Typography.Text strong style={{ fontSize: 13 }}>
          {v.name}
        </Typography.Text>
        {v.stage && <Tag style={{ marginInlineEnd: 0 }}>{stageName(v.stage)}</Tag>}
      </Flex>
      <Flex align="baseline" gap={8} wrap>
        <span style={{ fontSize: 26, fontWeight: 600, color: meta.color }}>{valueText(v)}</span>
        <StatusTag status={v.status} />
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
        {v.threshold ? (
          <Tooltip title={thresholdSource(v.threshold)}>
            <span>
              标准 {thresholdText(v.code, v.threshold)} · {v.threshold.document}
            </span>
          </Tooltip>
        ) : v.value === null ? (
          (v.reason ?? '缺少数据')
        ) : (
          '无适用标准'
        )}
      </Typography.Text>
      <div style={{ marginTop: 'auto' }}>
        {option ? (
          <EChart option={option} height={56} ariaLabel={`${v.name}近五年趋势`} />
        ) : trend.error ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            趋势暂不可用
          </Typography.Text>
        ) : (
          <Skeleton.Input active size="small" block style={{ height: 56 }} />
        )}
      </div>
    </Card>
  );
}
