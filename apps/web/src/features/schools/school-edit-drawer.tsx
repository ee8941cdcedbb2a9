/** 编辑 a school from a date on (SchoolUpdate with effectiveFrom); earlier years keep their values. */
import type { SchoolDetail, SchoolUpdate } from '@zhiping/contracts';
import { Alert, App, Button, DatePicker, Drawer, Form, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../lib/api-error.ts';
import { applyServerIssues } from '../../lib/form-rules.ts';
import { SCHOOL_FIELD_NAMES, SchoolFormFields } from './school-form-fields.tsx';
import { formValuesOf, isoOf, toSchoolInput, type SchoolFormValues } from './school-form-values.ts';
import { updateSchool } from './schools-api.ts';

interface EditValues extends SchoolFormValues {
  effectiveFrom: Dayjs;
  closedOn?: Dayjs | null;
}

export function SchoolEditDrawer(props: { school: SchoolDetail; open: boolean; onClose: () => void; onSaved: (s: SchoolDetail) => void }) {
  const [form] = Form.useForm<EditValues>();
  const { message } = App.useApp();
  const [isSaving, setSaving] = useState(false);
  const { school, open } = props;

  useEffect(() => {
    if (open) {
      form.setFieldsValue({ ...formValuesOf(school), effectiveFrom: dayjs(), closedOn: school.closedOn ? dayjs(school.closedOn) : null });
    }
  }, [open, school, form]);

  const onSave = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const update: SchoolUpdate = {
      ...toSchoolInput(values),
      effectiveFrom: isoOf(values.effectiveFrom) ?? undefined,
      closedOn: isoOf(values.closedOn),
    };
    setSaving(true);
    try {
      const saved = await updateSchool(school.id, update);
      message.success('已保存');
      props.onSaved(saved);
    } catch (e) {
      if (!applyServerIssues(form, e, SCHOOL_FIELD_NAMES)) message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      title={`编辑：${school.name}`}
      open={open}
      onClose={props.onClose}
      size={640}
      extra={
        <Space>
          <Button onClick={props.onClose}>取消</Button>
          <Button type="primary" loading={isSaving} onClick={() => void onSave()}>
            保存
          </Button>
        </Space>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="修改从“生效日期”起生效"
        description="系统会为学校建立一个新的历史版本：生效日期之前的学年仍按原来的名称、类型等统计，之后的学年按新值统计。"
      />
      <Form form={form} layout="vertical">
        <Form.Item label="生效日期" name="effectiveFrom" rules={[{ required: true, message: '请选择生效日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <SchoolFormFields withCode={false} />
        <Form.Item label="撤销日期" name="closedOn" extra="学校撤销或停办时填写；留空表示正常办学">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
