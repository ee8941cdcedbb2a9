/**
 * /growth/rounds/:id: one selection round — applications (self or school nomination, prefilled from what
 * the district holds), reviewers and their scores, consolidation and top-N selection with manual
 * adjustments, and the published list.
 */
import { ApplicationInput, type ApplicationPrefill, type ApplicationRow, type ReviewerCandidate } from '@zhiping/contracts';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Radio, Select, Skeleton, Space, Switch, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { DownloadButton } from '../../components/export-button.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { formatDate } from '../../lib/format.ts';
import { useListParams } from '../../lib/use-list-params.ts';
import { useQuery } from '../../lib/use-query.ts';
import { growthApi } from './growth-api.ts';
import { submitWith } from './growth-form.ts';
import { STATE_COLORS } from './round-list.page.tsx';
import { TeacherSelect } from './teacher-select.tsx';

function ScoreCell({ row, onSaved }: { row: ApplicationRow; onSaved: () => void }) {
  const { message } = App.useApp();
  const [value, setValue] = useState<number | null>(row.myScore);
  const save = async () => {
    if (value === null) return;
    try {
      await growthApi.score(row.id, { score: value, comment: '' });
      message.success(`已为${row.teacher.name}评分`);
      onSaved();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Space.Compact>
      <InputNumber
        aria-label={`${row.teacher.name}的评分`}
        min={0}
        max={100}
        step={0.5}
        value={value}
        onChange={setValue}
        style={{ width: 80 }}
      />
      <Button onClick={() => void save()} disabled={value === null || value === row.myScore}>
        保存
      </Button>
    </Space.Compact>
  );
}

function PrefillView({ p }: { p: ApplicationPrefill }) {
  return (
    <Descriptions size="small" bordered column={2} style={{ marginBottom: 12 }} title="区里已有的信息（自动带入，无需填写）">
      <Descriptions.Item label="教师">{p.teacher.name}</Descriptions.Item>
      <Descriptions.Item label="学校">{p.teacher.schoolName}</Descriptions.Item>
      <Descriptions.Item label="学科">{p.teacher.subject ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="职称">{p.title}</Descriptions.Item>
      <Descriptions.Item label="骨干认定" span={2}>
        {p.recognitions.length ? p.recognitions.map((r) => <Tag key={r.id}>{`${r.level}（${r.issuedOn.slice(0, 4)}）`}</Tag>) : '—'}
      </Descriptions.Item>
      <Descriptions.Item label="工作室">{p.studios.join('、') || '—'}</Descriptions.Item>
      <Descriptions.Item label="最近考核">{p.latestTest ? `${p.latestTest.year} 年 ${p.latestTest.total} 分` : '—'}</Descriptions.Item>
    </Descriptions>
  );
}

export default function RoundDetailPage() {
  const id = Number(useParams().id);
  const { message, modal } = App.useApp();
  const lp = useListParams();
  const r = useQuery(`round:${id}`, (signal) => growthApi.round(id, signal));
  const apps = useQuery(`round-apps:${id}:${lp.key}`, (signal) =>
    growthApi.applications(id, { page: lp.page, pageSize: lp.pageSize, selected: lp.filters.selected, q: lp.filters.q }, signal),
  );
  const [applyFor, setApplyFor] = useState<'self' | 'school' | null>(null);
  const [nominee, setNominee] = useState<number | null>(null);
  const [prefill, setPrefill] = useState<ApplicationPrefill | null>(null);
  const [adjusting, setAdjusting] = useState<ApplicationRow | null>(null);
  const [isReviewerOpen, setReviewerOpen] = useState(false);
  const [candidates, setCandidates] = useState<ReviewerCandidate[]>([]);
  const [reviewerIds, setReviewerIds] = useState<number[]>([]);
  const [form] = Form.useForm();
  const [adjustForm] = Form.useForm();

  useEffect(() => {
    const teacherId = applyFor === 'school' ? nominee : undefined;
    if (applyFor === null || (applyFor === 'school' && !nominee)) {
      setPrefill(null);
      return;
    }
    const controller = new AbortController();
    growthApi
      .prefill(id, teacherId ?? undefined, controller.signal)
      .then(setPrefill)
      .catch((e: unknown) => {
        if (!controller.signal.aborted) message.error(errorMessage(e));
      });
    return () => controller.abort();
  }, [applyFor, nominee, id, message]);

  if (r.error && !r.data) return <ErrorAlert error={r.error} onRetry={r.reload} />;
  if (!r.data) return <Skeleton active />;
  const round = r.data;
  const reload = () => {
    r.reload();
    apps.reload();
  };
  const act = (action: 'close' | 'consolidate' | 'publish' | 'reopen', label: string) =>
    modal.confirm({
      title: `确认${label}？`,
      content: action === 'publish' ? '公布后名单对全区可见，入选者进入教师成长档案；师德处分期内的教师自动不予入选。' : undefined,
      okText: label,
      onOk: async () => {
        try {
          await growthApi.roundAction(id, action);
          message.success(`已${label}`);
          reload();
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });
  const submitApplication = async () => {
    const ok = await submitWith(
      form,
      ApplicationInput,
      (input) => growthApi.apply(id, input),
      message,
      '申报已提交',
      (v) => ({
        teacherId: applyFor === 'school' ? (nominee ?? undefined) : undefined,
        title: v.title ?? '',
        materialLink: v.materialLink ?? '',
        statement: v.statement ?? '',
      }),
    );
    if (ok) {
      setApplyFor(null);
      reload();
    }
  };
  const openReviewers = async () => {
    setReviewerIds(round.reviewers.map((x) => x.id));
    try {
      setCandidates(await growthApi.reviewerCandidates(''));
    } catch (e) {
      message.error(errorMessage(e));
    }
    setReviewerOpen(true);
  };
  const saveReviewers = async () => {
    try {
      await growthApi.setReviewers(id, reviewerIds);
      message.success('评审已更新');
      setReviewerOpen(false);
      r.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const saveAdjustment = async () => {
    const v = (await adjustForm.validateFields()) as { adjustment: string; reason?: string };
    try {
      await growthApi.adjust(adjusting!.id, {
        adjustment: v.adjustment === 'none' ? null : (v.adjustment as 'include'),
        reason: v.reason ?? '',
      });
      message.success('已调整');
      setAdjusting(null);
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const withdraw = (a: ApplicationRow) =>
    modal.confirm({
      title: `撤回${a.teacher.name}的申报？`,
      okText: '撤回',
      onOk: async () => {
        try {
          await growthApi.withdraw(a.id);
          reload();
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });
  const isDemo = round.kind === 'demo_lesson';
  const canScore = round.isReviewer && round.state === 'reviewing';
  return (
    <>
      <PageHeader
        title={round.name}
        subTitle={`名额 ${round.target}，申报 ${formatDate(round.opensOn)} 至 ${formatDate(round.closesOn)}`}
        extra={
          <Space wrap>
            <Tag color={STATE_COLORS[round.state]}>{round.stateLabel}</Tag>
            {round.canApplySelf && (
              <Button
                type="primary"
                onClick={() => {
                  form.resetFields();
                  setApplyFor('self');
                }}
              >
                我要申报
              </Button>
            )}
            {round.nominateSchoolIds.length > 0 && (
              <Button
                onClick={() => {
                  form.resetFields();
                  setNominee(null);
                  setApplyFor('school');
                }}
              >
                推荐本校教师
              </Button>
            )}
            {round.canManage && round.state === 'open' && (
              <>
                <Button
                  onClick={() => {
                    form.resetFields();
                    setNominee(null);
                    setApplyFor('school');
                  }}
                >
                  代为录入申报
                </Button>
                <Button onClick={() => act('close', '截止申报')}>截止申报</Button>
              </>
            )}
            {round.canManage && round.state !== 'published' && (
              <Button onClick={() => void openReviewers()}>指定评审（{round.reviewers.length}）</Button>
            )}
            {round.canManage && round.state === 'reviewing' && (
              <>
                <Button onClick={() => act('reopen', '重新开放申报')}>重新开放</Button>
                <Button onClick={() => act('consolidate', '汇总评分')}>汇总评分</Button>
                <Button type="primary" onClick={() => act('publish', '公布名单')}>
                  公布名单
                </Button>
              </>
            )}
            <DownloadButton path={`/growth/rounds/${id}/applications/export`} fileName={`${round.name}.xlsx`} />
          </Space>
        }
      />
      {round.ownApplicationId !== null && (
        <Alert type="success" showIcon style={{ marginBottom: 12 }} message="您已申报本次评选，结果公布后可在“我的成长”中查看。" />
      )}
      {round.isReviewer && round.state === 'open' && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message="您是本次评选的评审。申报截止后即可在下表评分（0–100 分）。" />
      )}
      {round.canManage && round.reviewers.length > 0 && (
        <Card size="small" style={{ marginBottom: 12 }} title="评审进度">
          {round.reviewers.map((x) => (
            <Tag key={x.id}>{`${x.name}：已评 ${x.scored} / ${round.applications}`}</Tag>
          ))}
          <div style={{ marginTop: 6, color: '#888' }}>综合得分取各评审分数的平均值；评审不少于 5 人时去掉一个最高分和一个最低分。</div>
        </Card>
      )}
      <Card
        size="small"
        title={round.state === 'published' ? '入选名单与申报' : '申报'}
        extra={
          <Space wrap>
            <span>
              只看入选 <Switch checked={lp.filters.selected === 'true'} onChange={(v) => lp.setFilters({ selected: v ? 'true' : null })} />
            </span>
            <Input.Search
              allowClear
              placeholder="教师、课题或学校"
              style={{ width: 200 }}
              defaultValue={lp.filters.q}
              onSearch={(v) => lp.setFilters({ q: v })}
            />
          </Space>
        }
      >
        <PagedTable<ApplicationRow>
          data={apps.data}
          isLoading={apps.isLoading}
          error={apps.error}
          onRetry={apps.reload}
          page={lp.page}
          pageSize={lp.pageSize}
          onPageChange={lp.setPage}
          rowKey="id"
          scrollX={1100}
          empty={round.state === 'open' ? '尚无申报。申报期间教师可本人申报，学校管理员可推荐本校教师。' : '没有可显示的申报。'}
          columns={[
            { title: '教师', render: (_, a) => <Link to={`/teachers/${a.teacher.id}/growth`}>{a.teacher.name}</Link> },
            { title: '学校', render: (_, a) => a.teacher.schoolName },
            { title: '学科', dataIndex: 'subject' },
            ...(isDemo
              ? [
                  {
                    title: '课题',
                    render: (_: unknown, a: ApplicationRow) =>
                      a.materialLink ? (
                        <a href={a.materialLink} target="_blank" rel="noreferrer">
                          {a.title}
                        </a>
                      ) : (
                        a.title
                      ),
                  },
                ]
              : []),
            { title: '方式', render: (_, a) => (a.source === 'self' ? '本人申报' : '学校推荐') },
            ...(canScore
              ? [{ title: '我的评分', render: (_: unknown, a: ApplicationRow) => <ScoreCell row={a} onSaved={apps.reload} /> }]
              : []),
            ...(round.canManage ? [{ title: '已评', dataIndex: 'scoreCount', align: 'right' as const }] : []),
            { title: '综合得分', render: (_, a) => a.finalScore ?? '—', align: 'right' },
            { title: '名次', render: (_, a) => a.rank ?? '—', align: 'right' },
            {
              title: '结果',
              render: (_, a) => (
                <Space size={2} wrap>
                  {a.isSelected && <Tag color="green">入选</Tag>}
                  {a.blockedReason && (
                    <Tag color="red" title={a.blockedReason}>
                      师德限制
                    </Tag>
                  )}
                  {a.adjustment && (
                    <Tag color="orange" title={a.adjustmentReason ?? ''}>
                      {a.adjustment === 'include' ? '人工调入' : '人工调出'}
                    </Tag>
                  )}
                </Space>
              ),
            },
            {
              title: '',
              render: (_, a) => (
                <Space size={0}>
                  {round.canManage && round.state === 'reviewing' && (
                    <Button
                      type="link"
                      size="small"
                      onClick={() => {
                        adjustForm.setFieldsValue({ adjustment: a.adjustment ?? 'none', reason: a.adjustmentReason ?? '' });
                        setAdjusting(a);
                      }}
                    >
                      调整
                    </Button>
                  )}
                  {round.state === 'open' &&
                    (round.canManage || round.ownApplicationId === a.id || round.nominateSchoolIds.includes(a.teacher.schoolId ?? -1)) && (
                      <Button type="link" size="small" danger onClick={() => withdraw(a)}>
                        撤回
                      </Button>
                    )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        open={applyFor !== null}
        title={applyFor === 'self' ? '我要申报' : '推荐申报'}
        okText="提交申报"
        width={720}
        okButtonProps={{ disabled: !prefill || prefill.blockedReason !== null }}
        onOk={() => void submitApplication()}
        onCancel={() => setApplyFor(null)}
        destroyOnHidden
      >
        {applyFor === 'school' && (
          <div style={{ marginBottom: 12 }}>
            <TeacherSelect value={nominee} onChange={(v) => setNominee(typeof v === 'number' ? v : null)} aria-label="申报教师" />
          </div>
        )}
        {prefill && <PrefillView p={prefill} />}
        {prefill?.blockedReason && <Alert type="error" showIcon message={prefill.blockedReason} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical">
          {isDemo && (
            <Form.Item name="title" label="课题" rules={[{ required: true, message: '请填写示范课课题' }]}>
              <Input maxLength={200} />
            </Form.Item>
          )}
          <Form.Item name="materialLink" label={isDemo ? '课堂实录或教学设计链接' : '材料链接（可选）'}>
            <Input placeholder="https://" maxLength={500} />
          </Form.Item>
          <Form.Item name="statement" label="申报说明（可选）">
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={isReviewerOpen}
        title="指定评审"
        okText="保存"
        onOk={() => void saveReviewers()}
        onCancel={() => setReviewerOpen(false)}
        destroyOnHidden
      >
        <p style={{ color: '#888' }}>评审可为区级用户或教师账号；评审不能为本人的申报评分。</p>
        <Select
          mode="multiple"
          style={{ width: '100%' }}
          value={reviewerIds}
          onChange={setReviewerIds}
          showSearch
          optionFilterProp="label"
          options={[
            ...round.reviewers.filter((x) => !candidates.some((c) => c.id === x.id)).map((x) => ({ value: x.id, label: x.name })),
            ...candidates.map((c) => ({ value: c.id, label: `${c.name}（${c.username}，${c.roleLabel}）` })),
          ]}
          onSearch={(text) =>
            void growthApi
              .reviewerCandidates(text)
              .then(setCandidates)
              .catch(() => {})
          }
          aria-label="评审"
        />
      </Modal>
      <Modal
        open={adjusting !== null}
        title={`人工调整：${adjusting?.teacher.name ?? ''}`}
        okText="保存"
        onOk={() => void saveAdjustment()}
        onCancel={() => setAdjusting(null)}
        destroyOnHidden
      >
        <Form form={adjustForm} layout="vertical">
          <Form.Item name="adjustment" label="调整">
            <Radio.Group
              options={[
                { value: 'none', label: '按得分' },
                { value: 'include', label: '调入' },
                { value: 'exclude', label: '调出' },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label="理由"
            dependencies={['adjustment']}
            rules={[({ getFieldValue }) => ({ required: getFieldValue('adjustment') !== 'none', message: '人工调整须说明理由' })]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
