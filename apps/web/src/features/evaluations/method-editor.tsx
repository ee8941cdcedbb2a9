/** Editing one check point's scoring method in the template editor: its kind and parameters, checked as the server checks them. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { TemplateNode, TemplateScoringMethod } from '@zhiping/contracts';
import { COMPUTED_SOURCES, methodProblems, type ScoringMethod } from '@zhiping/domain';
import { Alert, Button, Checkbox, Input, InputNumber, Modal, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { defaultMethod } from './template-editing.ts';

type Method = TemplateScoringMethod;
type Kind = Method['kind'];

const KIND_LABELS: Record<Kind, string> = { points: '打分', levels: '等级', yes_no: '是/否', computed: '数据计算' };
const SOURCE_OPTIONS = Object.entries(COMPUTED_SOURCES).map(([value, s]) => ({ value, label: `${s.label}（${s.unit}）` }));

const num = (v: number | string | null) => Number(v ?? 0);
/** The list with row `i` patched. */
const patchAt = <T,>(list: readonly T[], i: number, patch: Partial<T>): T[] => list.map((x, j) => (j === i ? { ...x, ...patch } : x));

export function MethodEditor({
  node,
  isYesNoOnly,
  onCancel,
  onOk,
}: {
  node: TemplateNode;
  /** A 底线清单 (pass rule all_yes): every check point is judged yes or no. */
  isYesNoOnly: boolean;
  onCancel: () => void;
  onOk: (method: Method) => void;
}) {
  const original = node.method;
  const [draft, setDraft] = useState<Method>(original ?? defaultMethod('points', node.maxPoints));
  const problems = methodProblems(draft as ScoringMethod, node.maxPoints, `${node.code}“${node.title}”`);
  const choose = (kind: Kind) => {
    if (original?.kind === kind) setDraft(original);
    else setDraft(defaultMethod(kind, node.maxPoints));
  };

  return (
    <Modal
      open
      title={`评分方式：${node.code} ${node.title}`}
      okText="确定"
      width={680}
      okButtonProps={{ disabled: problems.length > 0 }}
      onOk={() => onOk(draft)}
      onCancel={onCancel}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          要点分值 {node.maxPoints} 分；最高档须得满分。保存模板后生效（已用于评估的版本会生成新版本）。
        </Typography.Text>
        <Radio.Group
          value={draft.kind}
          onChange={(e) => choose(e.target.value as Kind)}
          optionType="button"
          options={(Object.keys(KIND_LABELS) as Kind[]).map((k) => ({
            value: k,
            label: KIND_LABELS[k],
            disabled: isYesNoOnly && k !== 'yes_no',
          }))}
        />
        {isYesNoOnly && <Typography.Text type="secondary">底线清单全部为“是”方可通过，每个要点只能用“是/否”判断。</Typography.Text>}
        {node.isVeto && draft.kind !== 'yes_no' && (
          <Alert type="warning" showIcon title="一票否决项须为“是/否”：改为其他方式将取消否决。" />
        )}
        {draft.kind === 'points' && (
          <Space wrap>
            <span>最低分</span>
            <InputNumber aria-label="最低分" min={0} value={draft.min} onChange={(v) => setDraft({ ...draft, min: num(v) })} />
            <span>最高分 {draft.max}</span>
            <span>步长</span>
            <InputNumber aria-label="步长" min={0.1} step={0.5} value={draft.step} onChange={(v) => setDraft({ ...draft, step: num(v) })} />
          </Space>
        )}
        {draft.kind === 'levels' && (
          <>
            {draft.levels.map((l, i) => (
              <Space key={i} wrap>
                <Input
                  aria-label={`等级${i + 1}名称`}
                  placeholder="等级名称"
                  maxLength={20}
                  style={{ width: 110 }}
                  value={l.label}
                  onChange={(e) => setDraft({ ...draft, levels: patchAt(draft.levels, i, { label: e.target.value }) })}
                />
                <InputNumber
                  aria-label={`等级${i + 1}分值`}
                  min={0}
                  value={l.points}
                  onChange={(v) => setDraft({ ...draft, levels: patchAt(draft.levels, i, { points: num(v) }) })}
                />
                <Input
                  placeholder="说明（可选）"
                  maxLength={500}
                  style={{ width: 220 }}
                  value={l.description ?? ''}
                  onChange={(e) =>
                    setDraft({
                      ...draft,
                      levels: patchAt(draft.levels, i, { description: e.target.value || undefined }),
                    })
                  }
                />
                <Button
                  type="link"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label="删除等级"
                  disabled={draft.levels.length <= 2}
                  onClick={() => setDraft({ ...draft, levels: draft.levels.filter((_, j) => j !== i) })}
                />
              </Space>
            ))}
            <Button
              icon={<PlusOutlined />}
              disabled={draft.levels.length >= 10}
              onClick={() => setDraft({ ...draft, levels: [...draft.levels, { label: '', points: 0 }] })}
            >
              添加等级
            </Button>
          </>
        )}
        {draft.kind === 'yes_no' && (
          <Space orientation="vertical">
            <Space wrap>
              <Input
                aria-label="“是”的名称"
                placeholder="是"
                maxLength={20}
                style={{ width: 110 }}
                value={draft.yesLabel ?? ''}
                onChange={(e) => setDraft({ ...draft, yesLabel: e.target.value || undefined })}
              />
              <span>得 {draft.yesPoints} 分</span>
            </Space>
            <Space wrap>
              <Input
                aria-label="“否”的名称"
                placeholder="否"
                maxLength={20}
                style={{ width: 110 }}
                value={draft.noLabel ?? ''}
                onChange={(e) => setDraft({ ...draft, noLabel: e.target.value || undefined })}
              />
              <span>得</span>
              <InputNumber
                aria-label="选否得分"
                min={0}
                value={draft.noPoints}
                onChange={(v) => setDraft({ ...draft, noPoints: num(v) })}
              />
              <span>分</span>
            </Space>
            <Checkbox
              checked={!!draft.noRequiresNote}
              onChange={(e) => setDraft({ ...draft, noRequiresNote: e.target.checked || undefined })}
            >
              选“否”须说明存在的问题
            </Checkbox>
          </Space>
        )}
        {draft.kind === 'computed' && (
          <>
            <Space wrap>
              <Select
                aria-label="数据来源"
                style={{ width: 360 }}
                value={draft.source}
                options={SOURCE_OPTIONS}
                onChange={(source: string) => setDraft({ ...draft, source })}
              />
              <Select
                aria-label="方向"
                style={{ width: 140 }}
                value={draft.direction}
                options={[
                  { value: 'at_least', label: '越高越好' },
                  { value: 'at_most', label: '越低越好' },
                ]}
                onChange={(direction: 'at_least' | 'at_most') => setDraft({ ...draft, direction })}
              />
            </Space>
            <Typography.Text type="secondary">
              {COMPUTED_SOURCES[draft.source as keyof typeof COMPUTED_SOURCES]?.description ?? ''}
            </Typography.Text>
            {draft.thresholds.map((t, i) => (
              <Space key={i} wrap>
                <span>{draft.direction === 'at_least' ? '不低于' : '不高于'}</span>
                <InputNumber
                  aria-label={`阈值${i + 1}`}
                  value={t.value}
                  onChange={(v) => setDraft({ ...draft, thresholds: patchAt(draft.thresholds, i, { value: num(v) }) })}
                />
                <span>得</span>
                <InputNumber
                  aria-label={`阈值${i + 1}得分`}
                  min={0}
                  value={t.points}
                  onChange={(v) => setDraft({ ...draft, thresholds: patchAt(draft.thresholds, i, { points: num(v) }) })}
                />
                <span>分</span>
                <Button
                  type="link"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label="删除阈值"
                  disabled={draft.thresholds.length <= 1}
                  onClick={() => setDraft({ ...draft, thresholds: draft.thresholds.filter((_, j) => j !== i) })}
                />
              </Space>
            ))}
            <Space wrap>
              <Button
                icon={<PlusOutlined />}
                disabled={draft.thresholds.length >= 10}
                onClick={() => setDraft({ ...draft, thresholds: [...draft.thresholds, { value: 0, points: 0 }] })}
              >
                添加阈值
              </Button>
              <span>都未达到得</span>
              <InputNumber
                aria-label="未达阈值得分"
                min={0}
                value={draft.otherwise}
                onChange={(v) => setDraft({ ...draft, otherwise: num(v) })}
              />
              <span>分</span>
            </Space>
          </>
        )}
        {problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            title="请修正后再确定"
            description={
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            }
          />
        )}
      </Space>
    </Modal>
  );
}
