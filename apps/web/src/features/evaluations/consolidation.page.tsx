/** 组内合议: each inspector's score per check point, the spread, flagged disagreements, the proposal and the lead's overrides. */
import type { ConsolidatedPointView } from '@zhiping/contracts';
import { Alert, App, Button, Card, Flex, Skeleton, Statistic, Switch, Table, Tag, Tooltip } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { formatNumber } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import { evaluationsApi, templatesApi } from './evaluations-api.ts';
import { OverrideDialog } from './override-dialog.tsx';
import { checkpointsOf, scoreText } from './rubric-view.ts';
import { TransitionButtons } from './transition-buttons.tsx';

export default function ConsolidationPage() {
  const id = Number(useParams().id);
  const { message } = App.useApp();
  const [onlyFlagged, setOnlyFlagged] = useState(false);
  const [editing, setEditing] = useState<ConsolidatedPointView | null>(null);
  const ev = useQuery(`evaluation:${id}`, (signal) => evaluationsApi.get(id, signal));
  const q = useQuery(`consolidation:${id}`, (signal) => evaluationsApi.consolidation(id, signal));
  const tpl = useQuery(ev.data ? `template:${ev.data.template.id}` : null, (signal) => templatesApi.get(ev.data!.template.id, signal));
  const methods = useMemo(
    () => new Map(checkpointsOf(tpl.data?.definition.nodes ?? []).map((c) => [c.node.code, c.node.method] as const)),
    [tpl.data],
  );
  const error = q.error ?? ev.error;
  if (error && !q.data) return <ErrorAlert error={error} onRetry={q.reload} />;
  if (!q.data || !ev.data) return <Skeleton active />;
  const c = q.data;
  const reload = () => {
    q.reload();
    ev.reload();
  };
  const undo = async (code: string) => {
    try {
      await evaluationsApi.removeOverride(id, code);
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const rows = onlyFlagged ? c.points.filter((p) => p.isFlagged || p.isTie) : c.points;
  return (
    <>
      <PageHeader
        title={`组内合议 · ${ev.data.schoolName}`}
        subTitle={
          <Link to={`/evaluations/${id}`}>
            {ev.data.campaignName} · {ev.data.stateLabel}
          </Link>
        }
        extra={<TransitionButtons evaluation={ev.data} onDone={reload} />}
      />
      <Flex gap={16} wrap style={{ marginBottom: 12 }}>
        <Card size="small">
          <Statistic title="预计总分" value={c.preview.total} suffix={`/ ${c.preview.scale}`} />
        </Card>
        <Card size="small">
          <Statistic title="预计等次" value={c.preview.band ?? c.preview.verdictLabel} />
        </Card>
        <Card size="small">
          <Statistic title="分歧较大" value={c.flagged.length} valueStyle={{ color: c.flagged.length ? '#cf1322' : undefined }} />
        </Card>
        <Card size="small">
          <Statistic title="待组长决定" value={c.unresolved.length} />
        </Card>
      </Flex>
      {c.notScored.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={`尚有 ${c.notScored.length} 个要点无人评分：${c.notScored.slice(0, 8).join('、')}`}
          style={{ marginBottom: 12 }}
        />
      )}
      {c.preview.vetoesHit.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={`触发一票否决：${c.preview.vetoesHit.map((v) => v.title).join('、')}`}
          style={{ marginBottom: 12 }}
        />
      )}
      <Flex gap={8} align="center" style={{ marginBottom: 8 }}>
        <Switch checked={onlyFlagged} onChange={setOnlyFlagged} /> 只看分歧较大（极差超过满分的 {Math.round(c.disagreementRatio * 100)}
        %）和待决定的要点
      </Flex>
      <Table<ConsolidatedPointView>
        size="small"
        rowKey="code"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowClassName={(p) => (p.isFlagged || p.isTie ? 'consolidation-flagged' : '')}
        onRow={(p) => ({ style: p.isFlagged || p.isTie ? { background: '#fff1f0' } : undefined })}
        columns={[
          { title: '要点', fixed: 'left', width: 260, render: (_, p) => `${p.code} ${p.title}` },
          { title: '满分', dataIndex: 'maxPoints' },
          {
            title: '各督学评分',
            render: (_, p) => (
              <Flex gap={4} wrap>
                {p.scores.map((s) => (
                  <Tooltip key={s.inspectorId} title={s.note ?? ''}>
                    <Tag>
                      {s.name}：{scoreText(s.input, methods.get(p.code))}
                    </Tag>
                  </Tooltip>
                ))}
              </Flex>
            ),
          },
          {
            title: '极差',
            render: (_, p) => (p.isFlagged ? <Tag color="red">{formatNumber(p.spread)} 分歧大</Tag> : formatNumber(p.spread)),
          },
          {
            title: '建议分',
            render: (_, p) => (
              <>
                {formatNumber(p.proposed.points)}
                {p.isTie && <Tag color="orange">平票</Tag>}
              </>
            ),
          },
          {
            title: '合议分',
            render: (_, p) => (
              <>
                <strong>{formatNumber(p.final.points)}</strong>
                {p.override && (
                  <Tooltip title={`${p.override.byName}：${p.override.reason}`}>
                    <Tag color="blue">已调整</Tag>
                  </Tooltip>
                )}
              </>
            ),
          },
          ...(c.isEditable
            ? [
                {
                  title: '操作',
                  render: (_: unknown, p: ConsolidatedPointView) => (
                    <Flex gap={4}>
                      <Button size="small" onClick={() => setEditing(p)}>
                        调整
                      </Button>
                      {p.override && (
                        <Button size="small" type="link" onClick={() => void undo(p.code)}>
                          撤销调整
                        </Button>
                      )}
                    </Flex>
                  ),
                },
              ]
            : []),
        ]}
      />
      <OverrideDialog
        evaluationId={id}
        point={editing}
        method={editing ? methods.get(editing.code) : undefined}
        onClose={() => setEditing(null)}
        onSaved={reload}
      />
    </>
  );
}
