/**
 * 新建 / 修改评估项目: a template version, schools by type and street plus listed schools minus excluded
 * ones (previewed on the server as the choice changes) and the deadlines. Editing keeps the template and
 * is refused by the server once a school has begun scoring.
 */
import type { CampaignDetail, CampaignInput, SchoolPreview, SchoolSelection } from '@zhiping/contracts';
import { SCHOOL_TYPES } from '@zhiping/domain';
import { Alert, App, Button, DatePicker, Drawer, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../../lib/api-error.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useStreets } from '../schools/use-streets.ts';
import { campaignsApi, templatesApi } from './evaluations-api.ts';
import { SchoolMultiSelect } from './school-multi-select.tsx';

interface FormValues {
  name: string;
  description?: string;
  templateId: number;
  typeCodes?: string[];
  streetIds?: number[];
  schoolIds?: number[];
  excludeSchoolIds?: number[];
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
    streetIds: v.streetIds ?? [],
    schoolIds: v.schoolIds ?? [],
    excludeSchoolIds: v.excludeSchoolIds ?? [],
  };
}

function initialValues(campaign: CampaignDetail | undefined): Partial<FormValues> {
  const today = dayjs();
  if (!campaign)
    return {
      teamSize: 3,
      period: [today, today.add(90, 'day')],
      selfAssessmentDue: today.add(20, 'day'),
      onSiteDue: today.add(60, 'day'),
      reportDue: today.add(80, 'day'),
    };
  return {
    name: campaign.name,
    description: campaign.description,
    templateId: campaign.template.id,
    typeCodes: campaign.selection.typeCodes,
    streetIds: campaign.selection.streetIds,
    schoolIds: campaign.selection.schoolIds,
    excludeSchoolIds: campaign.selection.excludeSchoolIds,
    period: [dayjs(campaign.periodStart), dayjs(campaign.periodEnd)],
    selfAssessmentDue: dayjs(campaign.selfAssessmentDue),
    onSiteDue: dayjs(campaign.onSiteDue),
    reportDue: dayjs(campaign.reportDue),
    teamSize: campaign.teamSize,
  };
}

