/**
 * Self-contained award cards other pages compose: TeacherAwardsCard (a teacher's applications and
 * results, on the teacher growth page) and DistrictAwardsCard (rounds, their state and counts, on the
 * district dashboard). Each fetches its own data.
 */
import { TrophyOutlined } from '@ant-design/icons';
import { Card, List, Space, Statistic, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { awardsApi } from './awards-api.ts';
import { CallStateTag } from './award-tags.tsx';

/** A teacher's own award applications and results (lead or team member). */
export function TeacherAwardsCard({ teacherId }: { teacherId: number }) {
  const q = useQuery(`teacher-awards:${teacherId}`, (signal) => awardsApi.teacherAwards(teacherId, signal));
  return (
    <Card
      title={
        <Space>
          <TrophyOutlined />
          教育教学成果奖
        </Space>
      }
      size="small"
      loading={q.isLoading && !q.data}
    >
      <ErrorAlert error={q.error} onRetry={q.reload} />
      {q.data && q.data.items.length === 0 ? (
        <EmptyState description="暂无成果奖申报记录。区教师科发布申报通知后，由学校为成果主持人统一申报。" />
      ) : (
        <List
          size="small"
          dataSource={q.data?.items ?? []}
          renderItem={(i) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Space wrap>
                    <Typography.Text strong>{i.title}</Typography.Text>
                    <Tag>{i.isLead ? '主持人' : '团队成员'}</Tag>
                  </Space>
                }
                description={`${i.callTitle} · ${i.statusLabel}`}
              />
              <Space wrap>
                {!i.isResultPublic && <Tag>评审中</Tag>}
                {i.isResultPublic && i.gradeLabel && <Tag color="gold">区级{i.gradeLabel}</Tag>}
                {i.isResultPublic && !i.gradeLabel && i.rank !== null && <Tag>第 {i.rank} 名，未获奖</Tag>}
                {i.cityResultLabel && <Tag color={i.cityResultLabel === '未获奖' ? 'default' : 'red'}>{i.cityResultLabel}</Tag>}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** Award rounds with state and counts, and totals since the first round (district roles). */
export function DistrictAwardsCard() {
  const q = useQuery('award-overview', (signal) => awardsApi.overview(signal));
  const t = q.data?.totals;
  return (
    <Card
      title={
        <Space>
          <TrophyOutlined />
          教育教学成果奖
        </Space>
      }
      size="small"
      loading={q.isLoading && !q.data}
      extra={<Link to="/awards">全部批次</Link>}
    >
      <ErrorAlert error={q.error} onRetry={q.reload} />
      {t && (
        <Space size="large" wrap style={{ marginBottom: 12 }}>
          <Statistic title={`区级成果奖${t.since ? `（${t.since}年起）` : ''}`} value={t.districtAwards} suffix="项" />
          <Statistic title="推荐参评市级" value={t.cityRecommended} suffix="项" />
          <Statistic title="获市级成果奖" value={t.cityAwarded} suffix="项" />
        </Space>
      )}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={q.data?.rounds ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <EmptyState description="尚无评审批次。教师科可在“成果奖评审”中新建批次并发布申报通知。" /> }}
        columns={[
          { title: '批次', render: (_, r) => <Link to={`/awards/calls/${r.id}`}>{r.title}</Link> },
          { title: '状态', render: (_, r) => <CallStateTag state={r.state} label={r.stateLabel} /> },
          { title: '申报', render: (_, r) => r.counts.applications },
          { title: '区级获奖', render: (_, r) => r.counts.awarded },
          { title: '推荐市级', render: (_, r) => r.counts.recommended },
          { title: '市级获奖', render: (_, r) => (r.counts.cityRecorded > 0 ? r.counts.cityAwarded : '—') },
        ]}
      />
    </Card>
  );
}
