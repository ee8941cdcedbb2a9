/** 首页: stat cards and charts for one school year. */
import { Button, Card, Col, Row, Select, Spin, Statistic } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { schoolYearLabel } from '../../lib/format.ts';
import { can, canAtDistrict } from '../../lib/permissions.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useMe } from '../auth/auth-context.tsx';
import { OverdueRectificationAlert } from '../rectification/overdue-alert.tsx';
import { fetchOverview } from './overview-api.ts';
import { OverviewCharts } from './overview-charts.tsx';

export default function OverviewPage() {
  const me = useMe();
  const [year, setYear] = useState<number | undefined>(undefined);
  const { data, error, isLoading, reload } = useQuery(`overview:${year ?? ''}`, (signal) => fetchOverview(year, signal));
  const yearSelect = data && data.years.length > 0 && (
    <Select
      aria-label="学年"
      style={{ width: 180 }}
      value={year ?? data.year ?? undefined}
      onChange={setYear}
      options={data.years.map((y) => ({ value: y, label: schoolYearLabel(y) }))}
    />
  );
  const isEmpty = data && data.schoolCount === 0;
  const ownSchools = me.roles.flatMap((r) => (r.schoolName ? [r.schoolName] : []));
  const scopeLabel = canAtDistrict(me, 'base:read')
    ? '全区基础数据概览'
    : `本校基础数据概览${ownSchools.length ? `（${ownSchools.join('、')}）` : ''}`;

  return (
    <>
      <PageHeader title="首页" subTitle={scopeLabel} extra={yearSelect} />
      <OverdueRectificationAlert />
      <ErrorAlert error={error} onRetry={reload} />
      {!data && isLoading && <Spin style={{ display: 'block', margin: '60px auto' }} />}
      {isEmpty && (
        <Card>
          <EmptyState
            description="还没有任何学校数据。请先在“数据导入”中下载模板，导入学校、学年学生、办学条件和教师。"
            action={
              can(me, 'imports:run') && (
                <Link to="/imports">
                  <Button type="primary">前往数据导入</Button>
                </Link>
              )
            }
          />
        </Card>
      )}
      {data && !isEmpty && (
        <Spin spinning={isLoading}>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6}>
              <Card>
                <Statistic title="学校" value={data.schoolCount} suffix="所" />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card>
                <Statistic title="在校生" value={data.studentsByStage.reduce((n, s) => n + s.students, 0)} suffix="人" />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card>
                <Statistic title="教师" value={data.teacherCount} suffix="人" />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card>
                <Statistic title="专任教师" value={data.fullTimeTeacherCount} suffix="人" />
              </Card>
            </Col>
          </Row>
          <OverviewCharts overview={data} />
        </Spin>
      )}
    </>
  );
}
