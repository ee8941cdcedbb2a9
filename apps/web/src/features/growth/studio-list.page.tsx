/** /growth/studios: 名师工作室 (名校长 / 名班主任 / 名师) with members, this year's activities and the latest review. */
import { StudioInput, STUDIO_KIND_VALUES, type StudioSummary } from '@zhiping/contracts';
import { STUDIO_KIND_LABELS } from '@zhiping/domain';
import { App, Button, DatePicker, Form, Input, Modal, Select, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { DownloadButton } from '../../components/export-button.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { formatDate } from '../../lib/format.ts';
import { useListParams } from '../../lib/use-list-params.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useMe } from '../auth/auth-context.tsx';
import { isGrowthManager } from './growth-access.ts';
import { growthApi } from './growth-api.ts';
import { isoOf, submitWith } from './growth-form.ts';
import { StudioNameFields } from './studio-fields.tsx';
import { TeacherSelect } from './teacher-select.tsx';

const RATING_COLORS: Record<string, string> = { excellent: 'green', good: 'blue', pass: 'default', fail: 'red' };

export default function StudioListPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const lp = useListParams();
  const [isOpen, setOpen] = useState(false);
  const [form] = Form.useForm();
  const q = useQuery(`studios:${lp.key}`, (signal) =>
    growthApi.studios({ page: lp.page, pageSize: lp.pageSize, kind: lp.filters.kind, q: lp.filters.q }, signal),
  );
  const create = async () => {
    let id = 0;
    const ok = await submitWith(
      form,
      StudioInput,
      async (input) => {
        id = (await growthApi.createStudio(input)).id;
      },
      message,
      '工作室已设立',
      (v) => ({ ...v, termStart: isoOf(v.termStart), termEnd: isoOf(v.termEnd), subject: v.subject || null, memberIds: v.memberIds ?? [] }),
    );
    if (ok) {
      setOpen(false);
      navigate(`/growth/studios/${id}`);
    }
  };
  return (
    <>
      <PageHeader
        title="名师工作室"
        subTitle="名校长、名班主任、名师工作室：主持人、成员、任期与目标，活动与成果全过程记录，年度考核"
        extra={
          <>
            <Select
              allowClear
              placeholder="全部类型"
              style={{ width: 150 }}
              value={lp.filters.kind}
              onChange={(v) => lp.setFilters({ kind: v })}
              options={STUDIO_KIND_VALUES.map((k) => ({ value: k, label: STUDIO_KIND_LABELS[k] }))}
            />
            <Input.Search
              allowClear
              placeholder="工作室、主持人或学科"
              style={{ width: 220 }}
              defaultValue={lp.filters.q}
              onSearch={(v) => lp.setFilters({ q: v })}
            />
            <DownloadButton path="/growth/studios/export" fileName="名师工作室.xlsx" query={{ kind: lp.filters.kind, q: lp.filters.q }} />
            {isGrowthManager(me) && (
              <Button
                type="primary"
                onClick={() => {
                  form.resetFields();
                  setOpen(true);
                }}
              >
                设立工作室
              </Button>
            )}
          </>
        }
      />
      <PagedTable<StudioSummary>
        data={q.data}
        isLoading={q.isLoading}
        error={q.error}
        onRetry={q.reload}
        page={lp.page}
        pageSize={lp.pageSize}
        onPageChange={lp.setPage}
        rowKey="id"
        scrollX={1000}
        empty="没有符合条件的工作室。区教师科可点击“设立工作室”，指定主持人、成员、任期和目标。"
        columns={[
          { title: '工作室', render: (_, s) => <Link to={`/growth/studios/${s.id}`}>{s.name}</Link> },
          { title: '类型', dataIndex: 'kindLabel' },
          { title: '学科', render: (_, s) => s.subject ?? '—' },
          { title: '主持人', render: (_, s) => `${s.host.name}（${s.schoolName}）` },
          { title: '成员', dataIndex: 'members', align: 'right' },
          { title: '任期', render: (_, s) => `${formatDate(s.termStart)} 至 ${formatDate(s.termEnd)}` },
          { title: '本年活动', dataIndex: 'activitiesThisYear', align: 'right' },
          { title: '本年成果', dataIndex: 'outputsThisYear', align: 'right' },
          {
            title: '最近考核',
            render: (_, s) =>
              s.latestReview ? (
                <Tag color={RATING_COLORS[s.latestReview.rating]}>{`${s.latestReview.year} ${s.latestReview.ratingLabel}`}</Tag>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <Modal
        open={isOpen}
        title="设立工作室"
        okText="设立"
        width={640}
        onOk={() => void create()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <StudioNameFields />
          <Form.Item name="hostTeacherId" label="主持人" rules={[{ required: true, message: '请选择主持人' }]}>
            <TeacherSelect post="any" aria-label="主持人" />
          </Form.Item>
          <Form.Item name="memberIds" label="成员">
            <TeacherSelect isMultiple aria-label="成员" />
          </Form.Item>
          <Form.Item label="任期" required style={{ marginBottom: 0 }}>
            <Form.Item
              name="termStart"
              rules={[{ required: true, message: '请选择开始日期' }]}
              style={{ display: 'inline-block', width: '48%' }}
            >
              <DatePicker placeholder="开始" style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="termEnd"
              rules={[{ required: true, message: '请选择结束日期' }]}
              style={{ display: 'inline-block', width: '48%', marginLeft: '4%' }}
            >
              <DatePicker placeholder="结束" style={{ width: '100%' }} />
            </Form.Item>
          </Form.Item>
          <Form.Item name="goals" label="目标" rules={[{ required: true, message: '请填写工作室目标' }]}>
            <Input.TextArea rows={3} maxLength={2000} placeholder="任期内培养骨干教师人数、研究课、课题和成果等可考核的目标" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
