/** /teacher-development: the district's teacher-development dashboard with yearly targets and drill-down. */
import type { DashboardMetric, GrowthDashboard } from '@zhiping/contracts';
import { Button, Card, Col, InputNumber, Progress, Row, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { BarChart } from '../../components/bar-chart.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useMe } from '../auth/auth-context.tsx';
import { DistrictAwardsCard } from '../awards/award-cards.tsx';
import { DistrictTrainingCard } from '../training/training-cards.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { DrillModal } from './drill-modal.tsx';
import { isGrowthManager } from './growth-access.ts';
import { growthApi } from './growth-api.ts';
import { TargetsCard } from './targets-card.tsx';

function TargetCard({ t, onDrill }: { t: GrowthDashboard['targets'][number]; onDrill: (m: DashboardMetric) => void }) {
  const isPercent = t.unit === '%';
  return (
    <Card
      size="small"
      title={t.label}
      extra={
        <Button type="link" size="small" onClick={() => onDrill(t.metric)}>
          明细
        </Button>
      }
    >
      <Statistic
        value={t.actual}
        suffix={t.target !== null ? `/ ${t.target}${isPercent ? '%' : ` ${t.unit}`}` : t.unit}
        precision={isPercent ? 1 : 0}
      />
      <Progress
        percent={Math.min(100, t.progress ?? 0)}
        status={t.progress !== null && t.progress >= 100 ? 'success' : 'active'}
        size="small"
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t.source ? `目标依据：${t.source}（${t.validFromYear} 年起）` : '未设定目标'}
      </Typography.Text>
    </Card>
  );
}

export default function DistrictDashboardPage() {
  const me = useMe();
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const [drill, setDrill] = useState<DashboardMetric | null>(null);
  const q = useQuery(`growth-dashboard:${year}`, (signal) => growthApi.dashboard(year, signal));
  const d = q.data;
  return (
    <>
      <PageHeader
        title="教师发展看板"
        subTitle="年度目标、名师工作室、专家团队结对农村学校、示范课与教学能手评选、年度考核；点击“明细”查看背后的教师和学校"
        extra={
          <Space>
            年度
            <InputNumber
              aria-label="年度"
              min={2020}
              max={2100}
              value={year}
              onChange={(v) => v && v >= 2000 && v <= 2100 && setYear(v)}
              style={{ width: 100 }}
            />
          </Space>
        }
      />
      <ErrorAlert error={q.error} onRetry={q.reload} />
      {!d ? (
        <Skeleton active />
      ) : (
        <Row gutter={[16, 16]}>
          {d.targets.map((t) => (
            <Col key={t.key} xs={24} sm={12} xl={6}>
              <TargetCard t={t} onDrill={setDrill} />
            </Col>
          ))}
          <Col xs={24} xl={12}>
            <DistrictTrainingCard />
          </Col>
          <Col xs={24} xl={12}>
            <Card
              size="small"
              title={`名师工作室（${d.year} 年在期 ${d.studios.total} 个）`}
              extra={<Link to="/growth/studios">全部工作室</Link>}
            >
              <Row gutter={12}>
                {d.studios.byKind.map((k) => (
                  <Col span={8} key={k.kind}>
                    <Statistic title={k.label} value={k.count} />
                  </Col>
                ))}
              </Row>
              <Space wrap style={{ marginTop: 12 }}>
                <Button size="small" onClick={() => setDrill('studio_members')}>
                  主持人和成员 {d.studios.members} 人
                </Button>
                <Tag>本年活动 {d.studios.activities} 次</Tag>
                <Tag>本年成果 {d.studios.outputs} 项</Tag>
              </Space>
              <div style={{ marginTop: 8 }}>
                {d.studios.reviewYear} 年度考核：
                {d.studios.ratings.map((r) => (
                  <Tag key={r.rating} color={r.rating === 'fail' && r.count ? 'red' : undefined}>
                    {r.label} {r.count}
                  </Tag>
                ))}
              </div>
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title="专家团队结对帮扶" extra={<Link to="/growth/teams">全部团队</Link>}>
              <Row gutter={12}>
                <Col span={8}>
                  <Statistic title="专家团队" value={d.teams.total} suffix="个" />
                </Col>
                <Col span={8}>
                  <Statistic title="帮扶专家" value={d.teams.experts} suffix="人" />
                </Col>
                <Col span={8}>
                  <Statistic title={`${d.year} 年帮扶`} value={d.teams.visits} suffix="次" />
                </Col>
              </Row>
              <Space wrap style={{ marginTop: 12 }}>
                <Button size="small" onClick={() => setDrill('experts')}>
                  专家名单
                </Button>
                <Button size="small" onClick={() => setDrill('rural_paired')}>
                  已结对农村学校 {d.teams.ruralPaired} / {d.teams.ruralSchools}
                </Button>
                <Button size="small" danger={d.teams.ruralPaired < d.teams.ruralSchools} onClick={() => setDrill('rural_unpaired')}>
                  未结对农村学校 {d.teams.ruralSchools - d.teams.ruralPaired}
                </Button>
                <Button size="small" onClick={() => setDrill('weak_paired')}>
                  结对薄弱学校 {d.teams.weakPaired}
                </Button>
              </Space>
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title={`${d.year} 年度评选`} extra={<Link to="/growth/rounds">全部评选</Link>}>
              {d.rounds.length === 0 ? (
                <Typography.Text type="secondary">本年度尚未发布评选。区教师科可在“示范课与教学能手”中发布。</Typography.Text>
              ) : (
                <Table
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={d.rounds}
                  columns={[
                    { title: '评选', render: (_, r) => <Link to={`/growth/rounds/${r.id}`}>{r.name}</Link> },
                    { title: '状态', render: (_, r) => <Tag color={r.state === 'published' ? 'green' : 'blue'}>{r.stateLabel}</Tag> },
                    { title: '申报', dataIndex: 'applications', align: 'right' },
                    { title: '入选/名额', render: (_, r) => `${r.selected} / ${r.target}`, align: 'right' },
                  ]}
                />
              )}
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title="专业知识和能力考核" extra={d.test.visible ? <Link to="/growth/tests">考核分析</Link> : undefined}>
              {!d.test.visible ? (
                <Typography.Text type="secondary">考核结果仅教师本人、所在学校和区教师科可以查看。</Typography.Text>
              ) : d.test.year === null ? (
                <Typography.Text type="secondary">尚无考核成绩。请在“教师考核”中导入。</Typography.Text>
              ) : (
                <Space size="large">
                  <Statistic title={`${d.test.year} 年参加考核`} value={d.test.tested} suffix="人" />
                  <Statistic title="平均分" value={d.test.mean ?? '—'} />
                  <Button size="small" onClick={() => setDrill('tested')}>
                    参考教师名单
                  </Button>
                </Space>
              )}
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <DistrictAwardsCard />
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title="各类工作室数量">
              <BarChart
                ariaLabel="各类工作室数量"
                height={200}
                categories={d.studios.byKind.map((k) => k.label)}
                series={[{ name: '工作室', values: d.studios.byKind.map((k) => k.count) }]}
              />
            </Card>
          </Col>
          <Col xs={24}>
            <TargetsCard canEdit={isGrowthManager(me)} onChanged={q.reload} />
          </Col>
        </Row>
      )}
      <DrillModal metric={drill} year={year} onClose={() => setDrill(null)} />
    </>
  );
}
