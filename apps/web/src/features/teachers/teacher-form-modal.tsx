/** 新增教师: a modal form validated like TeacherInput (ID number checked with the GB 11643 rules). */
import { TeacherInput, type TeacherDetail } from '@zhiping/contracts';
import { CERTIFICATE, checkIdNumber, describeIdProblem, EDUCATION, POST, STAFFING, SUBJECTS, TITLE } from '@zhiping/domain';
import { App, Col, DatePicker, Form, Input, Modal, Row, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { optionsOf, STAGE_OPTIONS } from '../../components/code-labels.ts';
import { SchoolSelect } from '../../components/school-select.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { applyServerIssues, zodRule } from '../../lib/form-rules.ts';
import { todayIso } from '../../lib/format.ts';
import { useMe } from '../auth/auth-context.tsx';
import { createTeacher } from './teachers-api.ts';

type Values = Omit<TeacherInput, 'joinedSchoolOn' | 'phone'> & { joinedSchoolOn?: Dayjs | null; phone?: string };
const FIELDS = [
  'idNumber',
  'name',
  'phone',
  'schoolId',
  'post',
  'isFullTime',
  'teachingStage',
  'subject',
  'education',
  'title',
  'certificate',
  'staffing',
  'joinedSchoolOn',
];
const S = TeacherInput.shape;

const idNumberRule = {
  validator: async (_r: unknown, value: string | undefined) => {
    if (!value) throw new Error('请输入身份证号');
    const check = checkIdNumber(value, todayIso());
    if (!check.ok) throw new Error(describeIdProblem(check.problem));
  },
};

export function TeacherFormModal(props: { open: boolean; onClose: () => void; onCreated: (t: TeacherDetail) => void }) {
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [isSaving, setSaving] = useState(false);
  const ownSchool = me.roles.find((r) => r.schoolId !== null);
  const isDistrictUser = me.roles.some((r) => r.schoolId === null);

  const onOk = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      const input: TeacherInput = {
        ...v,
        phone: v.phone?.trim() || null,
        teachingStage: v.teachingStage ?? null,
        subject: v.subject ?? null,
        joinedSchoolOn: v.joinedSchoolOn ? v.joinedSchoolOn.format('YYYY-MM-DD') : null,
      };
      const teacher = await createTeacher(input);
      message.success(`已新增教师：${teacher.name}`);
      form.resetFields();
      props.onCreated(teacher);
    } catch (e) {
      if (!applyServerIssues(form, e, FIELDS)) message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title="新增教师"
      open={props.open}
      onOk={() => void onOk()}
      onCancel={props.onClose}
      okText="保存"
      confirmLoading={isSaving}
      width={760}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          isFullTime: true,
          post: 'teacher',
          title: 'none',
          certificate: 'none',
          staffing: 'established',
          schoolId: isDistrictUser ? undefined : ownSchool?.schoolId,
        }}
      >
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item required label="身份证号" name="idNumber" rules={[idNumberRule]}>
              <Input maxLength={18} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item required label="姓名" name="name" rules={[zodRule(S.name)]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="学校" name="schoolId" rules={[{ required: true, message: '请选择学校' }]}>
              {isDistrictUser ? (
                <SchoolSelect allowClear={false} />
              ) : (
                <Select disabled options={ownSchool ? [{ value: ownSchool.schoolId, label: ownSchool.schoolName }] : []} />
              )}
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="手机号" name="phone" rules={[zodRule(S.phone, (v) => (typeof v === 'string' && v.trim() ? v.trim() : null))]}>
              <Input maxLength={11} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item label="岗位类别" name="post" rules={[{ required: true, message: '请选择岗位类别' }]}>
              <Select options={optionsOf(POST)} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item label="是否专任教师" name="isFullTime" valuePropName="checked">
              <Switch checkedChildren="是" unCheckedChildren="否" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item label="任教学段" name="teachingStage">
              <Select allowClear options={STAGE_OPTIONS} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item label="任教学科" name="subject">
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={SUBJECTS.map((s) => ({ value: s, label: s }))} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item label="最高学历" name="education" rules={[{ required: true, message: '请选择最高学历' }]}>
              <Select options={optionsOf(EDUCATION)} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item label="专业技术职务" name="title">
              <Select options={optionsOf(TITLE)} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item label="教师资格证" name="certificate">
              <Select options={optionsOf(CERTIFICATE)} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item label="编制情况" name="staffing">
              <Select options={optionsOf(STAFFING)} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item label="调入本校日期" name="joinedSchoolOn">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
