/**
 * /indicators/:code/schools/:schoolId — the drill-down from a district value to one school: its value,
 * the numerator and denominator with their inputs, the stage split, and the records behind them.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { SPONSOR } from '@zhiping/domain';
import { Card, Col, Flex, Result, Row, Spin, Table, Tag } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ApiError } from '../../lib/api-error.ts';
import { formatNumber, schoolYearLabel } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import { ValueBlock } from './district-value-card.tsx';
import { ConditionRow, CountedTeachersTable, GradeRowsTable } from './drill-down-tables.tsx';
import { indicatorPath, stageName } from './indicator-format.ts';
import { fetchDrillDown } from './indicators-api.ts';

export default function DrillDownPage() {
  const params = useParams();
  const code = params.code ?? '';
  const schoolId = Number(params.schoolId);
  const [search] = useSearchParams();
  const year = search.get('year') ? Number(search.get('year')) : undefined;
  const stage = search.get('stage');
  const q = useQuery(`drill:${code}:${schoolId}:${year ?? ''}:${stage ?? ''}`, (signal) =>
    fetchDrillDown(code, schoolId, { year, stage: stage ?? undefined }, signal),
  );
  if (q.error instanceof ApiError && q.error.code === 'NOT_FOUND') {
    return (
      <Result
        status="404"
        title="没有该校的此项指标"
        subTitle={q.error.message}
        extra={<Link to={indicatorPath(code, stage, year)}>返回指标</Link>}
      />
    );
  }
  const d = q.data;
  const name = d?.values[0]?.name ?? '指标';

  return (
    <>
      <PageHeader
        title={
          <Flex align="center" gap={8} wrap>
            <Link to={indicatorPath(code, stage, year)} aria-label="返回指标">
              <ArrowLeftOutlined />
            </Link>
            {d ? `${d.school.name} · ${name}` : '下钻'}
          </Flex>
        }
        subTitle={
          d
            ? `${schoolYearLabel(d.year)} · 统计日期 ${d.asOf} · 学校标识码 ${d.school.code} · ${SPONSOR.labels[d.school.sponsor]}`
            : undefined
        }
        extra={d && <Link to={`/indicators/schools/${d.school.id}?year=${d.year}`}>该校全部指标</Link>}
      />
      <ErrorAlert error={q.error} onRetry={q.reload} />
      {!d && q.isLoading && <Spin style={{ display: 'block', margin: '60px auto' }} />}
      {d && (
        <Flex vertical gap={16}>
          <Row gutter={[16, 16]}>
            {d.values.map((v) => (
              <Col key={v.stage ?? 'school'} xs={24} lg={12}>
                <Card size="small">
                  <ValueBlock value={v} title={v.stage ? `本校（${stageName(v.stage)}）` : '本校'} />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={14}>
              <Card size="small" title="分子与分母的来源" data-testid="drill-inputs">
                <Table
                  size="small"
                  rowKey="label"
                  pagination={false}
                  dataSource={d.inputs}
                  columns={[
                    { title: '项目', dataIndex: 'label' },
                    { title: '数值', dataIndex: 'value', align: 'right', render: (v: number | null) => formatNumber(v) },
                    { title: '说明', dataIndex: 'note', render: (v: string | null) => v ?? '—' },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card size="small" title="学段拆分（一贯制、完全中学）">
                {d.split.length === 0 ? (
                  '单一学段学校，不拆分'
                ) : (
                  <Flex vertical gap={6}>
                    {d.split.map((s) => (
                      <span key={s.stage}>
                        <Tag color={s.stage === stage ? 'blue' : undefined}>{stageName(s.stage)}</Tag>在校生 {formatNumber(s.students)}{' '}
                        人，共用资源分摊 {formatNumber(s.share * 100)}%
                      </span>
                    ))}
                  </Flex>
                )}
              </Card>
            </Col>
          </Row>
          <Card size="small" title="年级统计（学年学生）">
            <GradeRowsTable grades={d.grades} stage={stage} />
          </Card>
          <Card size="small" title="办学条件">
            <ConditionRow condition={d.condition} />
          </Card>
          {d.teachers.length > 0 && (
            <Card size="small" title="教职工（身份证号已脱敏）">
              <CountedTeachersTable teachers={d.teachers} />
            </Card>
          )}
        </Flex>
      )}
    </>
  );
}
