/**
 * Edits the score mapping between two versions of a template family (督导室): for every check point of
 * the older version, which check points of the newer one its points go to and with what factor (old
 * points × factor). Kept codes start mapped by the ratio of their maxima; a split or merged point is
 * mapped by hand. The server validates (unknown codes, double counting, factors) and audits.
 */
import type { MappingInput, TemplateDetail, TemplateNode, VersionMappingView } from '@zhiping/contracts';
import { Alert, App, Flex, InputNumber, Modal, Select, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../lib/api-error.ts';
import { templatesApi } from './evaluations-api.ts';

type Target = { code: string; factor: number };

function checkpointsOf(nodes: readonly TemplateNode[]): TemplateNode[] {
  return nodes.flatMap((n) => (n.kind === 'checkpoint' ? [n] : checkpointsOf(n.children ?? [])));
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;

export function MappingEditor({
  older,
  newer,
  mapping,
  onClose,
  onSaved,
}: {
  older: TemplateDetail;
  newer: TemplateDetail;
  mapping: VersionMappingView;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const oldPoints = useMemo(() => checkpointsOf(older.definition.nodes), [older]);
  const newPoints = useMemo(() => checkpointsOf(newer.definition.nodes), [newer]);
  const newMax = new Map(newPoints.map((n) => [n.code, n.maxPoints]));
  const [entries, setEntries] = useState<Map<string, Target[]>>(
    () => new Map(mapping.entries.map((e) => [e.from, e.to.map((t) => ({ code: t.code, factor: t.factor }))])),
  );
  const [isBusy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string | null>(null);
  // Entries on areas or indicators (older mappings) are kept as they are; the editor works on check points.
  const otherEntries = mapping.entries.filter((e) => !oldPoints.some((p) => p.code === e.from));
  const covered = oldPoints.filter((p) => (entries.get(p.code) ?? []).length > 0);
  const coveredMax = covered.reduce((s, p) => s + p.maxPoints, 0);
  const oldMax = oldPoints.reduce((s, p) => s + p.maxPoints, 0);

  const setTargets = (from: TemplateNode, codes: string[]) =>
    setEntries((m) => {
      const prev = m.get(from.code) ?? [];
      const next = new Map(m);
      next.set(
        from.code,
        codes.map(
          (c) =>
            prev.find((t) => t.code === c) ?? {
              code: c,
              factor: from.maxPoints > 0 ? round((newMax.get(c) ?? 0) / from.maxPoints) || 1 : 1,
            },
        ),
      );
      return next;
    });
  const setFactor = (from: string, code: string, factor: number) =>
    setEntries((m) =>
      new Map(m).set(
        from,
        (m.get(from) ?? []).map((t) => (t.code === code ? { ...t, factor } : t)),
      ),
    );

  const save = async () => {
    const input: MappingInput = {
      entries: [
        ...otherEntries,
        ...oldPoints.flatMap((p) => {
          const to = entries.get(p.code) ?? [];
          return to.length > 0 ? [{ from: p.code, to }] : [];
        }),
      ],
    };
    setBusy(true);
    try {
      await templatesApi.saveMapping(mapping.family, mapping.fromVersion, mapping.toVersion, input);
      message.success('分值映射已保存');
      onSaved();
    } catch (e) {
      setProblems(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={`编辑分值映射 v${mapping.fromVersion} → v${mapping.toVersion}`}
      open
      width={960}
      onCancel={onClose}
      onOk={() => void save()}
      okText="保存映射"
      confirmLoading={isBusy}
    >
      <Typography.Paragraph type="secondary">
        与上一轮对比时，旧版本每个评估要点的得分按“得分 ×
        系数”计入新版本的目标要点，再按新版本满分折算。沿用的要点已按分值比例映射；拆分、合并或改编码的要点请在此指定。
      </Typography.Paragraph>
      <Alert
        type={covered.length === oldPoints.length ? 'success' : 'info'}
        showIcon
        style={{ marginBottom: 12 }}
        title={`已映射 ${covered.length}/${oldPoints.length} 个旧要点，覆盖旧版本 ${oldMax > 0 ? Math.round((coveredMax / oldMax) * 100) : 0}% 的分值`}
      />
      {problems && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={problems} />}
      <Table<TemplateNode>
        size="small"
        rowKey="code"
        dataSource={oldPoints}
        pagination={{ pageSize: 12, size: 'small', showTotal: (t) => `共 ${t} 个要点` }}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: `v${mapping.fromVersion} 要点`,
            render: (_, p) => (
              <span>
                {p.code} {p.title.length > 14 ? `${p.title.slice(0, 14)}…` : p.title}（{p.maxPoints}分）
              </span>
            ),
          },
          {
            title: `v${mapping.toVersion} 目标要点`,
            render: (_, p) => (
              <Select
                mode="multiple"
                aria-label={`${p.code} 的目标要点`}
                style={{ width: 300 }}
                maxTagTextLength={12}
                popupMatchSelectWidth={440}
                placeholder="不计入对比"
                value={(entries.get(p.code) ?? []).map((t) => t.code)}
                onChange={(codes: string[]) => setTargets(p, codes)}
                optionFilterProp="label"
                options={newPoints.map((n) => ({ value: n.code, label: `${n.code} ${n.title}（${n.maxPoints}分）` }))}
              />
            ),
          },
          {
            title: '系数',
            render: (_, p) => {
              const to = entries.get(p.code) ?? [];
              if (to.length === 0) return <Tag>未映射</Tag>;
              return (
                <Flex vertical gap={4}>
                  {to.map((t) => (
                    <InputNumber
                      key={t.code}
                      size="small"
                      min={0.0001}
                      step={0.1}
                      prefix={`${t.code} ×`}
                      aria-label={`${p.code} → ${t.code} 系数`}
                      value={t.factor}
                      onChange={(v) => setFactor(p.code, t.code, Number(v ?? 1))}
                      style={{ width: 170 }}
                    />
                  ))}
                </Flex>
              );
            },
          },
        ]}
      />
    </Modal>
  );
}
