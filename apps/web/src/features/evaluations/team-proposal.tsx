/** The server's team proposal for a campaign (avoidance rules, balanced load), reviewed and then saved at once. */
import type { TeamProposal } from '@zhiping/contracts';
import { Alert, App, Button, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../lib/api-error.ts';
import { campaignsApi } from './evaluations-api.ts';

export function TeamProposalPanel({ campaignId, onSaved }: { campaignId: number; onSaved: () => void }) {
  const { message } = App.useApp();
  const [proposal, setProposal] = useState<TeamProposal | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const propose = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      setProposal(await campaignsApi.propose(campaignId));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const apply = async () => {
    if (!proposal) return;
    setBusy(true);
    try {
      const r = await campaignsApi.applyTeams(
        campaignId,
        proposal.assignments.map((a) => ({ evaluationId: a.evaluationId, inspectorIds: a.inspectorIds, leadId: a.leadId })),
      );
      message.success(`已保存 ${r.saved} 个评估组`);
      setProposal(null);
      onSaved();
    } catch (e) {
      setRefusal(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Button type="primary" loading={isBusy} onClick={() => void propose()}>
          生成评估组建议
        </Button>
        {proposal && (
          <Button loading={isBusy} disabled={proposal.assignments.length === 0} onClick={() => void apply()}>
            保存全部建议（{proposal.assignments.length} 所）
          </Button>
        )}
        <Typography.Text type="secondary">建议按回避规则和工作量均衡生成，不会自动保存；单个学校可在“学校进度”中手动调整。</Typography.Text>
      </Flex>
      {refusal && <Alert type="error" showIcon title="未能保存" description={refusal} style={{ marginBottom: 12 }} />}
      {proposal && proposal.unstaffed.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${proposal.unstaffed.length} 所学校无法组队`}
          description={proposal.unstaffed.map((u) => `${u.schoolName}：${u.reason}`).join('；')}
        />
      )}
      {proposal && (
        <>
          <Table
            size="small"
            rowKey="evaluationId"
            dataSource={proposal.assignments}
            pagination={{ pageSize: 20 }}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: '学校', dataIndex: 'schoolName' },
              {
                title: '评估组',
                render: (_, a) => a.names.map((n, i) => (a.inspectorIds[i] === a.leadId ? `${n}（组长）` : n)).join('、'),
              },
              {
                title: '回避',
                render: (_, a) =>
                  a.avoided.length === 0
                    ? '—'
                    : a.avoided.map((v) => (
                        <Tag key={v.inspectorId} color="red">
                          {v.name}：{v.reason}
                        </Tag>
                      )),
              },
            ]}
          />
          <Typography.Paragraph type="secondary">
            工作量：{proposal.loads.map((l) => `${l.name} ${l.schools} 所`).join('，') || '—'}
          </Typography.Paragraph>
        </>
      )}
    </>
  );
}
