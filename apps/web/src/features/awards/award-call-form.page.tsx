/** 新建 / 修改评审批次: dates, the rules (versioned configuration with its basis) and the rubric. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { AwardCallInput } from '@zhiping/contracts';
import { AWARD_RULES_2021, DEFAULT_AWARD_RUBRIC } from '@zhiping/domain';
import { App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Skeleton, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { applyServerIssues } from '../../lib/form-rules.ts';
import { useQuery } from '../../lib/use-query.ts';
import { awardsApi } from './awards-api.ts';

type Values = Omit<AwardCallInput, 'applicationsOpenOn' | 'applicationsDueOn' | 'reviewDueOn'> & {
  applications: [Dayjs, Dayjs];
  reviewDueOn: Dayjs;
};

export default function AwardCallFormPage() {
  const id = useParams().id ? Number(useParams().id) : null;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const q = useQuery(id ? `award-call:${id}` : null, (signal) => awardsApi.call(id!, signal));
  if (id && !q.data) return <Skeleton active />;
  const c = q.data;
  const today = dayjs();
  const initial: Partial<Values> = c
    ? {
        year: c.year,
        title: c.title,
        notice: c.notice,
        applications: [dayjs(c.applicationsOpenOn), dayjs(c.applicationsDueOn)],
        reviewDueOn: dayjs(c.reviewDueOn),
        rules: c.rules,
        rubric: c.rubric,
      }
    : {
        year: today.year(),
        title: `${today.year()}年度区教育教学成果奖评审`,
        notice: '',
        applications: [today, today.add(30, 'day')],
        reviewDueOn: today.add(60, 'day'),
        rules: AWARD_RULES_2021,
        rubric: [...DEFAULT_AWARD_RUBRIC],
      };
  const save = async () => {
    const v = await form.validateFields();
    const input: AwardCallInput = {
      year: v.year,
      title: v.title,
      notice: v.notice ?? '',
      applicationsOpenOn: v.applications[0].format('YYYY-MM-DD'),
      applicationsDueOn: v.applications[1].format('YYYY-MM-DD'),
      reviewDueOn: v.reviewDueOn.format('YYYY-MM-DD'),
      rules: { ...AWARD_RULES_2021, ...v.rules },
      rubric: v.rubric.map((r) => ({ ...r, description: r.description ?? '' })),
    };
    try {
      const saved = id ? await awardsApi.updateCall(id, input) : await awardsApi.createCall(input);
      message.success('已保存');
      void navigate(`/awards/calls/${saved.id}`);
    } catch (e) {
      if (!applyServerIssues(form, e, ['title', 'year', 'rubric', 'rules', 'reviewDueOn'])) message.error(errorMessage(e));
    }
  };
  return (
    <>
      <PageHeader title={id ? '修改评审批次' : '新建评审批次'} />
      <Form form={form} layout="vertical" initialValues={initial} style={{ maxWidth: 960 }}>
        <Card size="small" title="基本信息" style={{ marginBottom: 12 }}>
          <Row gutter={12}>
            <Col xs={24} md={6}>
              <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
                <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={18}>
              <Form.Item name="title" label="批次名称" rules={[{ required: true, message: '请填写批次名称' }]}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="applications" label="申报期" rules={[{ required: true, message: '请选择申报期' }]}>
                <DatePicker.RangePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="reviewDueOn" label="评审截止" rules={[{ required: true, message: '请选择评审截止日期' }]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="notice" label="申报通知">
            <Input.TextArea rows={4} maxLength={5000} placeholder="申报范围、条件、材料要求等" />
          </Form.Item>
        </Card>
        <Card size="small" title="评审规则" style={{ marginBottom: 12 }}>
          <Form.Item name={['rules', 'basis']} label="依据文件" rules={[{ required: true, message: '请填写依据文件' }]}>
            <Input />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={12} md={6}>
              <Form.Item name={['rules', 'reviewersPerApplication']} label="每项评审专家数">
                <InputNumber min={3} max={9} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name={['rules', 'trimFromReviewers']} label="去最高最低分（专家数≥）">
                <InputNumber min={3} max={9} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name={['rules', 'coiLookbackYears']} label="曾任职学校回避年限">
                <InputNumber min={0} max={10} addonAfter="年" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name={['rules', 'minAwardScore']} label="获奖最低分">
                <InputNumber min={0} max={100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name={['rules', 'publicity', 'days']} label="公示天数">
                <InputNumber min={1} max={30} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name={['rules', 'publicity', 'kind']} label="公示计日">
                <Select
                  options={[
                    { value: 'working', label: '工作日' },
                    { value: 'calendar', label: '自然日' },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={8} md={4}>
              <Form.Item name={['rules', 'gradeQuotas', 'first']} label="一等奖名额">
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={8} md={4}>
              <Form.Item name={['rules', 'gradeQuotas', 'second']} label="二等奖名额">
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={8} md={4}>
              <Form.Item name={['rules', 'gradeQuotas', 'third']} label="三等奖名额">
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name={['rules', 'cityQuota']} label="推荐市级名额">
                <InputNumber min={0} max={100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card size="small" title="评分细则" style={{ marginBottom: 12 }}>
          <Form.List name="rubric">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item name={[f.name, 'code']} rules={[{ required: true, message: '编号' }]}>
                      <Input placeholder="编号" style={{ width: 70 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'title']} rules={[{ required: true, message: '请填写评分项' }]}>
                      <Input placeholder="评分项" style={{ width: 160 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'maxPoints']} rules={[{ required: true, message: '满分' }]}>
                      <InputNumber placeholder="满分" min={1} max={100} addonAfter="分" style={{ width: 120 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'description']}>
                      <Input placeholder="评分要点" style={{ width: 280 }} />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} aria-label="删除评分项" onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ code: `C${fields.length + 1}`, title: '', maxPoints: 10 })}>
                  添加评分项
                </Button>
                <Form.Item shouldUpdate noStyle>
                  {() => (
                    <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                      满分合计{' '}
                      {((form.getFieldValue('rubric') as { maxPoints?: number }[] | undefined) ?? []).reduce(
                        (s, r) => s + (r?.maxPoints ?? 0),
                        0,
                      )}{' '}
                      分
                    </Typography.Paragraph>
                  )}
                </Form.Item>
              </>
            )}
          </Form.List>
        </Card>
        <Space>
          <Button type="primary" onClick={() => void save()}>
            保存
          </Button>
          <Button onClick={() => void navigate(-1)}>取消</Button>
        </Space>
      </Form>
    </>
  );
}
