/** 交流轮岗方案: the plans by year with their state, and a new draft for a year. */
import type { RotationPlanSummary } from '@zhiping/contracts';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useMe } from '../auth/auth-context.tsx';
import { STATE_COLORS, isRotationManager } from './rotation-access.ts';
import { rotationApi } from './rotation-api.ts';

export default function PlansPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe();
  const q = useQuery('rotation-plans', (signal) => rotationApi.plans({}, signal));
  const years = useQuery('rotation-years', (signal) => rotationApi.years(signal));
  const year = years.data?.suggested ?? new Date().getFullYear();
  const [isOpen, setOpen] = useState(false);
  const [form] = Form.useForm();
  const create = async () => {
    const v = (await form.validateFields()) as { year: number; title: string; effectiveFrom: dayjs.Dayjs };
    try {
      const p = await rotationApi.createPlan({ year: v.year, title: v.title, effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD') });
      setOpen(false);
      void navigate(`/rotation/plans/${p.id}`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const canCreate = isRotationManager(me);
  return (
    <>
      <PageHeader
        title="交流轮岗方案"
        subTitle="按学年编制：系统按规则提出调动建议，区教师科人工调整后依次经学校审核、教师告知、区级审批，审批后生成调动记录"
        extra={
          canCreate && (
            <Button type="primary" onClick={() => setOpen(true)}>
              新建方案
            </Button>
          )
        }
      />
      <ErrorAlert error={q.error} onRetry={q.reload} />
      <Table<RotationPlanSummary>
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data ?? []}
        scroll={{ x: 'max-content' }}
        pagination={false}
        locale={{ emptyText: <EmptyState description="还没有交流轮岗方案。先在“应交流名单”核对本学年名单，再点击“新建方案”。" /> }}
        columns={[
          { title: '学年', render: (_, p) => `${p.year}学年` },
          { title: '方案', render: (_, p) => <Link to={`/rotation/plans/${p.id}`}>{p.title}</Link> },
          { title: '状态', render: (_, p) => <Tag color={STATE_COLORS[p.state]}>{p.stateLabel}</Tag> },
          { title: '调动人数', dataIndex: 'moves' },
          { title: '生效日期', dataIndex: 'effectiveFrom' },
          { title: '依据', render: (_, p) => `${p.ruleSetTitle}（${p.documentNumber}）` },
          { title: '最近计算', render: (_, p) => (p.computedAt ? formatDateTime(p.computedAt) : '需计算') },
        ]}
      />
      <Modal
        open={isOpen}
        title="新建交流轮岗方案"
        okText="创建"
        onCancel={() => setOpen(false)}
        onOk={() => void create()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ year, title: `${year}学年教师交流轮岗方案`, effectiveFrom: dayjs(`${year}-09-01`) }}
        >
          <Form.Item
            name="year"
            label="学年"
            rules={[{ required: true, message: '请填写学年' }]}
            extra="应交流名单按该学年9月1日认定；优质均衡指标取该学年（或之前最近一年）的统计数据。"
          >
            <InputNumber min={2000} max={2100} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="title" label="方案名称" rules={[{ required: true, whitespace: true, message: '请填写方案名称' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="effectiveFrom" label="生效日期（调动记录的开始日期）" rules={[{ required: true, message: '请选择生效日期' }]}>
            <DatePicker />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
