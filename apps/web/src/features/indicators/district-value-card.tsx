/** The district value(s) of an indicator: value, status, numerator and denominator, threshold with its document. */
import type { IndicatorValue } from '@zhiping/contracts';
import { Alert, Card, Descriptions, Flex, Typography } from 'antd';
import { stageName, thresholdSource, thresholdText, valueText } from './indicator-format.ts';
import { STATUS_META, StatusTag } from './indicator-status.tsx';
import { fractionText } from './indicator-values-table.tsx';

/** One value in large type with its facts. */
export function ValueBlock({ value: v, title }: { value: IndicatorValue; title: string }) {
  return (
    <Flex vertical gap={8}>
      <Flex align="baseline" gap={12} wrap>
        <Typography.Text type="secondary">{title}</Typography.Text>
        <span style={{ fontSize: 32, fontWeight: 600, color: STATUS_META[v.status].color }} data-testid="indicator-value">
          {valueText(v)}
        </span>
        <StatusTag status={v.status} />
      </Flex>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'f', label: '分子 / 分母', children: fractionText(v) },
          { key: 't', label: '标准', children: v.threshold ? thresholdText(v.code, v.threshold) : '无适用标准' },
          ...(v.threshold ? [{ key: 'd', label: '依据', children: thresholdSource(v.threshold) }] : []),
          ...(v.reason ? [{ key: 'r', label: '说明', children: v.reason }] : []),
        ]}
      />
      {v.warnings.map((w) => (
        <Alert key={w} type="warning" showIcon title={w} />
      ))}
    </Flex>
  );
}

export function DistrictValueCard({ values }: { values: IndicatorValue[] }) {
  return (
    <Card size="small" title="全区值" style={{ height: '100%' }}>
      {values.length === 0 ? (
        <Typography.Text type="secondary">该学段没有全区值</Typography.Text>
      ) : (
        <Flex vertical gap={16}>
          {values.map((v) => (
            <ValueBlock key={`${v.stage ?? ''}`} value={v} title={v.stage ? `全区（${stageName(v.stage)}）` : '全区'} />
          ))}
        </Flex>
      )}
    </Card>
  );
}
