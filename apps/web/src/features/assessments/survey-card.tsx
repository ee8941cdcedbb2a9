/** 社会认可度: the survey result (≥85% meets) with entry by district writers. */
import { EditOutlined } from '@ant-design/icons';
import { SurveyInput, type Assessment, type AssessmentKind } from '@zhiping/contracts';
import { App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { EmptyState } from '../../components/empty-state.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { applyServerIssues, zodRule } from '../../lib/form-rules.ts';
import { formatDateTime } from '../../lib/format.ts';
import { StatusTag } from '../indicators/indicator-status.tsx';
import { recordSurvey } from './assessments-api.ts';

type Survey = NonNullable<Assessment['survey']>;
interface Values {
  rate: number;
  respondents?: number | null;
  surveyedOn?: Dayjs | null;
  organisation?: string;
  note?: string;
}

const S = SurveyInput.shape;
const PASS_RATE = 85;

export function SurveyCard(props: { kind: AssessmentKind; year: number; survey: Survey | null; canEdit: boolean; onSaved: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [isOpen, setOpen] = useState(false);
  const [isSaving, setSaving] = useState(false);
  const s = props.survey;

  const onOk = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      await recordSurvey(props.kind, props.year, {
        rate: v.rate,
        respondents: v.respondents ?? null,
        surveyedOn: v.surveyedOn ? v.surveyedOn.format('YYYY-MM-DD') : null,
        organisation: (v.organisation ?? '').trim(),
        note: (v.note ?? '').trim(),
      });
      message.success('已保存社会认可度');
      setOpen(false);
      props.onSaved();
    } catch (e) {
      if (!applyServerIssues(form, e, ['rate', 'respondents', 'surveyedOn', 'organisation', 'note'])) message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      size="small"
      title="社会认可度调查"
      extra={
        props.canEdit && (
          <Button size="small" icon={<EditOutlined />} onClick={() => setOpen(true)}>
            {s ? '修改' : '录入'}
          </Button>
        )
      }
    >
      {s ? (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'rate',
              label: '认可度',
              children: (
                <>
                  {s.rate}% <StatusTag status={s.rate >= PASS_RATE ? 'met' : 'not_met'} />
                  （标准≥{PASS_RATE}%）
                </>
              ),
            },
            { key: 'n', label: '有效样本', children: s.respondents ?? '—' },
            { key: 'on', label: '调查日期', children: s.surveyedOn ?? '—' },
            { key: 'org', label: '调查机构', children: s.organisation || '—' },
            { key: 'note', label: '说明', children: s.note || '—', span: 'filled' as const },
            { key: 'by', label: '录入', children: `${s.updatedBy} · ${formatDateTime(s.updatedAt)}`, span: 'filled' as const },
          ]}
        />
      ) : (
        <EmptyState
          description={
            props.canEdit ? '尚未录入。请在第三方调查完成后点击“录入”填写认可度。' : '尚未录入社会认可度调查结果，请联系区级管理员录入'
          }
        />
      )}
      <Modal
        title="社会认可度调查结果"
        open={isOpen}
        onOk={() => void onOk()}
        onCancel={() => setOpen(false)}
        okText="保存"
        confirmLoading={isSaving}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{
            rate: s?.rate,
            respondents: s?.respondents ?? null,
            surveyedOn: s?.surveyedOn ? dayjs(s.surveyedOn) : null,
            organisation: s?.organisation ?? '',
            note: s?.note ?? '',
          }}
        >
          <Form.Item required label="认可度（%）" name="rate" rules={[zodRule(S.rate)]} extra={`不低于 ${PASS_RATE}% 为达标`}>
            <InputNumber min={0} max={100} precision={1} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label="有效样本数" name="respondents">
            <InputNumber min={1} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label="调查日期" name="surveyedOn">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label="调查机构" name="organisation">
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item label="说明" name="note">
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
