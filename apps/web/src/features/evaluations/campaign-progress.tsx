/** Per-school progress of a campaign, with the 督导室's bulk steps (start self-evaluation, publish reviewed results). */
import type { BulkTransitionResult, CampaignDetail, EvaluationRow } from '@zhiping/contracts';
import { App, Button, Flex, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { EmptyState } from '../../components/empty-state.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { formatDate } from '../../lib/format.ts';
import { campaignsApi } from './evaluations-api.ts';
import { TeamEditor } from './team-editor.tsx';

export function CampaignProgress({
  campaign,
  canManage,
  onChanged,
}: {
  campaign: CampaignDetail;
  canManage: boolean;
  onChanged: () => void;
}) {
  const { message, modal } = App.useApp();
  const bulk = (label: string, run: () => Promise<BulkTransitionResult>) =>
    modal.confirm({
      title: `确认${label}？`,
      okText: label,
      onOk: async () => {
        try {
          const r = await run();
          message.success(`已${label} ${r.done} 所学校`);
          if (r.skipped.length > 0)
            modal.info({
              title: `${r.skipped.length} 所学校未处理`,
              content: r.skipped.map((s) => `${s.schoolName}：${s.reason}`).join('\n'),
            });
          onChanged();
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });
  const planned = campaign.stateCounts.planned ?? 0;
  const inReview = campaign.stateCounts.review ?? 0;
  return (
    <>
      {canManage && (
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Button type="primary" disabled={planned === 0} onClick={() => bulk('启动自评', () => campaignsApi.start(campaign.id))}>
            启动自评（{planned} 所已计划）
          </Button>
          <Button disabled={inReview === 0} onClick={() => bulk('发布结果', () => campaignsApi.publish(campaign.id))}>
            发布已审核结果（{inReview} 所待审核）
          </Button>
        </Flex>
      )}
      <Table<EvaluationRow>
        size="small"
        rowKey="id"
        dataSource={campaign.evaluations}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 所` }}
        locale={{ emptyText: <EmptyState description="此项目没有学校" /> }}
        columns={[
          { title: '学校', render: (_, r) => <Link to={`/evaluations/${r.id}`}>{r.schoolName}</Link> },
          { title: '街道', render: (_, r) => r.streetName ?? '—' },
          {
            title: '阶段',
            filters: [...new Set(campaign.evaluations.map((e) => e.stateLabel))].map((s) => ({ text: s, value: s })),
            onFilter: (v, r) => r.stateLabel === v,
            render: (_, r) => <Tag color={r.state === 'published' ? 'green' : r.state === 'review' ? 'gold' : 'blue'}>{r.stateLabel}</Tag>,
          },
          {
            title: '评估组',
            render: (_, r) => (
              <>
                {r.team.map((t) => t.name + (t.isLead ? '（组长）' : '')).join('、') || <Tag color="orange">未指派</Tag>}
                {canManage && !['published', 'cancelled'].includes(r.state) && <TeamEditor evaluation={r} onSaved={onChanged} isLink />}
              </>
            ),
          },
          { title: '现场评估', render: (_, r) => formatDate(r.visitDate) },
          { title: '总分', render: (_, r) => r.total ?? '—' },
          { title: '等次', render: (_, r) => r.band ?? r.verdictLabel ?? '—' },
        ]}
      />
    </>
  );
}
