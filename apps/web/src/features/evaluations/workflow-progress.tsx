/** The workflow of one school's evaluation: steps 计划 → 学校自评 → 现场评估 → 组内合议 → 督导室审核 → 发布, and the transition log. */
import { EVALUATION_STATE_LABELS, type EvaluationStateKey, type WorkflowLogEntry } from '@zhiping/contracts';
import { Steps, Tag, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../lib/format.ts';

const ORDER: EvaluationStateKey[] = ['planned', 'self_assessment', 'on_site', 'consolidation', 'review', 'published'];

/** The state's label (已计划, 学校自评 …) or the raw value. */
const RECTIFICATION_LABELS: Record<string, string> = { open: '待整改', submitted: '已提交待复核', verified: '已复核销号' };
export const stateLabel = (state: string | null) =>
  state ? (EVALUATION_STATE_LABELS[state as EvaluationStateKey] ?? RECTIFICATION_LABELS[state] ?? state) : '—';

export function WorkflowSteps({ state, isCompact }: { state: EvaluationStateKey; isCompact?: boolean }) {
  const current = ORDER.indexOf(state);
  return (
    <Steps
      size="small"
      current={current < 0 ? 0 : current}
      status={state === 'cancelled' ? 'error' : state === 'published' ? 'finish' : 'process'}
      orientation={isCompact ? 'vertical' : 'horizontal'}
      items={ORDER.map((s) => ({ title: EVALUATION_STATE_LABELS[s] }))}
    />
  );
}

export function TransitionLog({ log }: { log: WorkflowLogEntry[] }) {
  if (log.length === 0) return <Typography.Text type="secondary">尚无流程记录</Typography.Text>;
  return (
    <Timeline
      items={log.map((e) => ({
        color: e.isSendBack ? 'red' : 'blue',
        content: (
          <>
            <Typography.Text strong>
              {stateLabel(e.fromState)} → {stateLabel(e.toState)}
            </Typography.Text>{' '}
            {e.isSendBack && <Tag color="red">退回</Tag>}
            <Typography.Text type="secondary">
              {e.actorName} · {formatDateTime(e.at)}
            </Typography.Text>
            {e.note && <div>理由/说明：{e.note}</div>}
          </>
        ),
      }))}
    />
  );
}
