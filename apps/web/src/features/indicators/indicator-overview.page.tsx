/** 指标总览: the district's key indicators with status and trend, and every value under the filters. */
import { FileExcelOutlined, FundProjectionScreenOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Row, Spin } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { schoolYearLabel } from '../../lib/format.ts';
import { canAtDistrict } from '../../lib/permissions.ts';
import { useListParams } from '../../lib/use-list-params.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useMe } from '../auth/auth-context.tsx';
import { exportValues } from './indicator-export.ts';
import { filtersOf, IndicatorFilterBar } from './indicator-filters.tsx';
import { STATUS_META, type Status } from './indicator-status.tsx';
import { IndicatorValuesTable } from './indicator-values-table.tsx';
import { fetchIndicators } from './indicators-api.ts';
import { KeyIndicatorCard } from './key-indicator-card.tsx';
import { countByStatus, pickKeyValues } from './key-indicators.ts';
import { NoStatisticsState, isNoStatistics } from './no-statistics.tsx';

export default function IndicatorOverviewPage() {
  const me = useMe();
  const params = useListParams();
  const filters = filtersOf(params);
  const isDistrict = canAtDistrict(me, 'base:read');
  const list = useQuery(`indicators?${params.key}`, (signal) => fetchIndicators(filters, signal));
  const data = list.data;
  const keyValues = useMemo(() => (data ? pickKeyValues(data.items) : []), [data]);
  const counts = useMemo(() => (data ? countByStatus(data.items) : null), [data]);

  if (isNoStatistics(list.error)) return <NoStatisticsState title="指标总览" />;
  return (
    <>
      <PageHeader
        title="指标总览"
        subTitle={data ? `${schoolYearLabel(data.year)} · 统计日期 ${data.asOf} · 阈值按该日生效的版本判定` : undefined}
        extra={
          <>
            {data && <IndicatorFilterBar params={params} years={data.years} currentYear={data.year} isDistrict={isDistrict} />}
            <Link to="/screen">
              <Button icon={<FundProjectionScreenOutlined />}>数据大屏</Button>
            </Link>
          </>
        }
      />
      <ErrorAlert error={list.error} onRetry={list.reload} />
      {!data && list.isLoading && <Spin tip="正在计算指标…" style={{ display: 'block', margin: '80px auto' }} />}
      {data && (
        <Spin spinning={list.isLoading}>
          {data.warnings.map((w) => (
            <Alert key={w} type="warning" showIcon title={w} style={{ marginBottom: 12 }} />
          ))}
          {counts && (
            <Flex gap={16} wrap style={{ marginBottom: 12 }} aria-label="指标达标情况">
              {(Object.keys(STATUS_META) as Status[]).map((s) => (
                <span key={s} style={{ color: STATUS_META[s].color }}>
                  {STATUS_META[s].icon} {STATUS_META[s].label} {counts[s]} 项
                </span>
              ))}
            </Flex>
          )}
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
            {keyValues.map((v) => (
              <Col key={`${v.code}|${v.stage ?? ''}`} xs={24} sm={12} lg={8} xl={6}>
                <KeyIndicatorCard value={v} filters={{ ...filters, year: data.year }} />
              </Col>
            ))}
          </Row>
          <Card
            title="全部指标"
            size="small"
            extra={
              <Button
                size="small"
                icon={<FileExcelOutlined />}
                onClick={() => exportValues(data.items, `指标总览-${data.year}学年.xlsx`)}
                disabled={data.items.length === 0}
              >
                导出Excel
              </Button>
            }
          >
            <IndicatorValuesTable items={data.items} year={data.year} />
          </Card>
        </Spin>
      )}
    </>
  );
}
