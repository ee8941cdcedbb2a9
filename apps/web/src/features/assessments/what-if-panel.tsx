/** 达标模拟: the least each failing school needs to pass, totals, the CVs before and after, and the district plan. */
import type { IndicatorValue, WhatIf } from '@zhiping/contracts';
import { Alert, Card, Descriptions, Flex, Spin, Table, Tag, Typography } from 'antd';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatNumber } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import { stageName, valueText } from '../indicators/indicator-format.ts';
import { StatusTag } from '../indicators/indicator-status.tsx';
import { fetchWhatIf } from './assessments-api.ts';

type Stage = WhatIf['stages'][number];
type Addition = Stage['failingTotals'][number];

/** '县级以上骨干教师 9人、体育运动场馆面积 421m²'. */
export function additionsText(list: readonly Addition[]): string {
  return list.length ? list.map((a) => `${a.resource} ${formatNumber(a.amount)}${a.unit}`).join('、') : '无需增加';
}

function CvCompare({ before, after }: { before: IndicatorValue[]; after: IndicatorValue[] }) {
  return (
    <Table<IndicatorValue>
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={before}
      columns={[
        { title: '差异系数', dataIndex: 'name' },
        { title: '现状', key: 'b', align: 'right', render: (_x, v) => valueText(v) },
        {
          title: '补足后',
          key: 'a',
          align: 'right',
          render: (_x, v) => valueText(after.find((x) => x.code === v.code) ?? { display: null }),
        },
        {
          title: '补足后状态',
          key: 's',
          render: (_x, v) => {
            const a = after.find((x) => x.code === v.code);
            return a ? <StatusTag status={a.status} /> : '—';
          },
        },
      ]}
    />
  );
}

function StagePlan({ stage: s }: { stage: Stage }) {
  return (
    <Card size="small" title={`${stageName(s.stage)}：${s.failingSchools.length} 所学校未达标`}>
      <Flex vertical gap={12}>
        <Descriptions
          bordered
          size="small"
          column={1}
          items={[
            { key: 'failing', label: '补足未达标学校合计', children: <strong>{additionsText(s.failingTotals)}</strong> },
            {
              key: 'district',
              label: '全区达标方案合计',
              children: (
                <>
                  <Tag color={s.district.reached ? 'green' : 'red'}>{s.district.reached ? '可达标' : '仍不能达标'}</Tag>
                  {additionsText(s.district.totals)}
                </>
              ),
            },
          ]}
        />
        {s.district.notes.map((n) => (
          <Alert key={n} type="info" showIcon title={n} />
        ))}
        <Table<Stage['failingSchools'][number]>
          size="small"
          rowKey="schoolId"
          pagination={false}
          dataSource={s.failingSchools}
          columns={[
            { title: '学校', dataIndex: 'schoolName', width: 180 },
            { title: '需增加', key: 'add', render: (_x, f) => additionsText(f.additions) },
            { title: '补足后', key: 'after', width: 100, render: (_x, f) => <StatusTag status={f.passesAfter ? 'met' : 'not_met'} /> },
            { title: '说明', dataIndex: 'reason', render: (r: string) => <Typography.Text type="secondary">{r}</Typography.Text> },
          ]}
        />
        <CvCompare before={s.cvBefore} after={s.cvAfterFailing} />
      </Flex>
    </Card>
  );
}

export function WhatIfPanel({ year }: { year: number }) {
  const q = useQuery(`what-if:${year}`, (signal) => fetchWhatIf(year, signal));
  if (q.error) return <ErrorAlert error={q.error} onRetry={q.reload} />;
  if (!q.data) return <Spin style={{ display: 'block', margin: '40px auto' }} />;
  const stages = q.data.stages;
  return (
    <Flex vertical gap={16}>
      <Alert
        type="info"
        showIcon
        title="按每校最小补足量模拟：未达标学校补足后重新计算差异系数；“全区达标方案”另含为降低差异系数所需的补充。"
      />
      {stages.length === 0 && <Alert type="success" showIcon title="所有学校资源配置均已达标，无需补足" />}
      {stages.map((s) => (
        <StagePlan key={s.stage} stage={s} />
      ))}
    </Flex>
  );
}
