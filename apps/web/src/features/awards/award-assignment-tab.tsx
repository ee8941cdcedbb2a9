/** Reviewer assignment: a seeded draw (reproducible, balanced, never conflicted), manual adjustment refused on conflict, loads. */
import type { AwardAssignmentRow, AwardCallDetail } from '@zhiping/contracts';
import { Alert, App, Button, Card, InputNumber, Modal, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { useQuery } from '../../lib/use-query.ts';
import { awardsApi } from './awards-api.ts';

export function AssignmentTab({ call }: { call: AwardCallDetail }) {
  const { message } = App.useApp();
  const q = useQuery(`award-board:${call.id}`, (signal) => awardsApi.board(call.id, signal));
  const [seed, setSeed] = useState<number | null>(null);
  const [editing, setEditing] = useState<AwardAssignmentRow | null>(null);
  const [picked, setPicked] = useState<number[]>([]);
  const [isBusy, setBusy] = useState(false);
  const canAssign = call.state === 'formal_check' || call.state === 'reviewing';
  const b = q.data;
  const draw = async () => {
    setBusy(true);
    try {
      const r = await awardsApi.draw(call.id, seed ?? undefined);
      message.success(
        `已抽取（随机种子 ${r.seed}）：新分配 ${r.assigned} 人次${r.unstaffed.length ? `，${r.unstaffed.length} 项专家不足` : ''}`,
      );
      q.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const save = async () => {
    if (!editing) return;
    setBusy(true);
    try {
      await awardsApi.assign(editing.applicationId, picked);
      message.success('已调整评审专家');
      setEditing(null);
      q.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <ErrorAlert error={q.error} onRetry={q.reload} />
      {canAssign && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Space wrap>
            <Typography.Text>
              每项成果 {b?.perApplication ?? call.rules.reviewersPerApplication} 位专家，按回避规则随机抽取并均衡工作量。
            </Typography.Text>
            <InputNumber
              placeholder={b?.drawSeed ? `种子 ${b.drawSeed}` : '随机种子（可留空）'}
              min={1}
              value={seed}
              onChange={(v) => setSeed(v)}
              style={{ width: 180 }}
            />
            <Button type="primary" loading={isBusy} onClick={() => void draw()}>
              抽取评审专家
            </Button>
          </Space>
        </Card>
      )}
      <Table
        size="small"
        rowKey="applicationId"
        loading={q.isLoading}
        dataSource={b?.rows ?? []}
        pagination={{ pageSize: 20 }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <EmptyState description="没有通过形式审查的申报。请先在“形式审查”中审查学校提交的申报。" /> }}
        columns={[
          { title: '成果名称', dataIndex: 'title' },
          { title: '学校', dataIndex: 'schoolName' },
          {
            title: '评审专家',
            render: (_, r) =>
              r.reviewers.length === 0 ? (
                <Tag color="red">未分配</Tag>
              ) : (
                <Space size={4} wrap>
                  {r.reviewers.map((x) => (
                    <Tag key={x.expertId} color={x.isSubmitted ? 'green' : x.method === 'manual' ? 'blue' : 'default'}>
                      {x.name}
                      {x.isSubmitted ? '（已评）' : ''}
                    </Tag>
                  ))}
                </Space>
              ),
          },
          {
            title: '须回避',
            render: (_, r) =>
              r.conflicts.length === 0 ? (
                '—'
              ) : (
                <Tooltip title={r.conflicts.map((c) => `${c.name}：${c.reason}`).join('；')}>
                  <Tag color="orange">{r.conflicts.map((c) => c.name).join('、')}</Tag>
                </Tooltip>
              ),
          },
          ...(canAssign
            ? [
                {
                  title: '操作',
                  render: (_: unknown, r: AwardAssignmentRow) => (
                    <Button
                      size="small"
                      onClick={() => {
                        setPicked(r.reviewers.map((x) => x.expertId));
                        setEditing(r);
                      }}
                    >
                      调整
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {b && (
        <Typography.Paragraph type="secondary">
          专家工作量：{b.experts.map((e) => `${e.name} ${e.load} 项`).join('；') || '专家库为空，请先在“成果奖 → 专家库”加入专家'}
        </Typography.Paragraph>
      )}
      <Modal
        title={`调整评审专家：${editing?.title ?? ''}`}
        open={editing !== null}
        okText="保存"
        cancelText="取消"
        confirmLoading={isBusy}
        onCancel={() => setEditing(null)}
        onOk={() => void save()}
      >
        {editing && editing.conflicts.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title="以下专家须回避，选择后将被拒绝"
            description={editing.conflicts.map((c) => `${c.name}：${c.reason}`).join('；')}
          />
        )}
        <Select
          mode="multiple"
          style={{ width: '100%' }}
          value={picked}
          onChange={setPicked}
          aria-label="评审专家"
          options={(b?.experts ?? []).map((e) => ({
            value: e.id,
            label: `${e.name}（${e.schoolName ?? (e.organisation || '区外')}，已分 ${e.load} 项）${editing?.conflicts.some((c) => c.expertId === e.id) ? ' · 须回避' : ''}`,
          }))}
        />
      </Modal>
    </>
  );
}
