/** 成果奖评审: the rounds (教师科 creates and runs them; schools apply; everyone reads the 公示), and the expert pool. */
import { PlusOutlined } from '@ant-design/icons';
import type { AwardCallSummary } from '@zhiping/contracts';
import { App, Button, Card, Form, Input, Modal, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { formatDate } from '../../lib/format.ts';
import { useListParams } from '../../lib/use-list-params.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useMe } from '../auth/auth-context.tsx';
import { isAwardDistrict, isAwardManager } from './award-access.ts';
import { DistrictAwardsCard } from './award-cards.tsx';
import { CallStateTag } from './award-tags.tsx';
import { awardsApi } from './awards-api.ts';

function Rounds() {
  const lp = useListParams();
  const q = useQuery(`award-calls:${lp.key}`, (signal) => awardsApi.calls({ page: lp.page, pageSize: lp.pageSize }, signal));
  return (
    <PagedTable<AwardCallSummary>
      data={q.data}
      isLoading={q.isLoading}
      error={q.error}
      onRetry={q.reload}
      page={lp.page}
      pageSize={lp.pageSize}
      onPageChange={lp.setPage}
      rowKey="id"
      empty="尚无评审批次。区教师科发布申报通知后，这里会列出各年度批次。"
      columns={[
        { title: '批次', render: (_, r) => <Link to={`/awards/calls/${r.id}`}>{r.title}</Link> },
        { title: '状态', render: (_, r) => <CallStateTag state={r.state} label={r.stateLabel} /> },
        { title: '申报期', render: (_, r) => `${formatDate(r.applicationsOpenOn)} 至 ${formatDate(r.applicationsDueOn)}` },
        {
          title: '公示期',
          render: (_, r) => (r.publicityStart ? `${formatDate(r.publicityStart)} 至 ${formatDate(r.publicityEnd)}` : '—'),
        },
        { title: '申报', render: (_, r) => r.counts.applications },
        { title: '区级获奖', render: (_, r) => r.counts.awarded || '—' },
        { title: '推荐市级', render: (_, r) => r.counts.recommended || '—' },
        { title: '市级获奖', render: (_, r) => (r.counts.cityRecorded ? r.counts.cityAwarded : '—') },
      ]}
    />
  );
}

function ExpertPool() {
  const { message } = App.useApp();
  const q = useQuery('award-experts', (signal) => awardsApi.experts(signal));
  const [isOpen, setOpen] = useState(false);
  const [form] = Form.useForm<{ username: string; organisation: string; specialty: string }>();
  const add = async () => {
    const v = await form.validateFields();
    try {
      await awardsApi.addExpert({ username: v.username, organisation: v.organisation ?? '', specialty: v.specialty ?? '' });
      message.success('已加入专家库');
      setOpen(false);
      form.resetFields();
      q.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Card
      size="small"
      title="评审专家库"
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setOpen(true)}>
          加入专家
        </Button>
      }
    >
      <ErrorAlert error={q.error} onRetry={q.reload} />
      <Table
        size="small"
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data ?? []}
        pagination={{ pageSize: 20 }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <EmptyState description="专家库为空。请先为专家开通账号（教师账号或区级账号），再点“加入专家”。" /> }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '账号', dataIndex: 'username' },
          { title: '所在学校/单位', render: (_, e) => e.schoolName ?? (e.organisation || '区外专家') },
          { title: '专业领域', dataIndex: 'specialty' },
          { title: '状态', render: (_, e) => (e.isActive ? <Tag color="green">在库</Tag> : <Tag>停用</Tag>) },
        ]}
      />
      <Modal title="加入评审专家" open={isOpen} onOk={() => void add()} onCancel={() => setOpen(false)} okText="加入" cancelText="取消">
        <Form form={form} layout="vertical">
          <Form.Item name="username" label="专家的登录账号" rules={[{ required: true, message: '请填写登录账号' }]}>
            <Input placeholder="如 zhuanjia06" />
          </Form.Item>
          <Form.Item name="organisation" label="单位（区外专家填写）">
            <Input />
          </Form.Item>
          <Form.Item name="specialty" label="专业领域">
            <Input placeholder="如 小学语文" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

export default function AwardCallListPage() {
  const me = useMe();
  const navigate = useNavigate();
  const isManager = isAwardManager(me);
  return (
    <>
      <PageHeader
        title="教育教学成果奖"
        subTitle="区级成果奖每年评选 10 项，择优推荐参评市级成果奖"
        extra={
          isManager && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/awards/calls/new')}>
              新建评审批次
            </Button>
          )
        }
      />
      {isManager ? (
        <Tabs
          items={[
            { key: 'rounds', label: '评审批次', children: <Rounds /> },
            { key: 'overview', label: '历年统计', children: <DistrictAwardsCard /> },
            { key: 'experts', label: '专家库', children: <ExpertPool /> },
          ]}
        />
      ) : isAwardDistrict(me) ? (
        <Tabs
          items={[
            { key: 'rounds', label: '评审批次', children: <Rounds /> },
            { key: 'overview', label: '历年统计', children: <DistrictAwardsCard /> },
          ]}
        />
      ) : (
        <Rounds />
      )}
    </>
  );
}
