/** /indicators/:code — definition, district value, trend, ranking of schools, distribution and drill-down. */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Flex, Result, Row, Segmented, Spin, Statistic } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ChartCard } from '../../components/chart-card.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { schoolYearLabel } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import { histogramOption, rankingOption } from './distribution-option.ts';
import { IndicatorDefinitionInfo } from './indicator-definition.tsx';
import { exportRanking } from './indicator-export.ts';
import { formatValueOf, stageName } from './indicator-format.ts';
import { DistrictValueCard } from './district-value-card.tsx';
import { fetchCatalog, fetchIndicatorSchools, fetchTrend } from './indicators-api.ts';
import { drillDownPath, RankingTable } from './ranking-table.tsx';
import { trendOption } from './trend-option.ts';

export default function IndicatorPage() {
  const code = useParams().code ?? '';
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const year = search.get('year') ? Number(search.get('year')) : undefined;
  const catalog = useQuery('catalog', fetchCatalog);
  const def = catalog.data?.items.find((d) => d.code === code);
  const stage = search.get('stage') ?? def?.stages[0] ?? null;
  const ready = catalog.data !== undefined;
  const schools = useQuery(ready && def ? `ind-schools:${code}:${stage}:${year ?? ''}` : null, (signal) =>
    fetchIndicatorSchools(code, { year, stage: stage ?? undefined }, signal),
  );
  const trend = useQuery(ready && def ? `trend:${code}:${stage}:${year ?? ''}` : null, (signal) =>
    fetchTrend({ code, stage, to: year }, signal),
  );
  const data = schools.data;
  const rankOpt = useMemo(() => (data ? rankingOption(data) : null), [data]);
  const histOpt = useMemo(() => (data ? histogramOption(data, def?.direction) : null), [data, def]);
  const trendOpt = useMemo(() => (trend.data ? trendOption(trend.data) : null), [trend.data]);

  if (ready && !def) return <Result status="404" title="指标不存在" extra={<Link to="/indicators">返回指标总览</Link>} />;
  const ranked = data?.items.filter((s) => s.value.value !== null) ?? [];
  const fileBase = `${def?.name ?? code}${stage ? `-${stageName(stage)}` : ''}-${data?.year ?? ''}`;

  return (
    <>
      <PageHeader
        title={
          <Flex align="center" gap={8}>
            <Link to="/indicators" aria-label="返回指标总览">
              <ArrowLeftOutlined />
            </Link>
            {def?.name ?? '指标'}
          </Flex>
        }
        subTitle={data ? `${schoolYearLabel(data.year)}${stage ? ` · ${stageName(stage)}` : ''}` : undefined}
        extra={
          def &&
          def.stages.length > 1 && (
            <Segmented
              value={stage ?? undefined}
              options={def.stages.map((s) => ({ value: s, label: stageName(s) }))}
              onChange={(s) => setSearch((p) => ({ ...Object.fromEntries(p), stage: String(s) }), { replace: true })}
            />
          )
        }
      />
      <ErrorAlert error={catalog.error ?? schools.error} onRetry={schools.error ? schools.reload : catalog.reload} />
      {(!ready || (!data && schools.isLoading)) && <Spin style={{ display: 'block', margin: '60px auto' }} />}
      {def && data && (
        <Flex vertical gap={16}>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={9}>
              <DistrictValueCard values={data.district} />
            </Col>
            <Col xs={24} xl={15}>
              {trendOpt ? (
                <ChartCard
                  title="近五年趋势（全区）"
                  fileName={`${fileBase}-趋势`}
                  option={trendOpt}
                  height={240}
                  ariaLabel={`${def.name}近五年趋势`}
                />
              ) : (
                <Card size="small" title="近五年趋势（全区）" loading={trend.isLoading}>
                  <ErrorAlert error={trend.error} onRetry={trend.reload} />
                </Card>
              )}
            </Col>
          </Row>
          <Card size="small" title="指标定义">
            <IndicatorDefinitionInfo def={def} />
          </Card>
          {data.items.length === 0 ? (
            <Alert type="info" showIcon title="此指标只在全区层面计算，没有各校的值。" />
          ) : (
            <>
              {data.restricted && (
                <Alert type="info" showIcon title={`您只能查看本校的值；本校在全区 ${data.ranked} 所学校中的名次见下表。`} />
              )}
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={14}>
                  {rankOpt && (
                    <ChartCard
                      title={`各校排名（${ranked.length} 所有值）`}
                      fileName={`${fileBase}-排名`}
                      option={rankOpt}
                      height={Math.min(900, Math.max(240, ranked.length * 18 + 40))}
                      ariaLabel={`${def.name}各校排名`}
                      onExportXlsx={() => exportRanking(data, `${fileBase}-排名.xlsx`)}
                      onItemClick={(i) => {
                        const s = ranked[i];
                        if (s) navigate(drillDownPath(code, s.schoolId, data.stage, data.year));
                      }}
                    />
                  )}
                </Col>
                <Col xs={24} xl={10}>
                  {histOpt && (
                    <ChartCard title="分布" fileName={`${fileBase}-分布`} option={histOpt} height={260} ariaLabel={`${def.name}各校分布`} />
                  )}
                  <Card size="small" style={{ marginTop: 16 }}>
                    <Row gutter={[8, 8]}>
                      <Col span={8}>
                        <Statistic title="学校数" value={data.distribution.count} />
                      </Col>
                      <Col span={8}>
                        <Statistic title="达标" value={data.distribution.met} styles={{ content: { color: '#389e0d' } }} />
                      </Col>
                      <Col span={8}>
                        <Statistic title="未达标" value={data.distribution.notMet} styles={{ content: { color: '#cf1322' } }} />
                      </Col>
                      <Col span={8}>
                        <Statistic title="最小值" value={formatValueOf(code, data.distribution.min)} />
                      </Col>
                      <Col span={8}>
                        <Statistic title="中位数" value={formatValueOf(code, data.distribution.median)} />
                      </Col>
                      <Col span={8}>
                        <Statistic title="最大值" value={formatValueOf(code, data.distribution.max)} />
                      </Col>
                    </Row>
                  </Card>
                </Col>
              </Row>
              <Card size="small" title="各校数值（点击学校查看分子、分母及所依据的记录）">
                <RankingTable data={data} />
              </Card>
            </>
          )}
        </Flex>
      )}
    </>
  );
}
