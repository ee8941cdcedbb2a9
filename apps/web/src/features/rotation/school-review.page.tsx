/** 交流审核（学校）: the moves from and to the administrator's school; accept, or object with a reason, while the plan is under school review. */
import type { RotationMove } from '@zhiping/contracts';
import { App, Button, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../../components/page-header.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { useListParams } from '../../lib/use-list-params.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useMe } from '../auth/auth-context.tsx';
import { KIND_LABELS, REVIEW_COLORS, REVIEW_LABELS, STAGE_LABELS } from './rotation-access.ts';
import { rotationApi } from './rotation-api.ts';

export default function SchoolReviewPage() {
  const { message } = App.useApp();
  const me = useMe();
  const lp = useListParams(20);
  const q = useQuery(`rotation-school:${lp.key}`, (signal) =>
    rotationApi.schoolMoves({ page: lp.page, pageSize: lp.pageSize, review: lp.filters.review }, signal),
  );
  const [objecting, setObjecting] = useState<RotationMove | null>(null);
  const [form] = Form.useForm();
  const mine = new Set(me.roles.filter((r) => r.role === 'school_admin').map((r) => r.schoolId));
  const decide = async (m: RotationMove, decision: 'accepted' | 'objected', note = '') => {
    try {
      await rotationApi.review(m.id, { decision, note });
      message.success(decision === 'accepted' ? '已同意' : '已提出异议');
      q.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const sideOf = (m: RotationMove) => (mine.has(m.fromSchoolId) ? m.fromReview : m.toReview);
  return (
    <>
      <PageHeader
        title="交流调动审核"
        subTitle="本校派出和接收的交流教师：逐条同意或提出异议（须说明理由）。区教师科汇总各校意见后告知教师。"
      />
      <PagedTable<RotationMove>
        data={q.data}
        isLoading={q.isLoading}
        error={q.error}
        onRetry={q.reload}
        page={lp.page}
        pageSize={lp.pageSize}
        onPageChange={lp.setPage}
        rowKey="id"
        empty="目前没有涉及本校的交流调动。区教师科提交方案审核后，本校派出和接收的教师会列在这里。"
        columns={[
          { title: '方案', dataIndex: 'planTitle' },
          {
            title: '教师',
            render: (_, m) => (
              <>
                {m.teacherName} {m.isBackbone && <Tag color="gold">骨干</Tag>}
              </>
            ),
          },
          { title: '学段/学科', render: (_, m) => `${STAGE_LABELS[m.stage]} ${m.subject ?? ''}` },
          { title: '本校', render: (_, m) => (mine.has(m.fromSchoolId) ? <Tag color="blue">派出</Tag> : <Tag color="green">接收</Tag>) },
          { title: '派出学校', dataIndex: 'fromSchoolName' },
          { title: '交流学校', dataIndex: 'toSchoolName' },
          { title: '方式', render: (_, m) => KIND_LABELS[m.kind] },
          { title: '生效日期', dataIndex: 'effectiveFrom' },
          { title: '理由', width: 320, render: (_, m) => <Typography.Text type="secondary">{m.reasons.join('；')}</Typography.Text> },
          { title: '本校意见', render: (_, m) => <Tag color={REVIEW_COLORS[sideOf(m)]}>{REVIEW_LABELS[sideOf(m)]}</Tag> },
          {
            title: '操作',
            render: (_, m) =>
              m.planState === 'school_review' ? (
                <Space>
                  <Button size="small" type="primary" onClick={() => void decide(m, 'accepted')}>
                    同意
                  </Button>
                  <Button size="small" danger onClick={() => setObjecting(m)}>
                    异议
                  </Button>
                </Space>
              ) : (
                '审核已结束'
              ),
          },
        ]}
      />
      <Modal
        open={objecting !== null}
        title={`对 ${objecting?.teacherName ?? ''} 的交流提出异议`}
        okText="提交"
        onCancel={() => setObjecting(null)}
        onOk={() =>
          form.validateFields().then((v: { note: string }) => decide(objecting!, 'objected', v.note).then(() => setObjecting(null)))
        }
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="note" label="理由" rules={[{ required: true, whitespace: true, message: '请填写理由' }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
