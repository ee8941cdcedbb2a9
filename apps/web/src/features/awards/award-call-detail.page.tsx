/** One award round: its steps and log, the actions of the 教师科, and tabs for each stage of the work. */
import type { AwardCallDetail } from '@zhiping/contracts';
import { AWARD_CALL_STATES, AWARD_CALL_WORKFLOW, type AwardCallState } from '@zhiping/domain';
import { App, Button, Card, DatePicker, Descriptions, Input, Modal, Skeleton, Steps, Tabs, Tag, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useMe } from '../auth/auth-context.tsx';
import { isAwardDistrict } from './award-access.ts';
import { ApplicationsTab } from './award-applications-tab.tsx';
import { AssignmentTab } from './award-assignment-tab.tsx';
import { CityTab } from './award-city-tab.tsx';
import { NoticeTab } from './award-notice-tab.tsx';
import { RankingTab } from './award-ranking-tab.tsx';
import { CallStateTag } from './award-tags.tsx';
import { awardsApi } from './awards-api.ts';

type Action = AwardCallDetail['actions'][number];
const label = (s: string | null) => (s ? (AWARD_CALL_WORKFLOW.states[s as AwardCallState]?.label ?? s) : '—');
const STEPS = AWARD_CALL_STATES;

/** Which tabs a round in a state shows. */
const AFTER = (state: string, from: AwardCallState) => STEPS.indexOf(state as AwardCallState) >= STEPS.indexOf(from);

