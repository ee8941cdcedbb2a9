/** /indicators/schools/:id — a school's own indicators (what a principal sees): each stage part with its 优质均衡 verdict. */
import { Alert, Card, Flex, Result, Select, Spin, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ApiError } from '../../lib/api-error.ts';
import { schoolYearLabel } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import { OverdueRectificationAlert } from '../rectification/overdue-alert.tsx';
import { stageName } from './indicator-format.ts';
import { StatusTag, verdictStatus } from './indicator-status.tsx';
import { fetchSchoolIndicators } from './indicators-api.ts';
import { isNoStatistics, NoStatisticsState } from './no-statistics.tsx';
import { SchoolValuesTable } from './school-values-table.tsx';

export default function SchoolIndicatorsPage() {
  const id = Number(useParams().id);
  const [search, setSearch] = useSearchParams();
  const year = search.get('year') ? Number(search.get('year')) : undefined;
  const q = useQuery(Number.isInteger(id) && id > 0 ? `school-ind:${id}:${year ?? ''}` : null, (signal) =>
    fetchSchoolIndicators(id, year, signal),
  );
  if (isNoStatistics(q.error))
    return (
      <>
        <OverdueRectificationAlert schoolId={id} />
        <NoStatisticsState title="本校指标" />
      </>
    );
  if (!Number.isInteger(id) || id <= 0 || (q.error instanceof ApiError && q.error.code === 'NOT_FOUND')) {
    return (
      <Result status="404" title="没有该校的指标" subTitle={q.error instanceof ApiError ? q.error.message : '学校不存在或您无权查看。'} />
    );
  }
  const d = q.data;
  return (
    <>
      <PageHeader
        title={d ? `${d.school.name} · 指标` : '学校指标'}
        subTitle={d ? `${schoolYearLabel(d.year)} · 统计日期 ${d.asOf} · 学校标识码 ${d.school.code}` : undefined}
        extra={
          d && (
            <Select
              aria-label="学年"
              style={{ width: 160 }}
              value={d.year}
              onChange={(y: number) => setSearch({ year: String(y) }, { replace: true })}
              options={d.years.map((y) => ({ value: y, label: schoolYearLabel(y) }))}
            />
          )
        }
      />
      <OverdueRectificationAlert schoolId={id} />
      <ErrorAlert error={q.error} onRetry={q.reload} />
      {!d && q.isLoading && <Spin style={{ display: 'block', margin: '60px auto' }} />}
      {d && (
        <Spin spinning={q.isLoading}>
          <Flex vertical gap={16}>
            {d.dataQualityFailures > 0 && (
              <Alert
                type="warning"
                showIcon
                title={`本校本学年有 ${d.dataQualityFailures} 条数据校验问题，可能影响指标`}
                action={<Link to={`/data-quality?schoolId=${d.school.id}&year=${d.year}`}>查看并核对</Link>}
              />
            )}
            {d.parts.map((p) => (
              <Card
                key={p.stage}
                size="small"
                title={
                  <Flex gap={8} align="center" wrap>
                    {stageName(p.stage)}部分
                    {p.verdict && <StatusTag status={verdictStatus(p.verdict.status)} />}
                  </Flex>
                }
              >
                {p.verdict && (
                  <Typography.Paragraph type={p.verdict.status === 'fail' ? 'danger' : 'secondary'}>
                    优质均衡校际判定：{p.verdict.reason}（达标 {p.verdict.metCount} 项）
                  </Typography.Paragraph>
                )}
                <SchoolValuesTable values={p.values} district={d.district} schoolId={d.school.id} year={d.year} />
              </Card>
            ))}
            {d.schoolValues.length > 0 && (
              <Card size="small" title="学校整体指标">
                <SchoolValuesTable values={d.schoolValues} district={d.district} schoolId={d.school.id} year={d.year} />
              </Card>
            )}
            {d.parts.length === 0 && d.schoolValues.length === 0 && (
              <Alert type="info" showIcon title="本学年没有可计算的指标，请检查本校的学年学生和办学条件是否已导入。" />
            )}
          </Flex>
        </Spin>
      )}
    </>
  );
}