export function CampaignForm({
  open,
  onClose,
  onSaved,
  campaign,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: (id: number) => void;
  /** Editing this campaign (else creating one). */
  campaign?: CampaignDetail;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [preview, setPreview] = useState<SchoolPreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const templates = useQuery(open ? 'templates' : null, (signal) => templatesApi.list(signal));
  const streets = useStreets();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** Numbers the preview requests so a slow, stale answer never replaces a newer one. */
  const previewSeq = useRef(0);
  const knownLabels = useMemo(() => new Map((campaign?.evaluations ?? []).map((e) => [e.schoolId, e.schoolName])), [campaign]);

  const refreshPreview = (selection: SchoolSelection) => {
    if (timer.current) clearTimeout(timer.current);
    const seq = ++previewSeq.current;
    const isEmpty =
      selection.typeCodes.length + selection.streetIds.length + selection.schoolIds.length === 0 && selection.excludeSchoolIds.length === 0;
    if (isEmpty) {
      setPreview(null);
      return;
    }
    timer.current = setTimeout(() => {
      campaignsApi
        .preview(selection)
        .then((p) => {
          if (seq !== previewSeq.current) return;
          setPreview(p);
          setPreviewError(null);
        })
        .catch((e: unknown) => {
          if (seq === previewSeq.current) setPreviewError(errorMessage(e));
        });
    }, 300);
  };
  useEffect(() => {
    if (open && campaign) refreshPreview(campaign.selection);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [open, campaign?.id]);

  const submit = async (v: FormValues) => {
    const common = {
      name: v.name,
      description: v.description ?? '',
      periodStart: iso(v.period[0]),
      periodEnd: iso(v.period[1]),
      selfAssessmentDue: iso(v.selfAssessmentDue),
      onSiteDue: iso(v.onSiteDue),
      reportDue: iso(v.reportDue),
      teamSize: v.teamSize,
      lookbackYears: campaign?.lookbackYears ?? 3,
      disagreementRatio: campaign?.disagreementRatio ?? 0.2,
      selection: selectionOf(v),
    };
    setBusy(true);
    try {
      if (campaign) {
        const saved = await campaignsApi.update(campaign.id, common);
        message.success(`已保存，共 ${saved.schoolCount} 所学校`);
        onSaved(saved.id);
      } else {
        const input: CampaignInput = { ...common, templateId: v.templateId };
        const created = await campaignsApi.create(input);
        message.success(`已创建，共 ${created.schoolCount} 所学校`);
        onSaved(created.id);
      }
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer title={campaign ? '修改评估项目' : '新建评估项目'} open={open} onClose={onClose} size={600} destroyOnHidden>
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        onValuesChange={(changed: Partial<FormValues>, all) => {
          if ('typeCodes' in changed || 'streetIds' in changed || 'schoolIds' in changed || 'excludeSchoolIds' in changed)
            refreshPreview(selectionOf(all));
        }}
        initialValues={initialValues(campaign)}
      >
        <Form.Item name="name" label="项目名称" rules={[{ required: true, min: 2, message: '名称至少2个字' }]}>
          <Input placeholder="如：2026年幼儿园办园行为督导评估" />
        </Form.Item>
        <Form.Item
          name="templateId"
          label="评估模板（版本）"
          rules={[{ required: true, message: '请选择评估模板' }]}
          extra={campaign ? '项目创建后不能更换模板；如需换模板，请删除后重新创建' : undefined}
        >
          <Select
            disabled={!!campaign}
            loading={templates.isLoading}
            options={(templates.data?.items ?? []).map((t) => ({
              value: t.id,
              label: `${t.name} v${t.version}${t.isBuiltIn ? '（内置）' : ''}`,
            }))}
          />
        </Form.Item>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          参评学校
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
          按学校类型和街镇筛选（两者同时选择时取交集），再加上单独列出的学校，减去排除的学校。
        </Typography.Paragraph>
        <Form.Item name="typeCodes" label="学校类型">
          <Select
            mode="multiple"
            allowClear
            placeholder="不选表示不按类型筛选"
            options={SCHOOL_TYPES.map((t) => ({ value: t.code, label: t.name }))}
          />
        </Form.Item>
        <Form.Item name="streetIds" label="街镇">
          <Select
            mode="multiple"
            allowClear
            placeholder="不选表示全区各街镇"
            optionFilterProp="label"
            options={streets.map((s) => ({ value: s.id, label: s.name }))}
          />
        </Form.Item>
        <Form.Item name="schoolIds" label="另加学校">
          <SchoolMultiSelect knownLabels={knownLabels} />
        </Form.Item>
        <Form.Item name="excludeSchoolIds" label="排除学校">
          <SchoolMultiSelect knownLabels={knownLabels} placeholder="不参加本项目的学校" />
        </Form.Item>
        <Button style={{ marginBottom: 8 }} onClick={() => refreshPreview(selectionOf(form.getFieldsValue()))}>
          预览学校
        </Button>
        <div style={{ marginBottom: 16 }} data-testid="preview-count">
          {previewError && <Alert type="error" showIcon title={previewError} />}
          {!previewError && !preview && <Typography.Text type="secondary">请按类型、街镇或名单选择参评学校</Typography.Text>}
          {!previewError && preview && preview.count === 0 && <Alert type="warning" showIcon title="所选条件没有学校" />}
          {!previewError && preview && preview.count > 0 && (
            <Typography.Text>
              共 {preview.count} 所：
              {preview.schools
                .slice(0, 6)
                .map((s) => s.name)
                .join('、')}
              {preview.count > 6 ? '…' : ''}
            </Typography.Text>
          )}
        </div>
        <Form.Item name="period" label="项目周期" rules={[{ required: true, message: '请选择项目周期' }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="selfAssessmentDue" label="自评截止" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="onSiteDue" label="现场评估截止" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="reportDue" label="报告截止" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="teamSize" label="每组督学人数">
          <InputNumber min={1} max={9} />
        </Form.Item>
        <Form.Item name="description" label="说明">
          <Input.TextArea rows={3} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={isBusy} block size="large">
          {campaign ? '保存修改' : '创建评估项目'}
        </Button>
      </Form>
    </Drawer>
  );
}
