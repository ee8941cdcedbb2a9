/** 培训项目: courses at every level with their sessions and completions; 教师科 (any level) and schools (校本) register new ones. */
import type { TrainingCourseInput, TrainingCourseSummary } from '@zhiping/contracts';
import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Switch, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { SchoolSelect } from '../../components/school-select.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { useListParams } from '../../lib/use-list-params.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useMe } from '../auth/auth-context.tsx';
import { trainingApi } from './training-api.ts';
import { CATEGORY_LABELS, LEVEL_LABELS, MODE_LABELS, canManageTeachers, isTrainingManager, options } from './training-labels.ts';

function CreateCourseButton({ onCreated }: { onCreated: (id: number) => void }) {
  const me = useMe();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [form] = Form.useForm<TrainingCourseInput>();
  const isManager = isTrainingManager(me);
  const ownSchool = me.roles.find((r) => r.role === 'school_admin' && r.schoolId !== null)?.schoolId ?? null;
  const level = Form.useWatch('level', form);
  const submit = async (v: TrainingCourseInput) => {
    setBusy(true);
    try {
      const created = await trainingApi.createCourse({
        ...v,
        schoolId: v.level === 'school' ? (v.schoolId ?? ownSchool) : null,
        description: v.description ?? '',
      });
      message.success('已登记培训项目');
      setOpen(false);
      onCreated(created.id);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        登记培训项目
      </Button>
      <Modal
        title="登记培训项目"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText="保存"
        confirmLoading={isBusy}
        destroyOnHidden
      >
        <Form<TrainingCourseInput>
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          initialValues={{
            level: isManager ? 'district' : 'school',
            category: 'subject',
            mode: 'offline',
            isSeminar: false,
            hours: 12,
            schoolId: ownSchool,
          }}
        >
          <Form.Item name="title" label="培训项目名称" rules={[{ required: true, min: 2, message: '请填写培训项目名称' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="provider" label="培训机构" rules={[{ required: true, message: '请填写培训机构' }]}>
            <Input placeholder="主办或承办单位" />
          </Form.Item>
          <Space wrap>
            <Form.Item name="level" label="级别" rules={[{ required: true }]}>
              <Select style={{ width: 120 }} options={options(LEVEL_LABELS).filter((o) => isManager || o.value === 'school')} />
            </Form.Item>
            <Form.Item name="category" label="类别" rules={[{ required: true }]}>
              <Select style={{ width: 180 }} options={options(CATEGORY_LABELS)} />
            </Form.Item>
            <Form.Item name="mode" label="方式" rules={[{ required: true }]}>
              <Select style={{ width: 140 }} options={options(MODE_LABELS)} />
            </Form.Item>
            <Form.Item name="hours" label="学时" rules={[{ required: true, message: '请填写学时' }]}>
              <InputNumber min={0.5} max={1000} step={0.5} />
            </Form.Item>
          </Space>
          {level === 'school' && isManager && (
            <Form.Item name="schoolId" label="承办学校" rules={[{ required: true, message: '校本培训须选择承办学校' }]}>
              <SchoolSelect includeClosed={false} />
            </Form.Item>
          )}
          <Form.Item name="isSeminar" label="高端研修研讨（计入每年研修研讨次数）" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="description" label="说明">
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export default function CourseListPage() {
  const me = useMe();
  const navigate = useNavigate();
  const lp = useListParams();
  const f = lp.filters;
  const q = useQuery(`training-courses:${lp.key}`, (signal) =>
    trainingApi.courses({ page: lp.page, pageSize: lp.pageSize, q: f.q, level: f.level, category: f.category, year: f.year }, signal),
  );
  const thisYear = new Date().getFullYear();
  return (
    <>
      <PageHeader
        title="培训项目"
        subTitle="国家、市、区、校本各级培训：开设期次、报名、考勤、结业记学时"
        extra={canManageTeachers(me) ? <CreateCourseButton onCreated={(id) => navigate(`/training/courses/${id}`)} /> : null}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          style={{ width: 220 }}
          placeholder="项目名称"
          defaultValue={f.q}
          onSearch={(v) => lp.setFilters({ q: v })}
        />
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder="全部级别"
          value={f.level}
          onChange={(v) => lp.setFilters({ level: v })}
          options={options(LEVEL_LABELS)}
        />
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder="全部类别"
          value={f.category}
          onChange={(v) => lp.setFilters({ category: v })}
          options={options(CATEGORY_LABELS)}
        />
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder="全部年份"
          value={f.year}
          onChange={(v) => lp.setFilters({ year: v })}
          options={[0, 1, 2, 3, 4, 5].map((d) => ({ value: String(thisYear - d), label: `${thisYear - d}年` }))}
        />
      </Space>
      <PagedTable<TrainingCourseSummary>
        data={q.data}
        isLoading={q.isLoading}
        error={q.error}
        onRetry={q.reload}
        page={lp.page}
        pageSize={lp.pageSize}
        onPageChange={lp.setPage}
        rowKey="id"
        empty="没有符合条件的培训项目。可点击“登记培训项目”新增，或在“完成名单导入”中导入外部平台的学时。"
        columns={[
          { title: '培训项目', render: (_, r) => <Link to={`/training/courses/${r.id}`}>{r.title}</Link> },
          { title: '级别', render: (_, r) => <Tag>{LEVEL_LABELS[r.level]}</Tag> },
          { title: '类别', render: (_, r) => CATEGORY_LABELS[r.category] },
          { title: '方式', render: (_, r) => MODE_LABELS[r.mode] },
          { title: '学时', dataIndex: 'hours' },
          { title: '研修研讨', render: (_, r) => (r.isSeminar ? <Tag color="purple">是</Tag> : '') },
          { title: '承办', render: (_, r) => r.schoolName ?? r.provider },
          { title: '期次', dataIndex: 'sessions' },
          { title: '报名', dataIndex: 'enrolled' },
          { title: '结业', dataIndex: 'completed' },
          { title: '最近开班', dataIndex: 'lastSessionOn' },
        ]}
      />
    </>
  );
}
