/** Editing a district template: nodes (title, points, scoring method, guidance, evidence, veto; add/remove) and bands with area minimums. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { RubricDefinition, TemplateDetail, TemplateNode } from '@zhiping/contracts';
import { COMPUTED_SOURCES, flattenRubric, type RubricNode } from '@zhiping/domain';
import { Alert, App, Button, Checkbox, Drawer, Input, InputNumber, Table, Tabs } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../lib/api-error.ts';
import { templatesApi } from './evaluations-api.ts';
import { MethodEditor } from './method-editor.tsx';
import { addCheckpoint, describeMethod, mapNode, normalizeDefinition, withMaxPoints, withMethod } from './template-editing.ts';

export function TemplateEditor({
  template,
  onClose,
  onSaved,
}: {
  template: TemplateDetail;
  onClose: () => void;
  onSaved: (id: number) => void;
}) {
  const { message, modal } = App.useApp();
  const [def, setDef] = useState<RubricDefinition>(template.definition);
  const [isBusy, setBusy] = useState(false);
  const [methodOf, setMethodOf] = useState<TemplateNode | null>(null);
  const rows = flattenRubric({ nodes: def.nodes as unknown as RubricNode[] }).map((f) => ({
    depth: f.depth,
    node: f.node as unknown as TemplateNode,
  }));
  const areas = def.nodes.map((n) => n.code);
  const patch = (code: string, p: Partial<TemplateNode>) =>
    setDef((d) => ({ ...d, nodes: mapNode(d.nodes, code, (n) => ({ ...n, ...p })) }));
  const update = (code: string, fn: (n: TemplateNode) => TemplateNode) => setDef((d) => ({ ...d, nodes: mapNode(d.nodes, code, fn) }));
  const sourceLabel = (key: string) => COMPUTED_SOURCES[key as keyof typeof COMPUTED_SOURCES]?.label ?? key;

  const save = async () => {
    setBusy(true);
    try {
      const r = await templatesApi.save(template.id, normalizeDefinition(def));
      if (r.isNewVersion)
        modal.info({
          title: `已生成新版本 v${r.template.version}`,
          content: r.diff
            ? `新增 ${r.diff.added.length}、删除 ${r.diff.removed.length}、修改 ${r.diff.changed.length} 个节点；已生成默认分值映射。`
            : '',
        });
      else message.success('已保存');
      onSaved(r.template.id);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      title={`编辑 ${template.name}`}
      open
      onClose={onClose}
      size="large"
      extra={
        <Button type="primary" loading={isBusy} onClick={() => void save()}>
          保存
        </Button>
      }
    >
      {template.isUsed && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="此版本已用于评估项目：保存后生成新版本，原版本和已有结果不变，并生成版本间分值映射。"
        />
      )}
      <Input addonBefore="名称" value={def.name} onChange={(e) => setDef({ ...def, name: e.target.value })} style={{ marginBottom: 12 }} />
      <Tabs
        items={[
          {
            key: 'nodes',
            label: '指标',
            children: (
              <Table
                size="small"
                rowKey={(r) => r.node.code}
                pagination={false}
                dataSource={rows}
                scroll={{ x: 'max-content' }}
                columns={[
                  { title: '编码', render: (_, r) => <span style={{ paddingLeft: r.depth * 12 }}>{r.node.code}</span> },
                  {
                    title: '名称',
                    render: (_, r) => (
                      <Input
                        value={r.node.title}
                        onChange={(e) => patch(r.node.code, { title: e.target.value })}
                        style={{ minWidth: 240 }}
                      />
                    ),
                  },
                  {
                    title: '分值',
                    render: (_, r) =>
                      r.node.kind === 'checkpoint' ? (
                        <InputNumber
                          min={0}
                          value={r.node.maxPoints}
                          onChange={(v) => update(r.node.code, (n) => withMaxPoints(n, Number(v ?? 0)))}
                        />
                      ) : (
                        r.node.maxPoints
                      ),
                  },
                  {
                    title: '评分方式',
                    render: (_, r) =>
                      r.node.kind === 'checkpoint' && (
                        <span style={{ display: 'inline-flex', gap: 4, alignItems: 'center' }}>
                          <Button size="small" type="link" onClick={() => setMethodOf(r.node)} style={{ paddingInline: 0 }}>
                            修改
                          </Button>
                          <span style={{ maxWidth: 240, whiteSpace: 'normal' }}>{describeMethod(r.node.method, sourceLabel)}</span>
                        </span>
                      ),
                  },
                  {
                    title: '评估方法',
                    render: (_, r) =>
                      r.node.kind === 'checkpoint' && (
                        <Input value={r.node.guidance ?? ''} onChange={(e) => patch(r.node.code, { guidance: e.target.value })} />
                      ),
                  },
                  {
                    title: '须佐证',
                    render: (_, r) =>
                      r.node.kind === 'checkpoint' && (
                        <Checkbox
                          checked={!!r.node.requiresEvidence}
                          onChange={(e) => patch(r.node.code, { requiresEvidence: e.target.checked })}
                        />
                      ),
                  },
                  {
                    title: '否决',
                    render: (_, r) =>
                      r.node.method?.kind === 'yes_no' && (
                        <Checkbox checked={!!r.node.isVeto} onChange={(e) => patch(r.node.code, { isVeto: e.target.checked })} />
                      ),
                  },
                  {
                    title: '',
                    render: (_, r) => (
                      <>
                        {r.node.kind !== 'checkpoint' && (
                          <Button
                            size="small"
                            type="link"
                            icon={<PlusOutlined />}
                            onClick={() => setDef((d) => ({ ...d, nodes: addCheckpoint(d.nodes, r.node.code) }))}
                          >
                            要点
                          </Button>
                        )}
                        <Button
                          size="small"
                          type="link"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label="删除"
                          onClick={() => setDef((d) => ({ ...d, nodes: mapNode(d.nodes, r.node.code, () => null) }))}
                        />
                      </>
                    ),
                  },
                ]}
              />
            ),
          },
          {
            key: 'bands',
            label: '等次',
            children: (
              <Table
                size="small"
                rowKey="label"
                pagination={false}
                dataSource={def.bands}
                scroll={{ x: 'max-content' }}
                columns={[
                  { title: '等次', dataIndex: 'label' },
                  {
                    title: '总分不低于',
                    render: (_, b, i) => (
                      <InputNumber
                        min={0}
                        value={b.minTotal}
                        onChange={(v) =>
                          setDef((d) => ({ ...d, bands: d.bands.map((x, j) => (j === i ? { ...x, minTotal: Number(v ?? 0) } : x)) }))
                        }
                      />
                    ),
                  },
                  ...areas.map((a) => ({
                    title: `${a} 最低分`,
                    render: (_: unknown, b: RubricDefinition['bands'][number], i: number) => (
                      <InputNumber
                        min={0}
                        value={b.areaMinimums?.[a]}
                        onChange={(v) =>
                          setDef((d) => ({
                            ...d,
                            bands: d.bands.map((x, j) =>
                              j === i ? { ...x, areaMinimums: { ...x.areaMinimums, [a]: Number(v ?? 0) } } : x,
                            ),
                          }))
                        }
                      />
                    ),
                  })),
                ]}
              />
            ),
          },
        ]}
      />
      {methodOf && (
        <MethodEditor
          node={methodOf}
          isYesNoOnly={def.passRule === 'all_yes'}
          onCancel={() => setMethodOf(null)}
          onOk={(method) => {
            update(methodOf.code, (n) => withMethod(n, method));
            setMethodOf(null);
          }}
        />
      )}
    </Drawer>
  );
}
