/**
 * The plan editor: the optimizer's result (CV before/after per indicator and stage against the lower bound,
 * the shares), the moves with their reasons (lock, redirect, remove, exclude, add by hand), re-run around
 * the edits, and the workflow actions with the log.
 */
import type { RotationMove, RotationPlanDetail } from '@zhiping/contracts';
import {
  App,
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Statistic,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { BarChart } from '../../components/bar-chart.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { RemoteSelect } from '../../components/remote-select.tsx';
import { SchoolSelect } from '../../components/school-select.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useListParams } from '../../lib/use-list-params.ts';
import { useQuery } from '../../lib/use-query.ts';
import { KIND_LABELS, REVIEW_COLORS, REVIEW_LABELS, SOURCE_LABELS, STAGE_LABELS, STATE_COLORS, cv3, pct } from './rotation-access.ts';
import { rotationApi } from './rotation-api.ts';

function ResultPanel({ plan }: { plan: RotationPlanDetail }) {
  const r = plan.result;
  if (!r) return <Alert type="info" showIcon message="方案尚未计算。点击“计算方案”，系统将按规则从应交流教师中提出调动建议。" />;
  return (
    <>
      {!plan.computedAt && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message="方案已人工调整，以下结果为调整前的计算结果，请点击“重新计算”。"
        />
      )}
      {r.problems.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} message="未满足的要求" description={r.problems.join('；')} />
      )}
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={`交流人数（派出学校应交流 ${r.eligibleSending} 人）`}
              value={r.rotated}
              suffix={`/ 至少 ${r.requiredRotated}`}
            />
            <Tag color={r.isMinimumMet ? 'green' : 'red'}>
              {r.isMinimumMet ? '达到' : '未达到'}交流比例 {pct(r.share)}
            </Tag>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="骨干教师" value={r.backbone} suffix={`/ 至少 ${r.requiredBackbone}`} />
            <Tag color={r.isBackboneMet ? 'green' : 'red'}>骨干占比 {pct(r.backboneShare)}</Tag>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="差异系数合计（4项）" value={`${cv3(r.objectiveBefore)} → ${cv3(r.objectiveAfter)}`} />
            <Typography.Text type="secondary">下界 {cv3(r.lowerBound)}</Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="计算用时" value={`${(r.elapsedMs / 1000).toFixed(1)} 秒`} />
            <Typography.Text type="secondary">
              基准：{r.baselineYear}学年指标；候选 {r.candidates} 人
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      <Card size="small" title="优质均衡差异系数：调整前后（按学段）" style={{ marginBottom: 12 }}>
        <BarChart
          ariaLabel="各指标差异系数调整前后对比"
          categories={r.cv.map((c) => c.label)}
          series={[
            { name: '调整前', values: r.cv.map((c) => Number((c.before ?? 0).toFixed(3))) },
            { name: '调整后', values: r.cv.map((c) => Number((c.after ?? 0).toFixed(3))) },
            { name: '理论下界', values: r.cv.map((c) => Number((c.lowerBound ?? 0).toFixed(3))) },
          ]}
          height={260}
        />
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {r.cv.map((c) => `${c.label} ${cv3(c.before)}→${cv3(c.after)}`).join('；')}
          。理论下界为允许“分数名教师”自由调配时的最小值，实际方案不可能低于它。
        </Typography.Paragraph>
      </Card>
    </>
  );
}

