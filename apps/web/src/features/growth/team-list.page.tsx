/** /growth/teams: expert teams (专家团队) and the rural or weak schools they are paired with. */
import { ExpertTeamInput, PAIRING_REASON_VALUES, type TeamSummary } from '@zhiping/contracts';
import { App, Button, DatePicker, Form, Input, Modal, Select, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { DownloadButton } from '../../components/export-button.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { SchoolSelect } from '../../components/school-select.tsx';
import { formatDate } from '../../lib/format.ts';
import { useListParams } from '../../lib/use-list-params.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useMe } from '../auth/auth-context.tsx';
import { isGrowthManager } from './growth-access.ts';
import { growthApi } from './growth-api.ts';
import { isoOf, submitWith } from './growth-form.ts';
import { TeacherSelect } from './teacher-select.tsx';

const REASON_LABELS: Record<string, string> = { rural: '农村学校', weak: '薄弱学校' };

export default function TeamListPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const lp = useListParams();
  const [isOpen, setOpen] = useState(false);
  const [form] = Form.useForm();
  const reason = Form.useWatch('pairingReason', form) as string | undefined;
  const q = useQuery(`teams:${lp.key}`, (signal) =>
    growthApi.teams({ page: lp.page, pageSize: lp.pageSize, reason: lp.filters.reason, state: lp.filters.state, q: lp.filters.q }, signal),
  );
  const create = async () => {
    let id = 0;
    const ok = await submitWith(
      form,
      ExpertTeamInput,
      async (input) => {
        id = (await growthApi.createTeam(input)).id;
      },
      message,
      '专家团队已组建',
      (v) => ({ ...v, startedOn: isoOf(v.startedOn), memberIds: v.memberIds ?? [], weakReason: v.weakReason ?? '', focus: v.focus ?? '' }),
    );
    if (ok) {
      setOpen(false);
      navigate(`/growth/teams/${id}`);
    }
  };
  return (
    <>
      <PageHeader
        title="专家团队结对帮扶"
        subTitle="专家教师组成团队，每个团队结对一所农村学校或薄弱学校；帮扶记录与被帮扶学校指标前后对比"
        extra={
          <>
            <Select
              allowClear
              placeholder="全部结对原因"
              style={{ width: 150 }}
              value={lp.filters.reason}
              onChange={(v) => lp.setFilters({ reason: v })}
              options={PAIRING_REASON_VALUES.map((r) => ({ value: r, label: REASON_LABELS[r] }))}
            />
            <Select
              allowClear
              placeholder="全部状态"
              style={{ width: 120 }}
              value={lp.filters.state}
              onChange={(v) => lp.setFilters({ state: v })}
              options={[
                { value: 'current', label: '结对中' },
                { value: 'ended', label: '已结束' },
              ]}
            />
            <Input.Search
              allowClear
              placeholder="团队、学校或负责人"
              style={{ width: 220 }}
              defaultValue={lp.filters.q}
              onSearch={(v) => lp.setFilters({ q: v })}
            />
            <DownloadButton
              path="/growth/teams/export"
              fileName="专家团队结对帮扶.xlsx"
              query={{ reason: lp.filters.reason, state: lp.filters.state, q: lp.filters.q }}
            />
            {isGrowthManager(me) && (
              <Button
                type="primary"
                onClick={() => {
                  form.resetFields();
                  setOpen(true);
                }}
              >
                组建团队
              </Button>
            )}
          </>
        }
      />
      <PagedTable<TeamSummary>
        data={q.data}
        isLoading={q.isLoading}
        error={q.error}
        onRetry={q.reload}
        page={lp.page}
        pageSize={lp.pageSize}
        onPageChange={lp.setPage}
        rowKey="id"
        scrollX={1000}
        empty="没有符合条件的专家团队。区教师科可点击“组建团队”，选择专家和结对学校。"
        columns={[
          { title: '团队', render: (_, t) => <Link to={`/growth/teams/${t.id}`}>{t.name}</Link> },
          { title: '负责人', render: (_, t) => `${t.lead.name}（${t.lead.schoolName ?? '—'}）` },
          { title: '专家', dataIndex: 'members', align: 'right' },
          {
            title: '结对学校',
            render: (_, t) => <Link to={`/teacher-development/schools/${t.pairedSchool.id}`}>{t.pairedSchool.name}</Link>,
          },
          { title: '城乡分类', render: (_, t) => t.pairedSchool.urbanRuralLabel },
          {
            title: '结对原因',
            render: (_, t) => <Tag color={t.pairingReason === 'rural' ? 'green' : 'orange'}>{t.pairingReasonLabel}</Tag>,
          },
          { title: '开始', render: (_, t) => formatDate(t.startedOn) },
          {
            title: '状态',
            render: (_, t) => (t.endedOn ? <Tag>{`${formatDate(t.endedOn)} 结束`}</Tag> : <Tag color="green">结对中</Tag>),
          },
          { title: '帮扶次数', dataIndex: 'visits', align: 'right' },
          { title: '最近帮扶', render: (_, t) => formatDate(t.lastVisitOn) },
        ]}
      />
      <Modal
        open={isOpen}
        title="组建专家团队"
        okText="组建"
        width={640}
        onOk={() => void create()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ pairingReason: 'rural' }}>
          <Form.Item name="name" label="团队名称" rules={[{ required: true, message: '请填写团队名称' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="leadTeacherId" label="负责人" rules={[{ required: true, message: '请选择负责人' }]}>
            <TeacherSelect aria-label="负责人" />
          </Form.Item>
          <Form.Item name="memberIds" label="其他专家">
            <TeacherSelect isMultiple aria-label="其他专家" />
          </Form.Item>
          <Form.Item name="pairedSchoolId" label="结对学校" rules={[{ required: true, message: '请选择结对学校' }]}>
            <SchoolSelect includeClosed={false} />
          </Form.Item>
          <Form.Item
            name="pairingReason"
            label="结对原因"
            rules={[{ required: true }]}
            extra="农村学校按学校的城乡分类代码（乡中心区、村庄）核对；其他学校按薄弱学校结对，须说明原因。"
          >
            <Select options={PAIRING_REASON_VALUES.map((r) => ({ value: r, label: REASON_LABELS[r] }))} />
          </Form.Item>
          {reason === 'weak' && (
            <Form.Item name="weakReason" label="薄弱原因" rules={[{ required: true, message: '请说明薄弱原因' }]}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          )}
          <Form.Item name="startedOn" label="结对开始日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="focus" label="帮扶重点">
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
