/**
 * 成果奖申报 (school administrator): the lead is a teacher of the school, team members may come from any
 * school; field, stage and subject are prefilled from the lead's teacher record (减负: the district
 * already holds them). Attachments are added on the application page after saving.
 */
import type { AwardApplicationInput, AwardTeacherOption } from '@zhiping/contracts';
import { AWARD_FIELDS, AWARD_STAGES } from '@zhiping/contracts';
import { App, Button, Card, Form, Input, Select, Skeleton, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { applyServerIssues } from '../../lib/form-rules.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useMe } from '../auth/auth-context.tsx';
import { awardsApi } from './awards-api.ts';

const STAGE_OF: Record<string, string> = { preschool: '学前', primary: '小学', junior: '初中', senior: '高中', vocational: '中职' };

type Values = Omit<AwardApplicationInput, 'callId'>;

/** A searchable teacher picker over /awards/teacher-options. */
function TeacherPicker(props: {
  schoolId?: number | undefined;
  isMultiple?: boolean;
  value?: number | number[];
  onChange?: (v: number | number[]) => void;
  onPick?: (t: AwardTeacherOption) => void;
  initial?: AwardTeacherOption[];
  placeholder: string;
  'aria-label': string;
}) {
  const [search, setSearch] = useState('');
  const [options, setOptions] = useState<AwardTeacherOption[]>(props.initial ?? []);
  const [known, setKnown] = useState<Map<number, AwardTeacherOption>>(new Map((props.initial ?? []).map((t) => [t.id, t])));
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      awardsApi
        .teacherOptions(search, props.schoolId, controller.signal)
        .then((list) => {
          setOptions(list);
          setKnown((m) => new Map([...m, ...list.map((t) => [t.id, t] as const)]));
        })
        .catch(() => undefined);
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [search, props.schoolId]);
  const selected = (Array.isArray(props.value) ? props.value : props.value ? [props.value] : []).map((id) => known.get(id)).filter(Boolean);
  const all = [...new Map([...selected, ...options].map((t) => [t!.id, t!])).values()];
  return (
    <Select
      showSearch
      mode={props.isMultiple ? 'multiple' : undefined}
      filterOption={false}
      onSearch={setSearch}
      value={props.value}
      aria-label={props['aria-label']}
      placeholder={props.placeholder}
      notFoundContent="没有找到该教师（按姓名搜索）"
      onChange={(v: number | number[]) => {
        props.onChange?.(v);
        if (!Array.isArray(v)) {
          const t = known.get(v);
          if (t) props.onPick?.(t);
        }
      }}
      options={all.map((t) => ({ value: t.id, label: `${t.name}（${t.schoolName}${t.subject ? `，${t.subject}` : ''}）` }))}
    />
  );
}

export default function AwardApplicationFormPage() {
  const params = useParams();
  const editId = params.applicationId ? Number(params.applicationId) : null;
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const existing = useQuery(editId ? `award-app:${editId}` : null, (signal) => awardsApi.application(editId!, signal));
  const callId = editId ? existing.data?.callId : Number(params.id);
  const call = useQuery(callId ? `award-call:${callId}` : null, (signal) => awardsApi.call(callId!, signal));
  const ownSchoolId = me.roles.find((r) => r.role === 'school_admin')?.schoolId ?? undefined;
  if ((editId && !existing.data) || !call.data) return <Skeleton active />;
  const a = existing.data;
  const initialMembers: AwardTeacherOption[] = (a?.members ?? []).map((m) => ({
    id: m.teacherId,
    name: m.name,
    schoolId: null,
    schoolName: m.schoolName,
    subject: null,
    teachingStage: null,
  }));
  const save = async () => {
    const v = await form.validateFields();
    const input: AwardApplicationInput = { ...v, callId: callId!, memberTeacherIds: v.memberTeacherIds ?? [], subject: v.subject ?? '' };
    try {
      const saved = editId ? await awardsApi.updateApplication(editId, input) : await awardsApi.createApplication(input);
      message.success('已保存，请上传成果材料后提交');
      void navigate(`/awards/applications/${saved.id}`);
    } catch (e) {
      if (!applyServerIssues(form, e, ['title', 'summary', 'leadTeacherId', 'memberTeacherIds', 'field', 'stage']))
        message.error(errorMessage(e));
    }
  };
  return (
    <>
      <PageHeader title={editId ? '修改申报' : '新建申报'} subTitle={call.data.title} />
      <Card size="small" style={{ maxWidth: 880 }}>
        <Typography.Paragraph type="secondary">
          成果主持人、团队成员的姓名、学校、学科从教师档案带出，无需教师本人填报。
        </Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          initialValues={
            a
              ? {
                  leadTeacherId: a.leadTeacherId,
                  memberTeacherIds: a.members.filter((m) => !m.isLead).map((m) => m.teacherId),
                  title: a.title,
                  field: a.field as Values['field'],
                  stage: a.stage as Values['stage'],
                  subject: a.subject,
                  summary: a.summary,
                }
              : { field: '基础教育', memberTeacherIds: [] }
          }
        >
          <Form.Item name="leadTeacherId" label="成果主持人（本校教师）" rules={[{ required: true, message: '请选择成果主持人' }]}>
            <TeacherPicker
              schoolId={ownSchoolId}
              placeholder="按姓名搜索本校教师"
              aria-label="成果主持人"
              initial={initialMembers.slice(0, 1)}
              onPick={(t) =>
                form.setFieldsValue({
                  subject: t.subject ?? '',
                  ...(t.teachingStage && STAGE_OF[t.teachingStage] ? { stage: STAGE_OF[t.teachingStage] as Values['stage'] } : {}),
                })
              }
            />
          </Form.Item>
          <Form.Item name="memberTeacherIds" label="团队成员（可跨校，至多 10 人）">
            <TeacherPicker isMultiple placeholder="按姓名搜索全区教师" aria-label="团队成员" initial={initialMembers.slice(1)} />
          </Form.Item>
          <Form.Item name="title" label="成果名称" rules={[{ required: true, min: 2, message: '请填写成果名称' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Space wrap size="large">
            <Form.Item name="field" label="成果类别" rules={[{ required: true, message: '请选择成果类别' }]}>
              <Select style={{ width: 160 }} options={AWARD_FIELDS.map((f) => ({ value: f, label: f }))} />
            </Form.Item>
            <Form.Item name="stage" label="学段" rules={[{ required: true, message: '请选择学段' }]}>
              <Select style={{ width: 140 }} options={AWARD_STAGES.map((f) => ({ value: f, label: f }))} />
            </Form.Item>
            <Form.Item name="subject" label="学科">
              <Input style={{ width: 160 }} maxLength={40} />
            </Form.Item>
          </Space>
          <Form.Item name="summary" label="成果简介" rules={[{ required: true, min: 20, message: '成果简介不少于 20 字' }]}>
            <Input.TextArea
              rows={6}
              maxLength={5000}
              showCount
              placeholder="成果要解决的问题、主要内容、创新点、实践成效（评审时专家看不到申报人姓名和学校）"
            />
          </Form.Item>
          <Space>
            <Button type="primary" onClick={() => void save()}>
              保存
            </Button>
            <Button onClick={() => void navigate(-1)}>取消</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
