/** 交流规则: the versioned rule sets with their document numbers, and a new version (教师科). */
import type { RotationRuleSet, RotationRulesBody } from '@zhiping/contracts';
import { App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Tag } from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useMe } from '../auth/auth-context.tsx';
import { KIND_LABELS, isRotationManager, pct } from './rotation-access.ts';
import { rotationApi } from './rotation-api.ts';

function RulesView({ r }: { r: RotationRulesBody }) {
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
      <Descriptions.Item label="应交流年限">
        专任教师在同一学校连续任职满 {r.eligibleYears} 年；校级领导满 {r.leaderTerms} 届（每届 {r.leaderTermYears} 年）
      </Descriptions.Item>
      <Descriptions.Item label="临近退休免交流">
        距法定退休年龄（男 {r.retirementAge.male}、女 {r.retirementAge.female} 岁）不足 {r.nearRetirementYears} 年
      </Descriptions.Item>
      <Descriptions.Item label="派出学校">
        城乡分类代码以 {r.sendingUrbanRuralPrefixes.join('、') || '—'} 开头的学校
        {r.sendingSchoolIds.length ? `，及指定的 ${r.sendingSchoolIds.length} 所优质学校` : ''}
      </Descriptions.Item>
      <Descriptions.Item label="年度交流比例">
        不低于应交流教师的 {pct(r.minShare)}，上限 {pct(r.maxShare)}
      </Descriptions.Item>
      <Descriptions.Item label="骨干教师比例">
        不低于{r.backboneBasis === 'rotated' ? '交流人数' : '应交流人数'}的 {pct(r.backboneShare)}
      </Descriptions.Item>
      <Descriptions.Item label="最远交流距离">{r.maxDistanceKm} 公里（直线距离）</Descriptions.Item>
      <Descriptions.Item label="默认方式">{KIND_LABELS[r.defaultMoveKind]}</Descriptions.Item>
      <Descriptions.Item label="优质教师（统计口径）">骨干教师，及职称为 {r.highQualityTitles.join('、') || '—'} 的教师</Descriptions.Item>
    </Descriptions>
  );
}

interface FormValues extends Omit<RotationRulesBody, 'minShare' | 'backboneShare' | 'maxShare' | 'sendingSchoolIds'> {
  title: string;
  documentNumber: string;
  validFrom: dayjs.Dayjs;
  note?: string;
  minSharePct: number;
  backboneSharePct: number;
  maxSharePct: number;
}

