/** 学时规则: versioned rules (cycle, hours, sub-quotas by level, yearly seminars) with their documents; 教师科 adds versions. */
import type { TrainingRule, TrainingRuleInput } from '@zhiping/contracts';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useMe } from '../auth/auth-context.tsx';
import { trainingApi } from './training-api.ts';
import { LEVEL_LABELS, isTrainingManager, options } from './training-labels.ts';

const ISSUER: Record<string, string> = { national: '国家', province: '省', city: '市', district: '区' };

interface Values extends Omit<TrainingRuleInput, 'effectiveFrom' | 'cycleAnchor'> {
  effectiveFrom: Dayjs;
  cycleAnchor: Dayjs;
}

function NewVersionButton({ base, onSaved }: { base?: TrainingRule; onSaved: () => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const initial = base
    ? { ...base, effectiveFrom: dayjs(), cycleAnchor: dayjs(base.cycleAnchor) }
    : {
        code: '',
        issuerLevel: 'district',
        cycleYears: 3,
        requiredHours: 240,
        seminarMinPerYear: 4,
        warningMonths: 6,
        riskPaceFactor: 1.5,
        isProrated: true,
        isIndicatorBasis: false,
        subQuotas: [],
        effectiveFrom: dayjs(),
        cycleAnchor: dayjs().startOf('year'),
      };
  const submit = async (v: Values) => {
    setBusy(true);
    try {
      await trainingApi.createRule({
        ...v,
        documentTitle: v.documentTitle ?? '',
        note: v.note ?? '',
        subQuotas: v.subQuotas ?? [],
        effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
        cycleAnchor: v.cycleAnchor.format('YYYY-MM-DD'),
      });
      message.success('已保存新版本');
      setOpen(false);
      onSaved();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size={base ? 'small' : 'middle'} type={base ? 'link' : 'primary'} onClick={() => setOpen(true)}>
        {base ? '修订（新版本）' : '新增规则'}
      </Button>
      <Modal
        title={base ? `修订“${base.name}”` : '新增学时规则'}
        open={open}
        width={720}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText="保存"
        confirmLoading={isBusy}
        destroyOnHidden
      >
        <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)}>
          <Space wrap>
            <Form.Item
              name="code"
              label="规则代码"
              rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,39}$/, message: '小写字母、数字或下划线' }]}
            >
              <Input disabled={!!base} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="name" label="规则名称" rules={[{ required: true, message: '请填写规则名称' }]}>
              <Input style={{ width: 300 }} />
            </Form.Item>
            <Form.Item name="issuerLevel" label="发文层级">
              <Select style={{ width: 90 }} options={options(ISSUER)} />
            </Form.Item>
          </Space>
          <Space wrap>
            <Form.Item name="documentNumber" label="依据文号" rules={[{ required: true, message: '请填写依据文号' }]}>
              <Input style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="documentTitle" label="文件标题">
              <Input style={{ width: 360 }} />
            </Form.Item>
          </Space>
          <Space wrap>
            <Form.Item name="effectiveFrom" label="生效日期" rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="cycleAnchor" label="某一周期起始日" rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="cycleYears" label="周期（年）" rules={[{ required: true }]}>
              <InputNumber min={1} max={10} />
            </Form.Item>
            <Form.Item name="requiredHours" label="周期应修学时" rules={[{ required: true }]}>
              <InputNumber min={1} max={5000} />
            </Form.Item>
            <Form.Item name="seminarMinPerYear" label="每年研修研讨（次）">
              <InputNumber min={0} max={50} />
            </Form.Item>
          </Space>
          <Form.List name="subQuotas">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} wrap align="baseline">
                    <Form.Item name={[field.name, 'label']} rules={[{ required: true, message: '子项名称' }]}>
                      <Input placeholder="如：市级及以上" style={{ width: 140 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'levels']} rules={[{ required: true, message: '计入级别' }]}>
                      <Select mode="multiple" placeholder="计入级别" style={{ width: 240 }} options={options(LEVEL_LABELS)} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'minHours']} rules={[{ required: true, message: '学时' }]}>
                      <InputNumber min={0} max={1000} placeholder="不少于学时" />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(field.name)} aria-label="删除子项" />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ label: '', levels: [], minHours: 0 })}>
                  添加分级子项要求
                </Button>
              </>
            )}
          </Form.List>
          <Space wrap style={{ marginTop: 12 }}>
            <Form.Item name="warningMonths" label="提前预警（月）">
              <InputNumber min={0} max={60} />
            </Form.Item>
            <Form.Item name="riskPaceFactor" label="进度预警倍数">
              <InputNumber min={1} max={10} step={0.1} />
            </Form.Item>
            <Form.Item name="isProrated" label="周期中入职按在岗天数折算" valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="isIndicatorBasis" label="作为优质均衡“5年360学时”统计口径" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Space>
          <Form.Item name="note" label="说明">
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export default function RulesPage() {
  const me = useMe();
  const q = useQuery('training-rules', (signal) => trainingApi.rules(signal));
  const isManager = isTrainingManager(me);
  return (
    <>
      <PageHeader
        title="学时规则"
        subTitle="继续教育周期与学时要求，按版本保存并注明依据文件；修订即新增版本，既往统计可复现"
        extra={isManager ? <NewVersionButton onSaved={q.reload} /> : null}
      />
      <ErrorAlert error={q.error} onRetry={q.reload} />
      <Table<TrainingRule>
        rowKey="id"
        size="middle"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: '规则',
            render: (_, r) => (
              <Space>
                {r.name}
                <Tag>第{r.version}版</Tag>
                {r.isCurrent && <Tag color="green">现行</Tag>}
                {r.isIndicatorBasis && <Tag color="purple">优质均衡口径</Tag>}
              </Space>
            ),
          },
          {
            title: '依据',
            render: (_, r) => `${ISSUER[r.issuerLevel]} ${r.documentNumber}${r.documentTitle ? `《${r.documentTitle}》` : ''}`,
          },
          { title: '生效', dataIndex: 'effectiveFrom' },
          { title: '周期', render: (_, r) => `${r.cycleYears}年（起 ${r.cycleAnchor}）` },
          { title: '应修学时', dataIndex: 'requiredHours' },
          { title: '分级子项', render: (_, r) => r.subQuotas.map((x) => <Tag key={x.label}>{`${x.label} ≥ ${x.minHours}`}</Tag>) },
          { title: '研修研讨/年', dataIndex: 'seminarMinPerYear' },
          { title: '预警', render: (_, r) => `提前${r.warningMonths}个月；进度×${r.riskPaceFactor}` },
          { title: '', render: (_, r) => (isManager && r.isCurrent ? <NewVersionButton base={r} onSaved={q.reload} /> : null) },
        ]}
      />
    </>
  );
}