export default function AwardCallDetailPage() {
  const id = Number(useParams().id);
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { message, modal } = App.useApp();
  const q = useQuery(`award-call:${id}`, (signal) => awardsApi.call(id, signal));
  const [asking, setAsking] = useState<Action | null>(null);
  const [note, setNote] = useState('');
  const [start, setStart] = useState<Dayjs>(dayjs());
  const [isBusy, setBusy] = useState(false);
  if (q.error && !q.data) return <ErrorAlert error={q.error} onRetry={q.reload} />;
  if (!q.data) return <Skeleton active />;
  const c = q.data;
  const isDistrict = isAwardDistrict(me);

  const run = async (a: Action, extra: { note?: string; publicityStart?: string } = {}) => {
    setBusy(true);
    try {
      await awardsApi.transition(id, { action: a.action, expectedVersion: c.version, ...extra });
      message.success(`已${a.label}`);
      setAsking(null);
      q.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const click = (a: Action) => {
    if (a.requiresNote || a.action === 'start_publicity') {
      setNote('');
      setStart(dayjs());
      setAsking(a);
    } else modal.confirm({ title: `确认${a.label}？`, okText: a.label, cancelText: '取消', onOk: () => run(a) });
  };

  const tabs = [
    { key: 'applications', label: '申报', children: <ApplicationsTab call={c} /> },
    ...(c.canManage && AFTER(c.state, 'open')
      ? [
          {
            key: 'check',
            label: `形式审查${c.counts.submitted ? `（${c.counts.submitted}）` : ''}`,
            children: <ApplicationsTab call={c} isCheckQueue onChange={q.reload} />,
          },
        ]
      : []),
    ...(c.canManage && AFTER(c.state, 'formal_check') ? [{ key: 'assign', label: '评审分配', children: <AssignmentTab call={c} /> }] : []),
    ...(isDistrict && AFTER(c.state, 'reviewing') ? [{ key: 'ranking', label: '评分汇总与排名', children: <RankingTab call={c} /> }] : []),
    ...(AFTER(c.state, 'publicity') || (isDistrict && AFTER(c.state, 'ranked'))
      ? [
          {
            key: 'notice',
            label: c.state === 'publicity' ? '公示与异议' : '获奖名单',
            children: <NoticeTab call={c} onChange={q.reload} />,
          },
        ]
      : []),
    ...(isDistrict && AFTER(c.state, 'final')
      ? [{ key: 'city', label: '推荐市级', children: <CityTab call={c} onChange={q.reload} /> }]
      : []),
    {
      key: 'rules',
      label: '规则与流程',
      children: (
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
            <Descriptions.Item label="依据">{c.rules.basis}</Descriptions.Item>
            <Descriptions.Item label="规则版本">{c.rules.version}</Descriptions.Item>
            <Descriptions.Item label="每项评审专家">{c.rules.reviewersPerApplication} 人</Descriptions.Item>
            <Descriptions.Item label="去最高最低分">专家数 ≥ {c.rules.trimFromReviewers} 时</Descriptions.Item>
            <Descriptions.Item label="回避">现任职学校、{c.rules.coiLookbackYears} 年内任职学校、本人参与的成果</Descriptions.Item>
            <Descriptions.Item label="公示">
              {c.rules.publicity.days} 个{c.rules.publicity.kind === 'working' ? '工作日' : '自然日'}
            </Descriptions.Item>
            <Descriptions.Item label="获奖名额">
              一等 {c.rules.gradeQuotas.first}、二等 {c.rules.gradeQuotas.second}、三等 {c.rules.gradeQuotas.third}（最低{' '}
              {c.rules.minAwardScore} 分）
            </Descriptions.Item>
            <Descriptions.Item label="推荐市级名额">{c.rules.cityQuota} 项</Descriptions.Item>
            <Descriptions.Item label="评分细则" span={2}>
              {c.rubric.map((r) => `${r.title}（${r.maxPoints}分）`).join('；')}
            </Descriptions.Item>
            {c.drawSeed !== null && <Descriptions.Item label="抽取专家随机种子">{c.drawSeed}</Descriptions.Item>}
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            流程记录
          </Typography.Title>
          <Timeline
            items={c.log.map((e) => ({
              color: e.isSendBack ? 'red' : 'blue',
              content: (
                <>
                  <Typography.Text strong>
                    {label(e.fromState)} → {label(e.toState)}
                  </Typography.Text>{' '}
                  {e.isSendBack && <Tag color="red">退回</Tag>}
                  <Typography.Text type="secondary">
                    {e.actorName} · {formatDateTime(e.at)}
                  </Typography.Text>
                  {e.note && <div>{e.note}</div>}
                </>
              ),
            }))}
          />
        </Card>
      ),
    },
  ];
  const active = tabs.some((t) => t.key === params.get('tab')) ? params.get('tab')! : tabs[0]!.key;

  return (
    <>
      <PageHeader
        title={c.title}
        subTitle={<CallStateTag state={c.state} label={c.stateLabel} />}
        extra={
          <>
            {c.canManage && (c.state === 'draft' || c.state === 'open') && (
              <Button onClick={() => void navigate(`/awards/calls/${id}/edit`)}>修改</Button>
            )}
            {c.actions.map((a) => (
              <Button
                key={a.action}
                type={a.isSendBack ? 'default' : 'primary'}
                danger={a.isSendBack}
                loading={isBusy}
                onClick={() => click(a)}
              >
                {a.label}
              </Button>
            ))}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Steps
          size="small"
          current={Math.max(0, STEPS.indexOf(c.state as AwardCallState) - 1)}
          status={c.state === 'concluded' ? 'finish' : 'process'}
          items={STEPS.slice(1).map((s) => ({ title: AWARD_CALL_WORKFLOW.states[s].label }))}
          responsive
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          申报期 {formatDate(c.applicationsOpenOn)} 至 {formatDate(c.applicationsDueOn)}，评审截止 {formatDate(c.reviewDueOn)}
          {c.publicityStart && `，公示期 ${formatDate(c.publicityStart)} 至 ${formatDate(c.publicityEnd)}`}
          {c.openObjections > 0 && `，待处理异议 ${c.openObjections} 条`}。
        </Typography.Paragraph>
        {c.notice && (
          <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0, whiteSpace: 'pre-wrap' }}>{c.notice}</Typography.Paragraph>
        )}
      </Card>
      <Tabs activeKey={active} onChange={(k) => setParams({ tab: k }, { replace: true })} items={tabs} />
      <Modal
        title={asking?.label}
        open={asking !== null}
        okText={asking?.label}
        cancelText="取消"
        confirmLoading={isBusy}
        onCancel={() => setAsking(null)}
        onOk={() =>
          asking && void run(asking, asking.action === 'start_publicity' ? { publicityStart: start.format('YYYY-MM-DD') } : { note })
        }
      >
        {asking?.action === 'start_publicity' ? (
          <>
            <Typography.Paragraph>公示开始日期（公示在局网站发布的当天；公示期按规则自动计算）：</Typography.Paragraph>
            <DatePicker value={start} onChange={(d) => d && setStart(d)} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </>
        ) : (
          <Input.TextArea rows={3} value={note} onChange={(e) => setNote(e.target.value)} placeholder="请填写理由" />
        )}
      </Modal>
    </>
  );
}
