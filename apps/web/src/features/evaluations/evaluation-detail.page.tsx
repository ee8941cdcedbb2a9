/** One school's evaluation: where it stands in the workflow, the team, the sheets, actions and the transition log. */
import { Button, Card, Descriptions, Flex, Grid, Progress, Skeleton, Space, Table, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import { OpenItemsPanel } from '../rectification/open-items-panel.tsx';
import { useMe } from '../auth/auth-context.tsx';
import { evaluationsApi } from './evaluations-api.ts';
import { TeamEditor } from './team-editor.tsx';
import { TransitionButtons } from './transition-buttons.tsx';
import { TransitionLog, WorkflowSteps } from './workflow-progress.tsx';

export default function EvaluationDetailPage() {
  const id = Number(useParams().id);
  const screens = Grid.useBreakpoint();
  const me = useMe();
  const q = useQuery(`evaluation:${id}`, (signal) => evaluationsApi.get(id, signal));
  if (q.error && !q.data) return <ErrorAlert error={q.error} onRetry={q.reload} />;
  if (!q.data) return <Skeleton active />;
  const ev = q.data;
  const isSupervisor = ev.capacities.includes('district_supervisor');
  const mine = ev.sheets.find((s) => s.kind === 'inspector' && s.inspectorId === me.id);
  const hasSelf = ev.sheets.some((s) => s.kind === 'self');
  const canTeam = isSupervisor && !['published', 'cancelled'].includes(ev.state);

  return (
    <>
      <PageHeader
        title={`${ev.schoolName} · ${ev.stateLabel}`}
        subTitle={<Link to={`/campaigns/${ev.campaignId}`}>{ev.campaignName}</Link>}
        extra={
          <>
            {hasSelf && (
              <Link to={`/evaluations/${id}/sheets/self`}>
                <Button type={ev.capacities.includes('school_admin') ? 'primary' : 'default'}>学校自评</Button>
              </Link>
            )}
            {ev.capacities.includes('inspector') && mine && (
              <Link to={`/evaluations/${id}/sheets/mine`}>
                <Button type={ev.state === 'on_site' ? 'primary' : 'default'}>现场评分</Button>
              </Link>
            )}
            {ev.canSeeConsolidation && (
              <Link to={`/evaluations/${id}/consolidation`}>
                <Button>组内合议</Button>
              </Link>
            )}
            {ev.canSeeResult && (
              <Link to={`/evaluations/${id}/result`}>
                <Button>评估结果</Button>
              </Link>
            )}
            <Link to={`/rectifications?schoolId=${ev.schoolId}`}>
              <Button>整改事项</Button>
            </Link>
            {canTeam && <TeamEditor evaluation={ev} onSaved={q.reload} />}
            <TransitionButtons evaluation={ev} onDone={q.reload} />
          </>
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {!['published', 'cancelled'].includes(ev.state) && <OpenItemsPanel schoolId={ev.schoolId} schoolName={ev.schoolName} />}
        <Card size="small">
          <WorkflowSteps state={ev.state} isCompact={!screens.md} />
        </Card>
        <Card size="small" title="基本信息">
          <Descriptions size="small" column={{ xs: 1, md: 2, lg: 3 }}>
            <Descriptions.Item label="评估模板">
              {ev.template.name} v{ev.template.version}（满分 {ev.template.scale}）
            </Descriptions.Item>
            <Descriptions.Item label="自评截止">{formatDate(ev.deadlines.selfAssessmentDue)}</Descriptions.Item>
            <Descriptions.Item label="现场评估截止">{formatDate(ev.deadlines.onSiteDue)}</Descriptions.Item>
            <Descriptions.Item label="报告截止">{formatDate(ev.deadlines.reportDue)}</Descriptions.Item>
            <Descriptions.Item label="现场评估日期">{formatDate(ev.visitDate)}</Descriptions.Item>
            <Descriptions.Item label="评估组">
              <Flex gap={4} wrap>
                {ev.team.length === 0
                  ? '未指派'
                  : ev.team.map((t) => (
                      <Tag key={t.userId} color={t.isLead ? 'blue' : undefined}>
                        {t.name}
                        {t.isLead ? '（组长）' : ''}
                      </Tag>
                    ))}
              </Flex>
            </Descriptions.Item>
            {ev.total !== null && (
              <Descriptions.Item label="总分 / 等次">
                {ev.total} / {ev.band ?? ev.verdictLabel ?? '—'}
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
        {ev.sheets.length > 0 && (
          <Card size="small" title="评分表">
            <Table
              size="small"
              rowKey={(s) => `${s.kind}:${s.inspectorId ?? 'self'}`}
              pagination={false}
              dataSource={ev.sheets}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: '评分表', render: (_, s) => (s.kind === 'self' ? '学校自评' : s.name) },
                {
                  title: '进度',
                  render: (_, s) => (
                    <Progress
                      percent={s.total ? Math.round((s.scored / s.total) * 100) : 0}
                      size="small"
                      format={() => `${s.scored}/${s.total}`}
                      style={{ width: 160 }}
                    />
                  ),
                },
                { title: '提交时间', render: (_, s) => formatDateTime(s.submittedAt) },
              ]}
            />
          </Card>
        )}
        <Card size="small" title="流程记录（含退回及理由）">
          <TransitionLog log={ev.log} />
        </Card>
      </Space>
    </>
  );
}
