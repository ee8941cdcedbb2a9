/** 应交流名单: the teachers due to rotate in a school year, per school, with filters, exemptions (with their reason) and xlsx export. */
import { ROTATION_EXEMPTION_CODES, type EligibleTeacher } from '@zhiping/contracts';
import { App, Alert, Button, Card, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Statistic, Tag } from 'antd';
import { useState } from 'react';
import { DownloadButton } from '../../components/export-button.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { SchoolSelect } from '../../components/school-select.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { useListParams } from '../../lib/use-list-params.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useMe } from '../auth/auth-context.tsx';
import { EXEMPTION_LABELS, STAGE_LABELS, isRotationManager } from './rotation-access.ts';
import { rotationApi } from './rotation-api.ts';

const STATUS = { eligible: '应交流', exempt: '免于交流', not_due: '未到年限' } as const;

export default function EligiblePage() {
  const { message } = App.useApp();
  const me = useMe();
  const lp = useListParams(20);
  const years = useQuery('rotation-years', (signal) => rotationApi.years(signal));
  const year = Number(lp.filters.year ?? years.data?.suggested ?? 0) || null;
  const query = {
    year: year ?? undefined,
    page: lp.page,
    pageSize: lp.pageSize,
    status: lp.filters.status ?? 'all_due',
    schoolId: lp.filters.schoolId,
    backbone: lp.filters.backbone,
    q: lp.filters.q,
  };
  const q = useQuery(year ? `rotation-eligible:${year}:${lp.key}` : null, (signal) => rotationApi.eligible(query, signal));
  const [target, setTarget] = useState<EligibleTeacher | null>(null);
  const [form] = Form.useForm();
  const s = q.data?.summary;
  const canEdit = isRotationManager(me);
  const save = async () => {
    const v = (await form.validateFields()) as { reason: (typeof ROTATION_EXEMPTION_CODES)[number]; note?: string };
    try {
      await rotationApi.addExemption({ year: year!, teacherId: target!.teacherId, reason: v.reason, note: v.note ?? '' });
      message.success('已登记免于交流');
      setTarget(null);
      q.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const undo = async (id: number) => {
    try {
      await rotationApi.removeExemption(id);
      message.success('已撤销');
      q.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <>
      <PageHeader
        title="应交流教师名单"
        subTitle={
          s
            ? `${s.year}学年（认定日期 ${s.referenceDate}），依据：${s.ruleSet.title}（${s.ruleSet.documentNumber}）`
            : '按学年从基础数据计算：任职年限、岗位、骨干认定、出生日期'
        }
        extra={
          <Space wrap>
            <InputNumber
              aria-label="学年"
              min={2000}
              max={2100}
              value={year}
              onChange={(v) => lp.setFilters({ year: v })}
              addonAfter="学年"
              style={{ width: 140 }}
            />
            {year && (
              <DownloadButton
                path="/rotation/eligible.xlsx"
                fileName={`${year}学年应交流教师名单.xlsx`}
                query={{ ...query, page: undefined, pageSize: undefined }}
              />
            )}
          </Space>
        }
      />
      {s && (
        <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
          <Col xs={12} md={5}>
            <Card size="small">
              <Statistic title="应交流教师" value={s.eligible} />
            </Card>
          </Col>
          <Col xs={12} md={5}>
            <Card size="small">
              <Statistic title="其中骨干教师" value={s.eligibleBackbone} />
            </Card>
          </Col>
          <Col xs={12} md={5}>
            <Card size="small">
              <Statistic title="派出学校应交流" value={s.eligibleSending} />
            </Card>
          </Col>
          <Col xs={12} md={5}>
            <Card size="small">
              <Statistic title="本年至少交流" value={s.minRotated} suffix="人" />
            </Card>
          </Col>
          <Col xs={12} md={4}>
            <Card size="small">
              <Statistic title="免于交流" value={s.exempt} />
            </Card>
          </Col>
        </Row>
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 140 }}
          value={lp.filters.status ?? 'all_due'}
          onChange={(v) => lp.setFilters({ status: v })}
          options={[
            { value: 'all_due', label: '全部到期教师' },
            { value: 'eligible', label: '应交流' },
            { value: 'exempt', label: '免于交流' },
          ]}
        />
        <SchoolSelect
          allowClear
          style={{ width: 260 }}
          value={lp.filters.schoolId ? Number(lp.filters.schoolId) : null}
          onChange={(v) => lp.setFilters({ schoolId: v })}
        />
        <Select
          allowClear
          placeholder="骨干教师"
          style={{ width: 120 }}
          value={lp.filters.backbone}
          onChange={(v) => lp.setFilters({ backbone: v })}
          options={[
            { value: 'true', label: '骨干教师' },
            { value: 'false', label: '非骨干' },
          ]}
        />
        <Input.Search
          allowClear
          placeholder="姓名"
          style={{ width: 160 }}
          defaultValue={lp.filters.q}
          onSearch={(v) => lp.setFilters({ q: v || null })}
        />
      </Space>
      {q.error !== undefined && q.error !== null && !q.data && (
        <Alert type="warning" showIcon message="先在“交流规则”中配置本学年生效的规则版本，名单才能计算。" style={{ marginBottom: 12 }} />
      )}
      <PagedTable<EligibleTeacher>
        data={q.data}
        isLoading={q.isLoading}
        error={q.error}
        onRetry={q.reload}
        page={lp.page}
        pageSize={lp.pageSize}
        onPageChange={lp.setPage}
        rowKey="teacherId"
        empty="没有符合条件的教师。可换一个学年或清除筛选条件。"
        columns={[
          {
            title: '学校',
            render: (_, t) => (
              <>
                {t.schoolName} {t.isSendingSchool && <Tag color="blue">派出学校</Tag>}
              </>
            ),
          },
          {
            title: '姓名',
            render: (_, t) => (
              <>
                {t.name} {t.isBackbone && <Tag color="gold">骨干</Tag>}
              </>
            ),
          },
          { title: '岗位', render: (_, t) => (t.post === 'leader' ? '校级领导' : '专任教师') },
          { title: '学段/学科', render: (_, t) => `${STAGE_LABELS[t.stage ?? ''] ?? ''} ${t.subject ?? ''}` },
          { title: '连续任职起', dataIndex: 'serviceStart' },
          { title: '年限', dataIndex: 'years' },
          { title: '状态', render: (_, t) => <Tag color={t.status === 'eligible' ? 'blue' : 'orange'}>{STATUS[t.status]}</Tag> },
          {
            title: '说明',
            width: 360,
            render: (_, t) => (
              <>
                {t.reason}
                {t.restriction && <div style={{ color: '#cf1322' }}>{t.restriction}</div>}
              </>
            ),
          },
          ...(canEdit
            ? [
                {
                  title: '操作',
                  render: (_: unknown, t: EligibleTeacher) =>
                    t.exemptionId !== null ? (
                      <Button size="small" onClick={() => void undo(t.exemptionId!)}>
                        撤销免交流
                      </Button>
                    ) : t.status === 'eligible' ? (
                      <Button size="small" onClick={() => setTarget(t)}>
                        登记免交流
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={target !== null}
        title={`登记免于交流：${target?.name ?? ''}`}
        okText="登记"
        onCancel={() => setTarget(null)}
        onOk={() => void save()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="reason" label="原因" rules={[{ required: true, message: '请选择原因' }]}>
            <Select options={ROTATION_EXEMPTION_CODES.map((c) => ({ value: c, label: EXEMPTION_LABELS[c] }))} />
          </Form.Item>
          <Form.Item name="note" label="说明（原因为“其他”时必填）">
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
