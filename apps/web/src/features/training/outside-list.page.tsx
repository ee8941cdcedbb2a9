/** 校外培训审核: teachers' outside trainings with their evidence; the school administrator or 教师科 approves (credits the hours) or sends back. */
import type { OutsideTraining } from '@zhiping/contracts';
import { App, Button, Input, Modal, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../../components/page-header.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { SchoolSelect } from '../../components/school-select.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { downloadFile } from '../../lib/download.ts';
import { useListParams } from '../../lib/use-list-params.ts';
import { useQuery } from '../../lib/use-query.ts';
import { trainingApi } from './training-api.ts';
import { CATEGORY_LABELS, LEVEL_LABELS, OUTSIDE_LABELS, options } from './training-labels.ts';

const COLORS: Record<string, string> = { pending: 'gold', approved: 'green', rejected: 'red' };

/** Evidence links of a submission. */
export function EvidenceLinks({ item }: { item: OutsideTraining }) {
  const { message } = App.useApp();
  if (!item.evidence.length) return <span>未上传</span>;
  return (
    <Space direction="vertical" size={0}>
      {item.evidence.map((e) => (
        <a
          key={e.id}
          onClick={() =>
            void downloadFile(`/training/outside/${item.id}/evidence/${e.id}`, e.fileName).catch((err) => message.error(errorMessage(err)))
          }
        >
          {e.fileName}
        </a>
      ))}
    </Space>
  );
}

export default function OutsideListPage() {
  const { message } = App.useApp();
  const lp = useListParams();
  const f = lp.filters;
  const q = useQuery(`training-outside:${lp.key}`, (signal) =>
    trainingApi.outside({ page: lp.page, pageSize: lp.pageSize, status: f.status, schoolId: f.schoolId }, signal),
  );
  const [rejecting, setRejecting] = useState<OutsideTraining | null>(null);
  const [note, setNote] = useState('');
  const review = async (item: OutsideTraining, decision: 'approve' | 'reject', reason = '') => {
    try {
      await trainingApi.reviewOutside(item.id, { decision, note: reason });
      message.success(decision === 'approve' ? `已认定，${item.teacherName}记 ${item.hours} 学时` : '已退回');
      setRejecting(null);
      setNote('');
      q.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <>
      <PageHeader title="校外培训审核" subTitle="教师本人申报的校外培训：核对证明材料后认定学时或退回" />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ width: 130 }}
          placeholder="全部状态"
          value={f.status}
          onChange={(v) => lp.setFilters({ status: v })}
          options={options(OUTSIDE_LABELS)}
        />
        <SchoolSelect
          style={{ width: 240 }}
          allowClear
          value={f.schoolId ? Number(f.schoolId) : null}
          onChange={(v) => lp.setFilters({ schoolId: v })}
          placeholder="全部学校"
        />
      </Space>
      <PagedTable<OutsideTraining>
        data={q.data}
        isLoading={q.isLoading}
        error={q.error}
        onRetry={q.reload}
        page={lp.page}
        pageSize={lp.pageSize}
        onPageChange={lp.setPage}
        rowKey="id"
        empty="没有符合条件的校外培训申报。教师在“我的学时”中申报后会出现在这里。"
        columns={[
          { title: '教师', dataIndex: 'teacherName' },
          { title: '学校', dataIndex: 'schoolName' },
          { title: '培训', render: (_, r) => `${r.title}（${r.provider}）` },
          { title: '级别', render: (_, r) => LEVEL_LABELS[r.level] },
          { title: '类别', render: (_, r) => CATEGORY_LABELS[r.category] },
          { title: '学时', dataIndex: 'hours' },
          { title: '日期', render: (_, r) => `${r.startedOn} 至 ${r.endedOn}` },
          { title: '证明材料', render: (_, r) => <EvidenceLinks item={r} /> },
          {
            title: '状态',
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <Tag color={COLORS[r.status]}>{OUTSIDE_LABELS[r.status]}</Tag>
                {r.reviewNote && <small>{r.reviewNote}</small>}
              </Space>
            ),
          },
          {
            title: '操作',
            render: (_, r) =>
              r.canReview ? (
                <Space>
                  <Button size="small" type="primary" onClick={() => void review(r, 'approve')}>
                    认定
                  </Button>
                  <Button size="small" danger onClick={() => setRejecting(r)}>
                    退回
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      <Modal
        title="退回校外培训申报"
        open={rejecting !== null}
        onCancel={() => setRejecting(null)}
        okText="退回"
        okButtonProps={{ danger: true, disabled: !note.trim() }}
        onOk={() => rejecting && void review(rejecting, 'reject', note.trim())}
        destroyOnHidden
      >
        <Input.TextArea rows={3} placeholder="请说明退回原因（教师可见）" value={note} onChange={(e) => setNote(e.target.value)} />
      </Modal>
    </>
  );
}
