import type { DistrictOverview } from '@zhiping/contracts';
import { Card, Col, Row } from 'antd';
import { useMemo } from 'react';
import { BarChart } from '../../components/bar-chart.tsx';
import { EmptyState } from '../../components/empty-state.tsx';

/** Bars of schools by 办学类型 and of students by 学段. */
export function OverviewCharts({ overview }: { overview: DistrictOverview }) {
  const byType = useMemo(
    () => ({
      categories: overview.schoolsByType.map((t) => t.typeName),
      series: [{ name: '学校数', values: overview.schoolsByType.map((t) => t.count) }],
    }),
    [overview],
  );
  const byStage = useMemo(
    () => ({
      categories: overview.studentsByStage.map((s) => s.label),
      series: [{ name: '在校生', values: overview.studentsByStage.map((s) => s.students) }],
    }),
    [overview],
  );
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card title="各类学校数">
          {byType.categories.length ? (
            <BarChart {...byType} isHorizontal height={Math.max(240, byType.categories.length * 36)} ariaLabel="按办学类型统计的学校数" />
          ) : (
            <EmptyState description="暂无学校" />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title="各学段在校生">
          {byStage.categories.length ? (
            <BarChart {...byStage} ariaLabel="按学段统计的在校生人数" />
          ) : (
            <EmptyState description="本学年还没有学生统计，请在数据导入中导入“学年学生”" />
          )}
        </Card>
      </Col>
    </Row>
  );
}
