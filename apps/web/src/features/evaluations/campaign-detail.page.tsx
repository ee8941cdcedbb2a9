/** One campaign: per-school progress through the workflow, teams, the visit schedule and statistics. */
import { Card, Descriptions, Skeleton, Tabs } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDate } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useMe } from '../auth/auth-context.tsx';
import { StateCounts } from './campaign-list.page.tsx';
import { CampaignProgress } from './campaign-progress.tsx';
import { CampaignSchedulePanel } from './campaign-schedule.tsx';
import { CampaignStatisticsPanel } from './campaign-statistics.tsx';
import { campaignsApi } from './evaluations-api.ts';
import { isSupervisor } from './supervision-access.ts';
import { TeamProposalPanel } from './team-proposal.tsx';

export default function CampaignDetailPage() {
  const id = Number(useParams().id);
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const q = useQuery(`campaign:${id}`, (signal) => campaignsApi.get(id, signal));
  if (q.error && !q.data) return <ErrorAlert error={q.error} onRetry={q.reload} />;
  if (!q.data) return <Skeleton active />;
  const c = q.data;
  const canManage = isSupervisor(me);
  const tab = params.get('tab') ?? 'progress';
  return (
    <>
      <PageHeader title={c.name} subTitle={`${c.template.name} v${c.template.version} · ${c.schoolCount} 所学校`} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="项目周期">
            {formatDate(c.periodStart)} 至 {formatDate(c.periodEnd)}
          </Descriptions.Item>
          <Descriptions.Item label="自评截止">{formatDate(c.selfAssessmentDue)}</Descriptions.Item>
          <Descriptions.Item label="现场评估截止">{formatDate(c.onSiteDue)}</Descriptions.Item>
          <Descriptions.Item label="报告截止">{formatDate(c.reportDue)}</Descriptions.Item>
          <Descriptions.Item label="每组人数">{c.teamSize}</Descriptions.Item>
          <Descriptions.Item label="进度">
            <StateCounts counts={c.stateCounts} />
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        items={[
          { key: 'progress', label: '学校进度', children: <CampaignProgress campaign={c} canManage={canManage} onChanged={q.reload} /> },
          ...(canManage ? [{ key: 'teams', label: '评估组', children: <TeamProposalPanel campaignId={id} onSaved={q.reload} /> }] : []),
          { key: 'schedule', label: '日程', children: <CampaignSchedulePanel campaignId={id} canManage={canManage} /> },
          { key: 'statistics', label: '结果统计', children: <CampaignStatisticsPanel campaignId={id} /> },
        ]}
      />
    </>
  );
}
