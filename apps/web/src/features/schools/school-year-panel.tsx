/** A school year's per-grade statistics and 办学条件, with a year selector. */
import { Card, Select, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { schoolYearLabel } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import { ConditionsInfo } from './conditions-info.tsx';
import { GradeStatsTable } from './grade-stats-table.tsx';
import { fetchSchoolYear } from './schools-api.ts';

export function SchoolYearPanel({ schoolId, years }: { schoolId: number; years: number[] }) {
  const sortedYears = [...years].sort((a, b) => b - a);
  const [picked, setPicked] = useState<number | undefined>(undefined);
  const year = picked ?? sortedYears[0];
  const yearData = useQuery(year === undefined ? null : `school-year:${schoolId}:${year}`, (signal) =>
    fetchSchoolYear(schoolId, year!, signal),
  );

  if (year === undefined) {
    return (
      <Card title="学年统计">
        <EmptyState description="这所学校还没有任何学年的学生或办学条件数据，请在“数据导入”中导入" />
      </Card>
    );
  }
  return (
    <Card
      title="学年统计"
      extra={
        <Space>
          <Typography.Text type="secondary">学年</Typography.Text>
          <Select
            aria-label="学年"
            value={year}
            onChange={setPicked}
            options={sortedYears.map((y) => ({ value: y, label: schoolYearLabel(y) }))}
            style={{ width: 160 }}
          />
        </Space>
      }
    >
      <ErrorAlert error={yearData.error} onRetry={yearData.reload} />
      <Spin spinning={yearData.isLoading}>
        <Typography.Title level={5}>分年级学生</Typography.Title>
        <GradeStatsTable grades={yearData.data?.grades ?? []} />
        <Typography.Title level={5} style={{ marginTop: 24 }}>
          办学条件
        </Typography.Title>
        <ConditionsInfo conditions={yearData.data?.conditions ?? null} />
      </Spin>
    </Card>
  );
}
