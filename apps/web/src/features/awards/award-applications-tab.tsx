/** The applications of a round (a school its own, the district all) and the 教师科's formal-check queue. */
import { PlusOutlined } from '@ant-design/icons';
import type { AwardApplicationSummary, AwardCallDetail } from '@zhiping/contracts';
import { App, Button, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { DownloadButton } from '../../components/export-button.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useListParams } from '../../lib/use-list-params.ts';
import { useQuery } from '../../lib/use-query.ts';
import { ApplicationStatusTag, GradeTag } from './award-tags.tsx';
import { awardsApi } from './awards-api.ts';

const STATUS_OPTIONS = [
  { value: 'draft', label: '草稿' },
  { value: 'submitted', label: '已提交待审查' },
  { value: 'returned', label: '退回修改' },
  { value: 'accepted', label: '形式审查通过' },
  { value: 'withdrawn', label: '已撤回' },
];

export function ApplicationsTab({
  call,
  isCheckQueue,
  onChange,
}: {
  call: AwardCallDetail;
  isCheckQueue?: boolean;
  onChange?: () => void;
}) {
  const lp = useListParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const status = isCheckQueue ? 'submitted' : lp.filters.status;
  const q = useQuery(`award-apps:${call.id}:${isCheckQueue ? 'check' : ''}:${lp.key}`, (signal) =>
    awardsApi.applications({ callId: call.id, page: lp.page, pageSize: lp.pageSize, status, q: lp.filters.q }, signal),
  );
  const [returning, setReturning] = useState<AwardApplicationSummary | null>(null);
  const [note, setNote] = useState('');
  const decide = async (a: AwardApplicationSummary, decision: 'pass' | 'return', text = '') => {
    try {
      await awardsApi.check(a.id, decision, text);
      message.success(decision === 'pass' ? `《${a.title}》形式审查通过` : `已退回《${a.title}》`);
      setReturning(null);
      q.reload();
      onChange?.();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const canCheck = isCheckQueue && (call.state === 'open' || call.state === 'formal_check');
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        {!isCheckQueue && (
          <Select
            allowClear
            placeholder="全部状态"
            style={{ width: 160 }}
            value={lp.filters.status}
            onChange={(v) => lp.setFilters({ status: v })}
            options={STATUS_OPTIONS}
          />
        )}
        <Input.Search
          allowClear
          placeholder="成果名称或主持人"
          style={{ width: 220 }}
          defaultValue={lp.filters.q ?? ''}
          onSearch={(v) => lp.setFilters({ q: v || null })}
        />
        {!isCheckQueue && (
          <DownloadButton
            path="/awards/applications.xlsx"
            fileName={`${call.title}-申报.xlsx`}
            query={{ callId: call.id, status: lp.filters.status, q: lp.filters.q }}
          />
        )}
        {!isCheckQueue && call.canApply && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate(`/awards/calls/${call.id}/apply`)}>
            新建申报
          </Button>
        )}
      </Space>
      <PagedTable<AwardApplicationSummary>
        data={q.data}
        isLoading={q.isLoading}
        error={q.error}
        onRetry={q.reload}
        page={lp.page}
        pageSize={lp.pageSize}
        onPageChange={lp.setPage}
        rowKey="id"
        empty={
          isCheckQueue
            ? '没有待审查的申报。学校提交申报后会出现在这里。'
            : call.canApply
              ? '本校尚未申报。点击“新建申报”，成果主持人和团队成员的信息由教师档案带出。'
              : '没有符合条件的申报。'
        }
        columns={[
          { title: '成果名称', render: (_, r) => <Link to={`/awards/applications/${r.id}`}>{r.title}</Link> },
          { title: '主持人', dataIndex: 'leadName' },
          { title: '学校', dataIndex: 'schoolName' },
          { title: '团队', render: (_, r) => (r.members.length > 1 ? `${r.members.length - 1} 人` : '—') },
          { title: '类别/学段', render: (_, r) => `${r.field} · ${r.stage}` },
          { title: '状态', render: (_, r) => <ApplicationStatusTag status={r.status} label={r.statusLabel} /> },
          { title: '提交时间', render: (_, r) => formatDateTime(r.submittedAt) },
          ...(isCheckQueue
            ? []
            : [
                { title: '得分', render: (_: unknown, r: AwardApplicationSummary) => r.score ?? '—' },
                { title: '名次', render: (_: unknown, r: AwardApplicationSummary) => r.rank ?? '—' },
                { title: '等次', render: (_: unknown, r: AwardApplicationSummary) => <GradeTag label={r.gradeLabel} /> },
              ]),
          ...(canCheck
            ? [
                {
                  title: '形式审查',
                  render: (_: unknown, r: AwardApplicationSummary) => (
                    <Space>
                      <Button size="small" type="primary" onClick={() => void decide(r, 'pass')}>
                        通过
                      </Button>
                      <Button
                        size="small"
                        danger
                        onClick={() => {
                          setNote('');
                          setReturning(r);
                        }}
                      >
                        退回
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        title={`退回《${returning?.title ?? ''}》`}
        open={returning !== null}
        okText="退回"
        cancelText="取消"
        okButtonProps={{ danger: true, disabled: note.trim().length === 0 }}
        onCancel={() => setReturning(null)}
        onOk={() => returning && void decide(returning, 'return', note.trim())}
      >
        <Input.TextArea rows={3} value={note} onChange={(e) => setNote(e.target.value)} placeholder="退回理由（学校修改后可重新提交）" />
      </Modal>
    </>
  );
}
