/**
 * Assigns one school's inspector team: every inspector with their load and any 回避 reason from the
 * server; the server refuses a conflicted team and its reason is shown.
 */
import type { EvaluationRow } from '@zhiping/contracts';
import { Alert, App, Button, Checkbox, Flex, Modal, Radio, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../lib/api-error.ts';
import { useQuery } from '../../lib/use-query.ts';
import { evaluationsApi } from './evaluations-api.ts';

export function TeamEditor({
  evaluation,
  onSaved,
  isLink,
}: {
  evaluation: Pick<EvaluationRow, 'id' | 'schoolName' | 'team'>;
  onSaved: () => void;
  isLink?: boolean;
}) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [ids, setIds] = useState<number[]>([]);
  const [leadId, setLeadId] = useState<number | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const eligible = useQuery(open ? `eligible:${evaluation.id}` : null, (signal) => evaluationsApi.eligible(evaluation.id, signal));

  useEffect(() => {
    if (!open) return;
    setIds(evaluation.team.map((t) => t.userId));
    setLeadId(evaluation.team.find((t) => t.isLead)?.userId ?? null);
    setRefusal(null);
  }, [open, evaluation.team]);

  const save = async () => {
    if (ids.length === 0 || leadId === null || !ids.includes(leadId)) {
      message.warning('请选择评估组成员并指定组长');
      return;
    }
    setBusy(true);
    try {
      await evaluationsApi.setTeam(evaluation.id, ids, leadId);
      message.success('评估组已保存');
      setOpen(false);
      onSaved();
    } catch (e) {
      setRefusal(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button type={isLink ? 'link' : 'default'} size={isLink ? 'small' : 'middle'} onClick={() => setOpen(true)}>
        {isLink ? '调整' : '指派评估组'}
      </Button>
      <Modal
        title={`指派评估组 · ${evaluation.schoolName}`}
        open={open}
        width={640}
        okText="保存"
        confirmLoading={isBusy}
        onOk={() => void save()}
        onCancel={() => setOpen(false)}
      >
        {refusal && (
          <Alert type="error" showIcon title="未能保存" description={refusal} style={{ marginBottom: 12 }} data-testid="team-refusal" />
        )}
        <Table
          size="small"
          rowKey="userId"
          loading={eligible.isLoading}
          pagination={false}
          dataSource={eligible.data?.items ?? []}
          columns={[
            {
              title: '成员',
              render: (_, r) => (
                <Checkbox
                  checked={ids.includes(r.userId)}
                  onChange={(e) => setIds((prev) => (e.target.checked ? [...prev, r.userId] : prev.filter((x) => x !== r.userId)))}
                >
                  {r.name}
                </Checkbox>
              ),
            },
            {
              title: '组长',
              render: (_, r) => (
                <Radio checked={leadId === r.userId} disabled={!ids.includes(r.userId)} onChange={() => setLeadId(r.userId)} />
              ),
            },
            { title: '在评学校数', dataIndex: 'load' },
            { title: '回避', render: (_, r) => (r.conflict ? <Tag color="red">{r.conflict}</Tag> : <Tag color="green">无</Tag>) },
          ]}
        />
        <Flex style={{ marginTop: 8 }}>回避原因由服务器按任职和关联学校判断；勾选需回避的督学时保存会被拒绝。</Flex>
      </Modal>
    </>
  );
}
