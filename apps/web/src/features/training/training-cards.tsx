/**
 * Self-contained cards of continuing education for the growth pages: a teacher's hours by cycle, level and
 * seminars; a school's cycle compliance; the district's compliance with drill-down to the teachers behind
 * each number. Each fetches its own data.
 */
import type { ComplianceCounts, TeacherStanding } from '@zhiping/contracts';
import { Card, Col, Descriptions, Empty, Progress, Row, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { BarChart } from '../../components/bar-chart.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { trainingApi } from './training-api.ts';
import { LEVEL_LABELS, STATUS_COLORS, STATUS_LABELS } from './training-labels.ts';

const percent = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

/** One rule's standing of a teacher: progress, levels, sub-quotas. */
function StandingBlock({ standing, required }: { standing: TeacherStanding; required: number }) {
  const pct = Math.min(100, Math.round((standing.earned / Math.max(standing.required, 1)) * 100));
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={4}>
      <Space wrap>
        <Tag color={STATUS_COLORS[standing.status]}>{STATUS_LABELS[standing.status]}</Tag>
        <span>
          已修 <b>{standing.earned}</b> / 应修 {standing.required} 学时
          {standing.required < required ? `（按在岗时间折算，满额 ${required}）` : ''}
        </span>
        {standing.needed > 0 && (
          <Typography.Text type={standing.status === 'at_risk' ? 'danger' : 'secondary'}>
            尚需 {standing.needed} 学时{standing.daysLeft >= 0 ? `，距周期结束 ${standing.daysLeft} 天` : ''}
          </Typography.Text>
        )}
      </Space>
      <Progress percent={pct} status={standing.status === 'at_risk' || standing.status === 'incomplete' ? 'exception' : undefined} />
      <Descriptions size="small" column={{ xs: 2, sm: 4 }}>
        {(['national', 'city', 'district', 'school'] as const).map((l) => (
          <Descriptions.Item key={l} label={LEVEL_LABELS[l]}>
            {standing.hoursByLevel[l]} 学时
          </Descriptions.Item>
        ))}
      </Descriptions>
      {standing.quotas.length > 0 && (
        <Space wrap>
          {standing.quotas.map((q) => (
            <Tag key={q.label} color={q.shortfall > 0 ? 'orange' : 'green'}>
              {q.label}：{q.earned}/{q.required}
              {q.shortfall > 0 ? `（差 ${q.shortfall}）` : ''}
            </Tag>
          ))}
        </Space>
      )}
    </Space>
  );
}

/** A teacher's training: each rule's current cycle, seminars by year, hours by year, recent records. */
export function TeacherTrainingCard({ teacherId }: { teacherId: number }) {
  const q = useQuery(`training-teacher:${teacherId}`, (signal) => trainingApi.teacher(teacherId, signal));
  const d = q.data;
  return (
    <Card
      title="继续教育学时"
      size="small"
      extra={d && d.pendingOutside > 0 ? <Tag color="gold">{d.pendingOutside} 项校外培训待审核</Tag> : null}
    >
      <ErrorAlert error={q.error} onRetry={q.reload} />
      {!d && q.isLoading && <Skeleton active />}
      {d && !d.isInCycle && (
        <Empty description="该教职工不是专任教师或尚未进入培训周期，无学时要求。" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
      {d?.isInCycle && (
        <Space direction="vertical" style={{ width: '100%' }} size={12}>
          {d.cycles.map(
            (c) =>
              c.standing && (
                <div key={c.ref.ruleCode}>
                  <Typography.Text strong>
                    {c.ref.ruleName}（{c.ref.documentNumber}）· 周期 {c.ref.cycle.label}
                  </Typography.Text>
                  <StandingBlock standing={c.standing} required={c.ref.requiredHours} />
                </div>
              ),
          )}
          {d.seminars.length > 0 && (
            <div>
              <Typography.Text strong>
                高端研修研讨（每年不少于 {d.cycles.find((c) => c.ref.seminarMinPerYear > 0)?.ref.seminarMinPerYear} 次）
              </Typography.Text>
              <div>
                <Space wrap>
                  {d.seminars.map((s) => (
                    <Tag key={s.year} color={s.shortfall > 0 ? 'orange' : 'green'}>
                      {s.year}年：{s.done}/{s.required} 次
                    </Tag>
                  ))}
                </Space>
              </div>
            </div>
          )}
          <div>
            <Typography.Text strong>近五年学时</Typography.Text>
            <div>
              <Space wrap>
                {d.hoursByYear.map((y) => (
                  <Tag key={y.year}>
                    {y.year}年 {y.hours} 学时
                  </Tag>
                ))}
              </Space>
            </div>
          </div>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={d.recent}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: '暂无学时记录' }}
            columns={[
              { title: '完成日期', dataIndex: 'completedOn' },
              { title: '培训', dataIndex: 'title' },
              { title: '级别', render: (_, r) => LEVEL_LABELS[r.level] },
              { title: '学时', dataIndex: 'hours' },
            ]}
          />
        </Space>
      )}
    </Card>
  );
}