export default function RulesPage() {
  const { message } = App.useApp();
  const me = useMe();
  const q = useQuery('rotation-rules', (signal) => rotationApi.rules(signal));
  const [base, setBase] = useState<RotationRuleSet | null>(null);
  const [form] = Form.useForm<FormValues>();
  const save = async () => {
    const v = await form.validateFields();
    try {
      await rotationApi.addRules({
        title: v.title,
        documentNumber: v.documentNumber,
        validFrom: v.validFrom.format('YYYY-MM-DD'),
        note: v.note ?? '',
        rules: {
          eligibleYears: v.eligibleYears,
          leaderTermYears: v.leaderTermYears,
          leaderTerms: v.leaderTerms,
          retirementAge: v.retirementAge,
          nearRetirementYears: v.nearRetirementYears,
          sendingUrbanRuralPrefixes: v.sendingUrbanRuralPrefixes,
          sendingSchoolIds: base?.rules.sendingSchoolIds ?? [],
          minShare: v.minSharePct / 100,
          backboneShare: v.backboneSharePct / 100,
          backboneBasis: v.backboneBasis,
          maxShare: v.maxSharePct / 100,
          maxDistanceKm: v.maxDistanceKm,
          defaultMoveKind: v.defaultMoveKind,
          highQualityTitles: v.highQualityTitles,
        },
      });
      message.success('已新增规则版本');
      setBase(null);
      q.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const latest = q.data?.[0];
  return (
    <>
      <PageHeader
        title="交流轮岗规则"
        subTitle="规则按版本管理，每个版本注明文件文号与生效日期；各学年按当年9月1日生效的版本计算"
        extra={
          isRotationManager(me) &&
          latest && (
            <Button type="primary" onClick={() => setBase(latest)}>
              新增版本
            </Button>
          )
        }
      />
      <ErrorAlert error={q.error} onRetry={q.reload} />
      {q.data?.length === 0 && <EmptyState description="尚未配置交流轮岗规则。请联系区教师科按本区文件新增规则版本。" />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {q.data?.map((s, i) => (
          <Card
            key={s.id}
            size="small"
            title={
              <>
                {s.title} {i === 0 && <Tag color="green">最新</Tag>}
              </>
            }
            extra={`${s.documentNumber}，自 ${s.validFrom} 起`}
          >
            {s.note && <p>{s.note}</p>}
            <RulesView r={s.rules} />
          </Card>
        ))}
      </Space>
      <Modal
        open={base !== null}
        title="新增规则版本"
        okText="保存"
        width={720}
        onCancel={() => setBase(null)}
        onOk={() => void save()}
        destroyOnHidden
      >
        {base && (
          <Form<FormValues>
            form={form}
            layout="vertical"
            preserve={false}
            initialValues={{
              ...base.rules,
              title: base.title,
              documentNumber: '',
              minSharePct: Math.round(base.rules.minShare * 100),
              backboneSharePct: Math.round(base.rules.backboneShare * 100),
              maxSharePct: Math.round(base.rules.maxShare * 100),
            }}
          >
            <Form.Item name="title" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Space wrap>
              <Form.Item name="documentNumber" label="文件文号" rules={[{ required: true, whitespace: true, message: '请填写文件文号' }]}>
                <Input maxLength={100} placeholder="如：某教委发〔2026〕3号" />
              </Form.Item>
              <Form.Item name="validFrom" label="生效日期" rules={[{ required: true, message: '请选择生效日期' }]}>
                <DatePicker />
              </Form.Item>
            </Space>
            <Space wrap>
              <Form.Item name="eligibleYears" label="应交流年限（年）" rules={[{ required: true }]}>
                <InputNumber min={1} max={30} />
              </Form.Item>
              <Form.Item name="leaderTerms" label="校级领导届数" rules={[{ required: true }]}>
                <InputNumber min={1} max={5} />
              </Form.Item>
              <Form.Item name="leaderTermYears" label="每届年数" rules={[{ required: true }]}>
                <InputNumber min={1} max={10} />
              </Form.Item>
              <Form.Item name="nearRetirementYears" label="临近退休（年）" rules={[{ required: true }]}>
                <InputNumber min={0} max={10} />
              </Form.Item>
              <Form.Item name={['retirementAge', 'male']} label="男退休年龄" rules={[{ required: true }]}>
                <InputNumber min={50} max={70} />
              </Form.Item>
              <Form.Item name={['retirementAge', 'female']} label="女退休年龄" rules={[{ required: true }]}>
                <InputNumber min={45} max={70} />
              </Form.Item>
            </Space>
            <Space wrap>
              <Form.Item name="minSharePct" label="年度交流比例（%）" rules={[{ required: true }]}>
                <InputNumber min={1} max={100} />
              </Form.Item>
              <Form.Item name="maxSharePct" label="交流比例上限（%）" rules={[{ required: true }]}>
                <InputNumber min={1} max={100} />
              </Form.Item>
              <Form.Item name="backboneSharePct" label="骨干教师比例（%）" rules={[{ required: true }]}>
                <InputNumber min={0} max={100} />
              </Form.Item>
              <Form.Item name="backboneBasis" label="骨干比例口径">
                <Select
                  style={{ width: 160 }}
                  options={[
                    { value: 'rotated', label: '占交流人数' },
                    { value: 'eligible', label: '占应交流人数' },
                  ]}
                />
              </Form.Item>
              <Form.Item name="maxDistanceKm" label="最远交流距离（公里）" rules={[{ required: true }]}>
                <InputNumber min={1} max={500} />
              </Form.Item>
              <Form.Item name="defaultMoveKind" label="默认方式">
                <Select style={{ width: 200 }} options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
            </Space>
            <Form.Item name="sendingUrbanRuralPrefixes" label="派出学校的城乡分类代码前缀（如 11 = 主城区）">
              <Select mode="tags" />
            </Form.Item>
            <Form.Item name="highQualityTitles" label="计为优质教师的职称">
              <Select
                mode="multiple"
                options={[
                  { value: 'senior', label: '高级教师' },
                  { value: 'professor', label: '正高级教师' },
                  { value: 'level1', label: '一级教师' },
                ]}
              />
            </Form.Item>
            <Form.Item name="note" label="说明">
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </>
  );
}
