/** /growth/studios/:id: one studio — goals, members with attendance, activities with outputs, yearly reviews. */
import {
  ActivityInput,
  ACTIVITY_KIND_VALUES,
  OUTPUT_KIND_VALUES,
  ReviewInput,
  REVIEW_RATING_VALUES,
  StudioMembersInput,
  StudioUpdateInput,
} from '@zhiping/contracts';
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useMe } from '../auth/auth-context.tsx';
import { isGrowthManager } from './growth-access.ts';
import { growthApi } from './growth-api.ts';
import { isoOf, submitWith } from './growth-form.ts';
import { StudioNameFields } from './studio-fields.tsx';
import { TeacherSelect } from './teacher-select.tsx';

const ACTIVITY_LABELS: Record<string, string> = {
  research_lesson: '研究课',
  lecture: '专题讲座',
  joint_preparation: '集体备课',
  other: '其他研修',
};
const OUTPUT_LABELS: Record<string, string> = { paper: '论文', lesson: '课例', resource: '教学资源' };
const RATING_LABELS: Record<string, string> = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' };

export default function StudioDetailPage() {
  const id = Number(useParams().id);
  const { message, modal } = App.useApp();
  const me = useMe();
  const q = useQuery(`studio:${id}`, (signal) => growthApi.studio(id, signal));
  const [dialog, setDialog] = useState<'activity' | 'review' | 'members' | 'edit' | null>(null);
  const [form] = Form.useForm();
  const reviewYear = Form.useWatch('year', form) as number | undefined;
  if (q.error && !q.data) return <ErrorAlert error={q.error} onRetry={q.reload} />;
  if (!q.data) return <Skeleton active />;
  const s = q.data;
  const current = s.memberList.filter((m) => m.leftOn === null);
  const open = (d: typeof dialog) => {
    form.resetFields();
    if (d === 'edit')
      form.setFieldsValue({
        name: s.name,
        kind: s.kind,
        subject: s.subject ?? '',
        termStart: dayjs(s.termStart),
        termEnd: dayjs(s.termEnd),
        goals: s.goals,
      });
    setDialog(d);
  };
  const save = async () => {
    let ok = false;
    if (dialog === 'activity')
      ok = await submitWith(
        form,
        ActivityInput,
        (input) => growthApi.addActivity(id, input),
        message,
        '活动已记录',
        (v) => ({
          ...v,
          heldOn: isoOf(v.heldOn),
          attendeeIds: v.attendeeIds ?? [],
          outputs: ((v.outputs as { kind?: string; title?: string; link?: string }[] | undefined) ?? []).map((o) => ({
            ...o,
            link: o.link ?? '',
          })),
        }),
      );
    if (dialog === 'review') ok = await submitWith(form, ReviewInput, (input) => growthApi.review(id, input), message, '年度考核已保存');
    if (dialog === 'members')
      ok = await submitWith(
        form,
        StudioMembersInput,
        (input) => growthApi.addMembers(id, input),
        message,
        '成员已加入',
        (v) => ({
          teacherIds: v.teacherIds ?? [],
          joinedOn: isoOf(v.joinedOn),
        }),
      );
    if (dialog === 'edit')
      ok = await submitWith(
        form,
        StudioUpdateInput,
        (input) => growthApi.updateStudio(id, input),
        message,
        '工作室已修改',
        (v) => ({ ...v, termStart: isoOf(v.termStart), termEnd: isoOf(v.termEnd), subject: v.subject || null }),
      );
    if (ok) {
      setDialog(null);
      q.reload();
    }
  };
  const leave = (teacherId: number, name: string) =>
    modal.confirm({
      title: `确认${name}退出工作室？`,
      okText: '退出',
      onOk: async () => {
        try {
          await growthApi.removeMember(id, teacherId);
          q.reload();
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });
  const facts = s.yearFacts.find((f) => f.year === reviewYear);
  return (
    <>
      <PageHeader
        title={s.name}
        subTitle={`${s.kindLabel}${s.subject ? ` · ${s.subject}` : ''}`}
        extra={
          s.canManage && (
            <Space wrap>
              <Button type="primary" onClick={() => open('activity')}>
                记录活动
              </Button>
              <Button onClick={() => open('members')}>加入成员</Button>
              <Button onClick={() => open('review')}>年度考核</Button>
              {isGrowthManager(me) && <Button onClick={() => open('edit')}>修改工作室</Button>}
            </Space>
          )
        }
      />
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="主持人">
          <Link to={`/teachers/${s.host.id}/growth`}>{s.host.name}</Link>（{s.schoolName}）
        </Descriptions.Item>
        <Descriptions.Item label="任期">
          {formatDate(s.termStart)} 至 {formatDate(s.termEnd)} {s.isActive ? <Tag color="green">在期</Tag> : <Tag>不在任期</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label="目标" span={2}>
          <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{s.goals}</Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>
      <Card size="small" title={`成员（在册 ${current.length} 人）`} style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: 700 }}
          dataSource={s.memberList}
          columns={[
            { title: '姓名', render: (_, m) => <Link to={`/teachers/${m.id}/growth`}>{m.name}</Link> },
            { title: '学校', render: (_, m) => m.schoolName ?? '—' },
            { title: '学科', render: (_, m) => m.subject ?? '—' },
            {
              title: '身份',
              render: (_, m) =>
                m.isHost ? (
                  <Tag color="gold">主持人</Tag>
                ) : m.leftOn ? (
                  <Tag>{`${formatDate(m.leftOn)} 退出`}</Tag>
                ) : (
                  <Tag color="blue">成员</Tag>
                ),
            },
            { title: '加入', render: (_, m) => formatDate(m.joinedOn) },
            { title: '参加活动', dataIndex: 'attended', align: 'right' },
            {
              title: '',
              render: (_, m) =>
                s.canManage &&
                !m.isHost &&
                m.leftOn === null && (
                  <Button size="small" type="link" onClick={() => leave(m.id, m.name)}>
                    退出
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={`活动（${s.activities.length} 次）`} style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="id"
          scroll={{ x: 800 }}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={s.activities}
          locale={{ emptyText: '尚无活动记录。主持人可点击“记录活动”，登记研究课、讲座、集体备课及出勤和成果。' }}
          columns={[
            { title: '日期', render: (_, a) => formatDate(a.heldOn), width: 110 },
            { title: '类型', dataIndex: 'kindLabel', width: 100 },
            { title: '主题', dataIndex: 'title' },
            { title: '出勤', render: (_, a) => `${a.attendees.length} / ${current.length}`, width: 80 },
            {
              title: '成果',
              render: (_, a) =>
                a.outputs.length === 0
                  ? '—'
                  : a.outputs.map((o, i) => (
                      <Tag key={i}>
                        {OUTPUT_LABELS[o.kind]}：
                        {o.link ? (
                          <a href={o.link} target="_blank" rel="noreferrer">
                            {o.title}
                          </a>
                        ) : (
                          o.title
                        )}
                      </Tag>
                    )),
            },
          ]}
        />
      </Card>
      <Card size="small" title="年度考核">
        <Table
          size="small"
          rowKey="year"
          pagination={false}
          dataSource={s.reviews}
          locale={{ emptyText: '尚无年度考核。区教师科可点击“年度考核”，对照目标评定等次（活动和成果数量自动统计）。' }}
          columns={[
            { title: '年度', dataIndex: 'year' },
            {
              title: '等次',
              render: (_, r) => (
                <Tag color={r.rating === 'fail' ? 'red' : r.rating === 'excellent' ? 'green' : 'blue'}>{r.ratingLabel}</Tag>
              ),
            },
            { title: '活动', dataIndex: 'activities', align: 'right' },
            { title: '成果', dataIndex: 'outputs', align: 'right' },
            { title: '考核意见', dataIndex: 'summary' },
            { title: '考核人', render: (_, r) => `${r.reviewedBy} ${formatDateTime(r.reviewedAt)}` },
          ]}
        />
      </Card>
      <Modal
        open={dialog !== null}
        title={{ activity: '记录活动', review: '年度考核', members: '加入成员', edit: '修改工作室' }[dialog ?? 'activity']}
        okText="保存"
        width={dialog === 'activity' ? 720 : 520}
        onOk={() => void save()}
        onCancel={() => setDialog(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ year: new Date().getFullYear() - 1, attendeeIds: current.map((m) => m.id) }}>
          {dialog === 'activity' && (
            <>
              <Space wrap>
                <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
                  <Select style={{ width: 140 }} options={ACTIVITY_KIND_VALUES.map((k) => ({ value: k, label: ACTIVITY_LABELS[k] }))} />
                </Form.Item>
                <Form.Item name="heldOn" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
                  <DatePicker />
                </Form.Item>
                <Form.Item name="place" label="地点">
                  <Input maxLength={100} style={{ width: 220 }} />
                </Form.Item>
              </Space>
              <Form.Item name="title" label="主题" rules={[{ required: true, message: '请填写主题' }]}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="attendeeIds" label="出勤（取消勾选缺席者）">
                <Checkbox.Group options={current.map((m) => ({ value: m.id, label: m.name }))} />
              </Form.Item>
              <Form.List name="outputs">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((f) => (
                      <Space key={f.key} align="baseline" wrap>
                        <Form.Item name={[f.name, 'kind']} rules={[{ required: true, message: '类型' }]}>
                          <Select
                            style={{ width: 110 }}
                            placeholder="成果类型"
                            options={OUTPUT_KIND_VALUES.map((k) => ({ value: k, label: OUTPUT_LABELS[k] }))}
                          />
                        </Form.Item>
                        <Form.Item name={[f.name, 'title']} rules={[{ required: true, message: '名称' }]}>
                          <Input placeholder="成果名称" style={{ width: 220 }} maxLength={200} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'link']}>
                          <Input placeholder="链接（可选）" style={{ width: 200 }} />
                        </Form.Item>
                        <Button type="link" onClick={() => remove(f.name)}>
                          删除
                        </Button>
                      </Space>
                    ))}
                    <Button onClick={() => add({ kind: 'lesson' })}>添加成果（论文、课例、资源）</Button>
                  </>
                )}
              </Form.List>
            </>
          )}
          {dialog === 'review' && (
            <>
              <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
                <InputNumber min={2000} max={2100} />
              </Form.Item>
              <Typography.Paragraph type="secondary">
                {reviewYear
                  ? `${reviewYear} 年记录：活动 ${facts?.activities ?? 0} 次，成果 ${facts?.outputs ?? 0} 项（自动统计，保存时一并记入）。`
                  : ''}
              </Typography.Paragraph>
              <Form.Item name="rating" label="等次" rules={[{ required: true, message: '请选择等次' }]}>
                <Select options={REVIEW_RATING_VALUES.map((r) => ({ value: r, label: RATING_LABELS[r] }))} />
              </Form.Item>
              <Form.Item name="summary" label="考核意见（对照目标）" rules={[{ required: true, message: '请填写考核意见' }]}>
                <Input.TextArea rows={4} maxLength={2000} />
              </Form.Item>
            </>
          )}
          {dialog === 'edit' && (
            <>
              <StudioNameFields />
              <Space wrap>
                <Form.Item name="termStart" label="任期开始" rules={[{ required: true, message: '请选择开始日期' }]}>
                  <DatePicker />
                </Form.Item>
                <Form.Item
                  name="termEnd"
                  label="任期结束"
                  rules={[{ required: true, message: '请选择结束日期' }]}
                  extra="提前结束工作室：把结束日期改为实际结束的日期"
                >
                  <DatePicker />
                </Form.Item>
              </Space>
              <Form.Item name="goals" label="目标" rules={[{ required: true, message: '请填写工作室目标' }]}>
                <Input.TextArea rows={4} maxLength={2000} />
              </Form.Item>
              <Typography.Paragraph type="secondary">主持人不可更换：更换主持人请设立新的工作室。</Typography.Paragraph>
            </>
          )}
          {dialog === 'members' && (
            <>
              <Form.Item name="teacherIds" label="教师" rules={[{ required: true, message: '请选择教师' }]}>
                <TeacherSelect isMultiple />
              </Form.Item>
              <Form.Item name="joinedOn" label="加入日期" rules={[{ required: true, message: '请选择日期' }]}>
                <DatePicker />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </>
  );
}
