/** 新建评估项目: a template version, schools by type / street / list (previewed on the server) and the deadlines. */
import type { CampaignInput, SchoolPreview, SchoolSelection } from '@zhiping/contracts';
import { SCHOOL_TYPES } from '@zhiping/domain';
import { Alert, App, DatePicker, Drawer, Form, Input, InputNumber, Select, Space, Button, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../lib/api-error.ts';
import { useQuery } from '../../lib/use-query.ts';
import { campaignsApi, templatesApi } from './evaluations-api.ts';

interface FormValues {
  name: string;
  description?: string;
  templateId: number;
  typeCodes?: string[];
  schoolIds?: string;
  period: [Dayjs, Dayjs];
  selfAssessmentDue: Dayjs;
  onSiteDue: Dayjs;
  reportDue: Dayjs;
  teamSize: number;
}

const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

function selectionOf(v: Partial<FormValues>): SchoolSelection {
  return {
    typeCodes: v.typeCodes ?? [],
    streetIds: [],
    schoolIds: (v.schoolIds ?? '')
      .split(/[\s,，、]+/)
      .map(Number)
      .filter((n) => Number.isInteger(n) && n > 0),
    excludeSchoolIds: [],
  };
}

export function CampaignForm({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: number) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [preview, setPreview] = useState<SchoolPreview | null>(null);
  const [isBusy, setBusy] = useState(false);
  const templates = useQuery(open ? 'templates' : null, (signal) => templatesApi.list(signal));

  const doPreview = async () => {
    try {
      setPreview(await campaignsApi.preview(selectionOf(form.getFieldsValue())));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const submit = async (v: FormValues) => {
    const input: CampaignInput = {
      name: v.name,
      description: v.description ?? '',
      templateId: v.templateId,
      periodStart: iso(v.period[0]),
      periodEnd: iso(v.period[1]),
      selfAssessmentDue: iso(v.selfAssessmentDue),
      onSiteDue: iso(v.onSiteDue),
      reportDue: iso(v.reportDue),
      teamSize: v.teamSize,
      lookbackYears: 3,
      disagreementRatio: 0.2,
      selection: selectionOf(v),
    };
    setBusy(true);
    try {
      const created = await campaignsApi.create(input);
      message.success(`已创建，共 ${created.schoolCount} 所学校`);
      onCreated(created.id);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const today = dayjs();
  return (
    <Drawer title="新建评估项目" open={open} onClose={onClose} size={560} destroyOnHidden>
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{
          teamSize: 3,
          period: [today, today.add(90, 'day')],
          selfAssessmentDue: today.add(20, 'day'),
          onSiteDue: today.add(60, 'day'),
          reportDue: today.add(80, 'day'),
        }}
      >
        <Form.Item name="name" label="项目名称" rules={[{ required: true, min: 2, message: '名称至少2个字' }]}>
          <Input placeholder="如：2026年幼儿园办园行为督导评估" />
        </Form.Item>
        <Form.Item name="templateId" label="评估模板（版本）" rules={[{ required: true, message: '请选择评估模板' }]}>
          <Select
            loading={templates.isLoading}
            options={(templates.data?.items ?? []).map((t) => ({
              value: t.id,
              label: `${t.name} v${t.version}${t.isBuiltIn ? '（内置）' : ''}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="typeCodes" label="学校类型" extra="所选类型的全部在办学校">
          <Select mode="multiple" allowClear options={SCHOOL_TYPES.map((t) => ({ value: t.code, label: t.name }))} />
        </Form.Item>
        <Form.Item name="schoolIds" label="另加学校（学校 ID，逗号分隔）">
          <Input />
        </Form.Item>
        <Space style={{ marginBottom: 16 }}>
          <Button onClick={() => void doPreview()}>预览学校</Button>
          {preview && (
            <Typography.Text data-testid="preview-count">
              共 {preview.count} 所：
              {preview.schools
                .slice(0, 5)
                .map((s) => s.name)
                .join('、')}
              {preview.count > 5 ? '…' : ''}
            </Typography.Text>
          )}
        </Space>
        <Form.Item name="period" label="项目周期" rules={[{ required: true }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="selfAssessmentDue" label="自评截止" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="onSiteDue" label="现场评估截止" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="reportDue" label="报告截止" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="teamSize" label="每组督学人数">
          <InputNumber min={1} max={9} />
        </Form.Item>
        <Form.Item name="description" label="说明">
          <Input.TextArea rows={3} />
        </Form.Item>
        {preview?.count === 0 && <Alert type="warning" showIcon title="所选条件没有学校" style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" loading={isBusy} block size="large">
          创建评估项目
        </Button>
      </Form>
    </Drawer>
  );
}