export default function PlanDetailPage() {
  const id = Number(useParams().id);
  const { message } = App.useApp();
  const lp = useListParams(20);
  const plan = useQuery(`rotation-plan:${id}`, (signal) => rotationApi.plan(id, signal));
  const moves = useQuery(`rotation-moves:${id}:${lp.key}`, (signal) =>
    rotationApi.moves(id, { page: lp.page, pageSize: lp.pageSize, q: lp.filters.q, schoolId: lp.filters.schoolId }, signal),
  );
  const [isBusy, setBusy] = useState(false);
  const [redirect, setRedirect] = useState<RotationMove | null>(null);
  const [exclude, setExclude] = useState<{ teacherId: number; name: string } | null>(null);
  const [isAdding, setAdding] = useState(false);
  const [action, setAction] = useState<{ action: string; label: string } | null>(null);
  const [form] = Form.useForm();
  const p = plan.data;

  const run = async (fn: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await fn();
      message.success(done);
      plan.reload();
      moves.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (!p) return <ErrorAlert error={plan.error} onRetry={plan.reload} />;
  const canEdit = p.canEdit;
  return (
    <>
      <PageHeader
        title={p.title}
        subTitle={
          <Space wrap>
            <Tag color={STATE_COLORS[p.state]}>{p.stateLabel}</Tag>
            <span>
              {p.year}学年，生效日期 {p.effectiveFrom}；依据 {p.ruleSetTitle}（{p.documentNumber}）
            </span>
          </Space>
        }
        extra={
          <Space wrap>
            {canEdit && (
              <Button type="primary" loading={isBusy} onClick={() => void run(() => rotationApi.optimize(id), '方案已计算')}>
                {p.result ? '重新计算' : '计算方案'}
              </Button>
            )}
            {canEdit && <Button onClick={() => setAdding(true)}>人工安排调动</Button>}
            {p.actions.map((a) => (
              <Button
                key={a.action}
                danger={a.isSendBack || a.action === 'cancel'}
                loading={isBusy}
                onClick={() =>
                  a.requiresNote
                    ? setAction(a)
                    : void run(() => rotationApi.transition(id, { action: a.action, expectedVersion: p.version }), `已${a.label}`)
                }
              >
                {a.label}
              </Button>
            ))}
          </Space>
        }
      />
      <ResultPanel plan={p} />
      {p.state !== 'draft' && (
        <Alert
          style={{ marginBottom: 12 }}
          type="info"
          showIcon
          message={`学校审核：同意 ${p.reviews.accepted} 条，待审核 ${p.reviews.pending} 条，有异议 ${p.reviews.objected} 条；教师已确认 ${p.reviews.acknowledged} 人`}
        />
      )}
      <Card
        size="small"
        title={`调动（${moves.data?.total ?? 0}）`}
        extra={
          <Space wrap>
            <Input.Search
              allowClear
              placeholder="教师姓名"
              style={{ width: 160 }}
              defaultValue={lp.filters.q}
              onSearch={(v) => lp.setFilters({ q: v || null })}
            />
            <SchoolSelect
              allowClear
              style={{ width: 240 }}
              value={lp.filters.schoolId ? Number(lp.filters.schoolId) : null}
              onChange={(v) => lp.setFilters({ schoolId: v })}
            />
          </Space>
        }
      >
        <PagedTable<RotationMove>
          data={moves.data}
          isLoading={moves.isLoading}
          error={moves.error}
          onRetry={moves.reload}
          page={lp.page}
          pageSize={lp.pageSize}
          onPageChange={lp.setPage}
          rowKey="id"
          empty={canEdit ? '还没有调动。点击上方“计算方案”由系统提出建议，或“人工安排调动”。' : '方案中没有调动。'}
          columns={[
            {
              title: '教师',
              render: (_, m) => (
                <Space direction="vertical" size={0}>
                  <span>
                    {m.teacherName} {m.isBackbone && <Tag color={m.countsAsBackbone ? 'gold' : 'default'}>骨干</Tag>}
                  </span>
                  <Typography.Text type="secondary">
                    {STAGE_LABELS[m.stage]} {m.subject ?? ''}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: '派出学校', dataIndex: 'fromSchoolName' },
            { title: '交流学校', render: (_, m) => `${m.toSchoolName}${m.distanceKm !== null ? `（${m.distanceKm} 公里）` : ''}` },
            { title: '方式', render: (_, m) => KIND_LABELS[m.kind] },
            {
              title: '来源',
              render: (_, m) => (
                <Tag color={m.source === 'locked' ? 'purple' : m.source === 'manual' ? 'blue' : 'default'}>{SOURCE_LABELS[m.source]}</Tag>
              ),
            },
            {
              title: '理由',
              render: (_, m) => (
                <ul style={{ margin: 0, paddingLeft: 16, minWidth: 300, maxWidth: 380, whiteSpace: 'normal' }}>
                  {m.reasons.map((x, i) => (
                    <li key={i}>{x}</li>
                  ))}
                </ul>
              ),
            },
            ...(p.state === 'draft'
              ? []
              : [
                  {
                    title: '学校审核',
                    render: (_: unknown, m: RotationMove) => (
                      <Space direction="vertical" size={0}>
                        <Tag color={REVIEW_COLORS[m.fromReview]}>派出：{REVIEW_LABELS[m.fromReview]}</Tag>
                        <Tag color={REVIEW_COLORS[m.toReview]}>接收：{REVIEW_LABELS[m.toReview]}</Tag>
                        {(m.fromReviewNote || m.toReviewNote) && (
                          <Typography.Text type="danger">{[m.fromReviewNote, m.toReviewNote].filter(Boolean).join('；')}</Typography.Text>
                        )}
                      </Space>
                    ),
                  },
                  {
                    title: '教师确认',
                    render: (_: unknown, m: RotationMove) => (m.acknowledgedAt ? formatDateTime(m.acknowledgedAt) : '未确认'),
                  },
                ]),
            ...(canEdit
              ? [
                  {
                    title: '操作',
                    render: (_: unknown, m: RotationMove) => (
                      <Space wrap size={4}>
                        {m.source !== 'manual' && (
                          <Button
                            size="small"
                            onClick={() =>
                              void run(
                                () => rotationApi.updateMove(id, m.id, { isLocked: m.source !== 'locked' }),
                                m.source === 'locked' ? '已解除锁定' : '已锁定',
                              )
                            }
                          >
                            {m.source === 'locked' ? '解锁' : '锁定'}
                          </Button>
                        )}
                        <Button size="small" onClick={() => setRedirect(m)}>
                          改派
                        </Button>
                        <Button size="small" onClick={() => setExclude({ teacherId: m.teacherId, name: m.teacherName })}>
                          排除
                        </Button>
                        <Button size="small" danger onClick={() => void run(() => rotationApi.removeMove(id, m.id), '已删除')}>
                          删除
                        </Button>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {p.exclusions.length > 0 && (
        <Card size="small" title="已排除的教师" style={{ marginTop: 12 }}>
          <Descriptions size="small" column={1}>
            {p.exclusions.map((x) => (
              <Descriptions.Item key={x.teacherId} label={`${x.name}（${x.schoolName}）`}>
                {x.reason}{' '}
                {canEdit && (
                  <Button type="link" size="small" onClick={() => void run(() => rotationApi.include(id, x.teacherId), '已撤销排除')}>
                    撤销排除
                  </Button>
                )}
              </Descriptions.Item>
            ))}
          </Descriptions>
        </Card>
      )}
      <Card size="small" title="流程记录" style={{ marginTop: 12 }}>
        <Timeline
          items={p.log.map((l) => ({
            color: l.isSendBack ? 'red' : 'blue',
            children: `${formatDateTime(l.at)} ${l.actorName}：${l.action}${l.toState ? `（→ ${l.toState}）` : ''}${l.note ? `（${l.note}）` : ''}`,
          }))}
        />
      </Card>
      <Modal
        open={redirect !== null}
        title={`改派：${redirect?.teacherName ?? ''}`}
        onCancel={() => setRedirect(null)}
        okText="保存"
        onOk={() =>
          form
            .validateFields()
            .then((v: { toSchoolId: number }) =>
              run(() => rotationApi.updateMove(id, redirect!.id, { toSchoolId: v.toSchoolId }), '已改派，请重新计算').then(() =>
                setRedirect(null),
              ),
            )
        }
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="toSchoolId" label="交流学校" rules={[{ required: true, message: '请选择交流学校' }]}>
            <SchoolSelect includeClosed={false} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={exclude !== null}
        title={`排除：${exclude?.name ?? ''}`}
        onCancel={() => setExclude(null)}
        okText="排除"
        onOk={() =>
          form
            .validateFields()
            .then((v: { reason: string }) =>
              run(() => rotationApi.exclude(id, { teacherId: exclude!.teacherId, reason: v.reason }), '已排除，请重新计算').then(() =>
                setExclude(null),
              ),
            )
        }
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="reason" label="排除原因" rules={[{ required: true, whitespace: true, message: '请填写排除原因' }]}>
            <Input.TextArea rows={2} maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={isAdding}
        title="人工安排调动"
        onCancel={() => setAdding(false)}
        okText="保存"
        onOk={() =>
          form
            .validateFields()
            .then((v: { teacherId: number; toSchoolId: number; kind?: 'full' | 'partial' }) =>
              run(() => rotationApi.addMove(id, v), '已安排，请重新计算').then(() => setAdding(false)),
            )
        }
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="teacherId" label="教师（本学年应交流）" rules={[{ required: true, message: '请选择教师' }]}>
            <RemoteSelect
              placeholder="输入姓名搜索"
              notFoundText="没有符合条件的应交流教师"
              fetchOptions={(search, signal) =>
                rotationApi.eligible({ year: p.year, status: 'eligible', q: search || undefined, pageSize: 20 }, signal).then((r) =>
                  r.items.map((t) => ({
                    value: t.teacherId,
                    label: `${t.name}（${t.schoolName}，${STAGE_LABELS[t.stage ?? ''] ?? ''}${t.subject ?? ''}）`,
                  })),
                )
              }
            />
          </Form.Item>
          <Form.Item name="toSchoolId" label="交流学校" rules={[{ required: true, message: '请选择交流学校' }]}>
            <SchoolSelect includeClosed={false} />
          </Form.Item>
          <Form.Item name="kind" label="方式">
            <Select allowClear placeholder="按规则默认" options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={action !== null}
        title={action?.label}
        onCancel={() => setAction(null)}
        okText="确定"
        onOk={() =>
          form
            .validateFields()
            .then((v: { note: string }) =>
              run(
                () => rotationApi.transition(id, { action: action!.action, note: v.note, expectedVersion: p.version }),
                `已${action!.label}`,
              ).then(() => setAction(null)),
            )
        }
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="note" label="理由" rules={[{ required: true, whitespace: true, message: '请填写理由' }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