function CountsRow({ counts, linkOf }: { counts: ComplianceCounts; linkOf: (status?: string) => string }) {
  return (
    <Row gutter={[12, 12]}>
      <Col xs={12} md={6}>
        <Link to={linkOf()}>
          <Statistic title="专任教师" value={counts.teachers} />
        </Link>
      </Col>
      <Col xs={12} md={6}>
        <Link to={linkOf('complete')}>
          <Statistic title="周期已完成" value={counts.complete} suffix={<small>（{percent(counts.completionRate)}）</small>} />
        </Link>
      </Col>
      <Col xs={12} md={6}>
        <Link to={linkOf('at_risk')}>
          <Statistic title="预警（可能完不成）" value={counts.atRisk} valueStyle={{ color: counts.atRisk ? '#cf1322' : undefined }} />
        </Link>
      </Col>
      <Col xs={12} md={6}>
        <Statistic title="本年研修研讨达标" value={counts.seminarMet} suffix={`/ ${counts.teachers}`} />
      </Col>
    </Row>
  );
}

/** A school's cycle compliance with links to the teachers behind each number. */
export function SchoolTrainingCard({ schoolId }: { schoolId: number }) {
  const q = useQuery(`training-school:${schoolId}`, (signal) => trainingApi.overview({ schoolId }, signal));
  const d = q.data;
  const linkOf = (status?: string) => `/training/compliance?schoolId=${schoolId}${status ? `&status=${status}` : ''}`;
  return (
    <Card title="继续教育学时达标" size="small" extra={d && <span>{`${d.ref.ruleName} · ${d.ref.cycle.label}`}</span>}>
      <ErrorAlert error={q.error} onRetry={q.reload} />
      {!d && q.isLoading && <Skeleton active />}
      {d && d.counts.teachers === 0 && (
        <Empty description="本校暂无专任教师记录。请先在“教师”中登记教师。" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
      {d && d.counts.teachers > 0 && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <CountsRow counts={d.counts} linkOf={linkOf} />
          {d.pendingOutside > 0 && (
            <Link to={`/training/outside?status=pending&schoolId=${schoolId}`}>{d.pendingOutside} 项校外培训待审核 →</Link>
          )}
        </Space>
      )}
    </Card>
  );
}

/** The district's cycle compliance: counts, the schools furthest behind (click to drill down). */
export function DistrictTrainingCard() {
  const q = useQuery('training-district', (signal) => trainingApi.overview({}, signal));
  const d = q.data;
  const worst = (d?.schools ?? []).slice(0, 10);
  return (
    <Card
      title="继续教育学时达标（全区）"
      size="small"
      extra={d && <Link to="/training/compliance">{`${d.ref.ruleName} · ${d.ref.cycle.label} · 查看名单`}</Link>}
    >
      <ErrorAlert error={q.error} onRetry={q.reload} />
      {!d && q.isLoading && <Skeleton active />}
      {d && d.counts.teachers === 0 && (
        <Empty description="尚无专任教师学时数据。请先登记培训或导入完成名单。" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
      {d && d.counts.teachers > 0 && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <CountsRow counts={d.counts} linkOf={(status) => `/training/compliance${status ? `?status=${status}` : ''}`} />
          <Typography.Text type="secondary">完成率最低的学校（点击学校查看教师名单）</Typography.Text>
          <BarChart
            isHorizontal
            height={Math.max(200, worst.length * 28)}
            ariaLabel="各校继续教育周期完成率"
            categories={worst.map((s) => s.schoolName)}
            series={[{ name: '完成率（%）', values: worst.map((s) => Math.round((s.completionRate ?? 0) * 1000) / 10) }]}
          />
          <Space wrap>
            {worst.map((s) => (
              <Link key={s.schoolId} to={`/training/compliance?schoolId=${s.schoolId}`}>
                {s.schoolName}（预警 {s.atRisk}）
              </Link>
            ))}
          </Space>
        </Space>
      )}
    </Card>
  );
}
