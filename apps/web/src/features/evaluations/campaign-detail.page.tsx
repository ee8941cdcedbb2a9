/** One campaign: per-school progress through the workflow, teams, the visit schedule and statistics. */
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Skeleton, Tabs, Tooltip } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { formatDate } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useMe } from '../auth/auth-context.tsx';
import { CampaignForm } from './campaign-form.tsx';
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
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const [isEditing, setEditing] = useState(false);
  const q = useQuery(`campaign:${id}`, (signal) => campaignsApi.get(id, signal));
  if (q.error && !q.data) return <ErrorAlert error={q.error} onRetry={q.reload} />;
  if (!q.data) return <Skeleton active />;
  const c = q.data;
  const canManage = isSupervisor(me);
  const tab = params.get('tab') ?? 'progress';
  const remove = () =>
    modal.confirm({
      title: `删除评估项目“${c.name}”？`,
      content: `将同时删除 ${c.schoolCount} 所学校的评估安排（评估组、日程）。此操作记入审计日志，不能撤销。`,
      okText: '删除',
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await campaignsApi.remove(c.id);
          message.success('评估项目已删除');
          void navigate('/campaigns');
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });
  return (
    <>
      <PageHeader
        title={c.name}
        subTitle={`${c.template.name} v${c.template.version} · ${c.schoolCount} 所学校`}
        extra={
          canManage && (
            <>
              <Tooltip title={c.editLock}>
                <Button icon={<EditOutlined />} disabled={!!c.editLock} onClick={() => setEditing(true)}>
                  修改项目
                </Button>
              </Tooltip>
              <Tooltip title={c.deleteLock}>
                <Button danger icon={<DeleteOutlined />} disabled={!!c.deleteLock} onClick={remove}>
                  删除项目
                </Button>
              </Tooltip>
            </>
          )
        }
      />
      {canManage && c.editLock === null && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="尚无学校开始评分：可修改项目名称、日期和参评学校；一旦有学校开始自评打分或进入现场评估，项目即锁定。"
        />
      )}
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
      {canManage && (
        <CampaignForm
          open={isEditing}
          campaign={c}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            q.reload();
          }}
        />
      )}
    </>
  );
}
