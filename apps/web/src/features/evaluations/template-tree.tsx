/** The rubric tree: areas → indicators → check points with points, method, guidance, evidence, veto and computed sources. */
import type { TemplateNode } from '@zhiping/contracts';
import { Flex, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { methodLabel } from './rubric-view.ts';

function toTree(nodes: readonly TemplateNode[], onPick?: (n: TemplateNode) => void): DataNode[] {
  return nodes.map((n) => ({
    key: n.code,
    title: (
      <Flex vertical gap={2} onClick={() => onPick?.(n)}>
        <span>
          <Typography.Text strong={n.kind !== 'checkpoint'}>
            {n.code} {n.title}
          </Typography.Text>{' '}
          <Tag color="blue">{n.maxPoints} 分</Tag>
          {n.kind === 'checkpoint' && <Tag>{methodLabel(n.method)}</Tag>}
          {n.requiresEvidence && <Tag color="orange">须佐证</Tag>}
          {n.isVeto && <Tag color="red">一票否决</Tag>}
          {n.method?.kind === 'computed' && <Tag color="purple">数据来源：{n.method.source}</Tag>}
        </span>
        {n.guidance && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {n.guidance}
          </Typography.Text>
        )}
      </Flex>
    ),
    children: n.children ? toTree(n.children, onPick) : undefined,
  }));
}

export function TemplateTree({ nodes, onPick }: { nodes: readonly TemplateNode[]; onPick?: (n: TemplateNode) => void }) {
  return <Tree treeData={toTree(nodes, onPick)} defaultExpandedKeys={nodes.map((n) => n.code)} blockNode showLine selectable={false} />;
}
