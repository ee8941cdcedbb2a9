/**
 * 现场评分 (sheet "mine") and 学校自评 (sheet "self"): one check point at a time, phone-first. Every edit
 * lands in the local draft queue first and syncs when the network allows; the badge shows the state.
 */
import { LeftOutlined, MenuOutlined, RightOutlined } from '@ant-design/icons';
import type { ScoreValue } from '@zhiping/contracts';
import { Alert, App, Button, Flex, Grid, Progress, Skeleton, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { useMe } from '../auth/auth-context.tsx';
import { OpenItemsPanel } from '../rectification/open-items-panel.tsx';
import { CheckpointCard } from './checkpoint-card.tsx';
import { CheckpointIndex } from './checkpoint-index.tsx';
import { evaluationsApi } from './evaluations-api.ts';
import { checkpointsOf } from './rubric-view.ts';
import { SelfEvaluationPanel } from './self-evaluation-panel.tsx';
import { SyncBadge } from './sync-badge.tsx';
import { useScoreSync } from './use-score-sync.ts';
import { useSheetData } from './use-sheet-data.ts';

export default function ScoringPage() {
  const { id: idParam, sheet = 'mine' } = useParams();
  const id = Number(idParam);
  const me = useMe();
  const { message, modal } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const [isIndexOpen, setIndexOpen] = useState(false);
  const data = useSheetData(id, sheet);
  const sync = useScoreSync(me.id, id, sheet, data.addRecords);
  const items = useMemo(() => checkpointsOf(data.data?.template.definition.nodes ?? []), [data.data]);
  const current = Math.min(Math.max(0, Number(params.get('i') ?? 0)), Math.max(0, items.length - 1));
  const go = (i: number) => setParams({ i: String(i) }, { replace: true });

  if (data.error && !data.data) return <ErrorAlert error={data.error} onRetry={data.reload} />;
  if (!data.data || items.length === 0) return <Skeleton active />;
  const { evaluation, sheet: sheetData, selfSheet, isFromCache } = data.data;
  const isSelf = sheet === 'self';
  const view = items[current]!;
  const code = view.node.code;
  const record = data.records.find((r) => r.code === code);
  const draft = sync.draftOf(code);
  const value: ScoreValue | null = draft ? draft.input : (record?.input ?? null);
  const note = draft ? draft.note : (record?.note ?? '');
  const isScored = (c: string) => {
    const d = sync.draftOf(c);
    return d ? d.input !== null : (data.records.find((r) => r.code === c)?.input ?? null) !== null;
  };
  const scoredCount = items.filter((i) => isScored(i.node.code)).length;
  const computed = sheetData.computed.find((c) => c.code === code);
  const computedText = computed
    ? computed.value !== null
      ? `${computed.label} ${computed.value}（${computed.points ?? '—'}分）`
      : computed.reason
    : null;

  const submit = () =>
    modal.confirm({
      title: '提交本人现场评分表？',
      content: '提交后不能再修改；系统计算项会自动填写。',
      okText: '提交',
      onOk: async () => {
        try {
          await evaluationsApi.submitMine(id);
          message.success('评分表已提交');
          data.reload();
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });

  const card = (
    <CheckpointCard
      evaluationId={id}
      view={view}
      value={value}
      note={note}
      draft={draft}
      isEditable={sheetData.isEditable}
      isSelf={isSelf}
      computedText={computedText}
      onChange={(v, n) => sync.edit(code, v, n, record?.revision ?? 0)}
      onResolve={(choice) => sync.resolve(code, choice)}
      onDiscard={() => sync.discard(code)}
    />
  );
  const selfPanel = !isSelf && (
    <SelfEvaluationPanel
      evaluationId={id}
      code={code}
      method={view.node.method}
      selfSheet={selfSheet ?? undefined}
      selfError={!selfSheet}
    />
  );

  return (
    <div style={{ maxWidth: 1100, margin: '0 auto', paddingBottom: 88 }}>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {isSelf ? '学校自评' : '现场评分'} · {evaluation.schoolName}
          </Typography.Title>
          <Link to={`/evaluations/${id}`}>{evaluation.campaignName}</Link>
        </div>
        <SyncBadge {...sync.badge} onClick={() => void sync.syncNow()} />
      </Flex>
      <Progress percent={Math.round((scoredCount / items.length) * 100)} format={() => `${scoredCount}/${items.length}`} />
      {!isSelf && <OpenItemsPanel schoolId={evaluation.schoolId} schoolName={evaluation.schoolName} />}
      {isFromCache && <Alert type="info" showIcon title="离线：显示本机保存的评分表，修改会在联网后同步" style={{ marginBottom: 8 }} />}
      {sync.lastError && <Alert type="error" showIcon title={`同步失败：${sync.lastError}`} style={{ marginBottom: 8 }} />}
      {!sheetData.isEditable && (
        <Alert
          type="info"
          showIcon
          title={sheetData.submittedAt ? '评分表已提交，只读' : '当前阶段不能修改此评分表'}
          style={{ marginBottom: 8 }}
        />
      )}
      {screens.md ? (
        <Flex gap={12} align="flex-start">
          <div style={{ flex: 3, minWidth: 0 }}>{card}</div>
          {selfPanel && <div style={{ flex: 2, minWidth: 0 }}>{selfPanel}</div>}
        </Flex>
      ) : (
        <Flex vertical gap={12}>
          {card}
          {selfPanel}
        </Flex>
      )}
      {!isSelf && sheetData.isEditable && (
        <Button block size="large" style={{ marginTop: 12 }} disabled={sync.badge.pending + sync.badge.conflicts > 0} onClick={submit}>
          {sync.badge.pending + sync.badge.conflicts > 0 ? '同步完成后可提交评分表' : '提交评分表'}
        </Button>
      )}
      <Flex
        gap={8}
        style={{
          position: 'fixed',
          left: 0,
          right: 0,
          bottom: 0,
          padding: 8,
          background: '#fff',
          borderTop: '1px solid #f0f0f0',
          zIndex: 10,
        }}
      >
        <Button
          size="large"
          icon={<LeftOutlined />}
          disabled={current === 0}
          onClick={() => go(current - 1)}
          style={{ flex: 1, height: 52 }}
        >
          上一项
        </Button>
        <Button size="large" icon={<MenuOutlined />} onClick={() => setIndexOpen(true)} style={{ height: 52 }} aria-label="目录">
          {current + 1}/{items.length}
        </Button>
        <Button
          size="large"
          type="primary"
          disabled={current >= items.length - 1}
          onClick={() => go(current + 1)}
          style={{ flex: 1, height: 52 }}
        >
          下一项 <RightOutlined />
        </Button>
      </Flex>
      <CheckpointIndex
        open={isIndexOpen}
        onClose={() => setIndexOpen(false)}
        items={items}
        current={current}
        isScored={isScored}
        draftOf={sync.draftOf}
        onPick={(i) => {
          go(i);
          setIndexOpen(false);
        }}
      />
    </div>
  );
}
