/** 立案: the 师德办 registers a lead from another source (上级交办, 巡查发现, 来信来访). */
import { Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { SchoolSelect } from '../../components/school-select.tsx';
import { ethicsApi } from './ethics-api.ts';

interface Values {
  teacherName: string;
  schoolId?: number | null;
  sourceNote?: string;
  content: string;
}

export function CreateCaseButton() {
  const [isOpen, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [isSaving, setSaving] = useState(false);
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const save = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      const created = await ethicsApi.create({
        teacherName: v.teacherName,
        schoolId: v.schoolId ?? null,
        content: v.content,
        sourceNote: v.sourceNote,
      });
      setOpen(false);
      navigate(`/ethics/cases/${created.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        立案
      </Button>
      <Modal
        title="师德办立案"
        open={isOpen}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText="立案"
        confirmLoading={isSaving}
        destroyOnHidden
      >
        <ErrorAlert error={error} />
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item name="sourceNote" label="线索来源">
            <Select allowClear options={['上级交办', '巡查发现', '来信来访', '媒体报道', '其他'].map((s) => ({ value: s, label: s }))} />
          </Form.Item>
          <Form.Item name="teacherName" label="涉及教师姓名" rules={[{ required: true, message: '请填写涉及教师姓名' }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="schoolId" label="学校">
            <SchoolSelect includeClosed={false} />
          </Form.Item>
          <Form.Item name="content" label="问题线索" rules={[{ required: true, min: 10, message: '请具体描述问题（至少 10 个字）' }]}>
            <Input.TextArea rows={5} maxLength={5000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
