/** Compares a template version with another of its family: what changed, and the score mapping between them. */
import type { TemplateDetail } from '@zhiping/contracts';
import { Button, Descriptions, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useQuery } from '../../lib/use-query.ts';
import { templatesApi } from './evaluations-api.ts';
import { MappingEditor } from './mapping-editor.tsx';

export function VersionCompare({ template, canManage = false }: { template: TemplateDetail; canManage?: boolean }) {
  const others = template.versions.filter((v) => v.id !== template.id);
  const [otherId, setOtherId] = useState<number>(others[0]!.id);
  const other = others.find((v) => v.id === otherId)!;
  const [from, to] = other.version < template.version ? [other.version, template.version] : [template.version, other.version];
  const diff = useQuery(`diff:${template.id}:${otherId}`, (signal) => templatesApi.diff(template.id, otherId, signal));
  const mapping = useQuery(`mapping:${template.family}:${from}:${to}`, (signal) => templatesApi.mapping(template.family, from, to, signal));
  const otherDetail = useQuery(canManage ? `template:${otherId}` : null, (signal) => templatesApi.get(otherId, signal));
  const [isEditing, setEditing] = useState(false);
  const d = diff.data;
  const [older, newer] =
    otherDetail.data && otherDetail.data.version < template.version ? [otherDetail.data, template] : [template, otherDetail.data];
  return (
    <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
      <Space>
        与版本
        <Select
          value={otherId}
          onChange={setOtherId}
          options={others.map((v) => ({ value: v.id, label: `v${v.version}` }))}
          style={{ width: 100 }}
        />
        比较
      </Space>
      {d && (
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label="新增">{d.added.join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label="删除">{d.removed.join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label="修改">
            {d.changed.map((c) => `${c.code}（${c.changes.join('，')}）`).join('；') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label="满分">{d.scaleChanged ? `${d.scaleChanged.from} → ${d.scaleChanged.to}` : '未变'}</Descriptions.Item>
        </Descriptions>
      )}
      {mapping.data && (
        <>
          <Space wrap>
            <Typography.Text strong>
              分值映射 v{from} → v{to}（用于与上一轮结果对比）
            </Typography.Text>
            {canManage && otherDetail.data && (
              <Button size="small" onClick={() => setEditing(true)}>
                编辑映射
              </Button>
            )}
          </Space>
          <Table
            size="small"
            rowKey="from"
            pagination={{ pageSize: 10 }}
            dataSource={mapping.data.entries}
            columns={[
              { title: `v${from} 要点`, dataIndex: 'from' },
              { title: `v${to} 要点（系数）`, render: (_, e) => e.to.map((t) => `${t.code}×${t.factor}`).join('，') },
            ]}
          />
        </>
      )}
      {isEditing && mapping.data && older && newer && (
        <MappingEditor
          older={older}
          newer={newer}
          mapping={mapping.data}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            mapping.reload();
          }}
        />
      )}
    </Space>
  );
}
