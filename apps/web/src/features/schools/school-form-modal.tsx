/** 新增学校: a modal form validated like SchoolInput; server field issues land on the fields. */
import type { SchoolDetail } from '@zhiping/contracts';
import { App, Form, Modal } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../lib/api-error.ts';
import { applyServerIssues } from '../../lib/form-rules.ts';
import { SCHOOL_FIELD_NAMES, SchoolFormFields } from './school-form-fields.tsx';
import { toSchoolInput, type SchoolFormValues } from './school-form-values.ts';
import { createSchool } from './schools-api.ts';

export function SchoolFormModal(props: { open: boolean; onClose: () => void; onCreated: (school: SchoolDetail) => void }) {
  const [form] = Form.useForm<SchoolFormValues>();
  const { message } = App.useApp();
  const [isSaving, setSaving] = useState(false);

  const onOk = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    try {
      const school = await createSchool({ ...toSchoolInput(values), code: values.code ?? '' });
      message.success(`已新增学校：${school.name}`);
      form.resetFields();
      props.onCreated(school);
    } catch (e) {
      if (!applyServerIssues(form, e, SCHOOL_FIELD_NAMES)) message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title="新增学校"
      open={props.open}
      onOk={() => void onOk()}
      onCancel={props.onClose}
      okText="保存"
      confirmLoading={isSaving}
      width={720}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ sponsor: 'public', isInclusive: false, urbanRuralCode: '111' }}>
        <SchoolFormFields withCode />
      </Form>
    </Modal>
  );
}
