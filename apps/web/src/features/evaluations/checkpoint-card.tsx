/** One check point on the scoring screen: where it sits, guidance, the scoring control, note, photos and any conflict. */
import type { ScoreValue } from '@zhiping/contracts';
import { validateScore } from '@zhiping/domain';
import { Alert, Button, Card, Flex, Input, Space, Tag, Typography } from 'antd';
import { ConflictResolver } from './conflict-resolver.tsx';
import type { ScoreDraft } from './draft-queue.ts';
import { EvidenceUploader } from './evidence-uploader.tsx';
import { asRubricNode, methodLabel, type CheckpointView } from './rubric-view.ts';
import { ScoreControl } from './score-control.tsx';

export interface CheckpointCardProps {
  evaluationId: number;
  view: CheckpointView;
  value: ScoreValue | null;
  note: string;
  draft: ScoreDraft | undefined;
  isEditable: boolean;
  isSelf: boolean;
  computedText: string | null;
  onChange: (value: ScoreValue | null, note: string) => void;
  onResolve: (choice: 'mine' | 'server') => void;
  onDiscard: () => void;
}

export function CheckpointCard(props: CheckpointCardProps) {
  const { view, value, note, draft } = props;
  const node = view.node;
  const problems = value ? validateScore(asRubricNode(node), { code: node.code, input: value, note }) : [];
  return (
    <Card
      size="small"
      title={
        <Typography.Text type="secondary" style={{ whiteSpace: 'normal' }}>
          {view.areaTitle}
          {view.indicatorTitle ? ` › ${view.indicatorTitle}` : ''}
        </Typography.Text>
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Title level={5} style={{ margin: 0 }} data-testid="checkpoint-title">
          {node.code} {node.title}
        </Typography.Title>
        <Flex gap={4} wrap>
          <Tag color="blue">满分 {node.maxPoints}</Tag>
          <Tag>{methodLabel(node.method)}</Tag>
          {node.requiresEvidence && <Tag color="orange">须佐证</Tag>}
          {node.isVeto && <Tag color="red">一票否决</Tag>}
        </Flex>
        {node.guidance && (
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            评估方法：{node.guidance}
          </Typography.Paragraph>
        )}
        {draft?.status === 'conflict' && <ConflictResolver draft={draft} method={node.method} onResolve={props.onResolve} />}
        {draft?.status === 'invalid' && (
          <Alert
            type="warning"
            showIcon
            title={`服务器未接受：${draft.message ?? ''}`}
            action={
              <Button size="small" onClick={props.onDiscard}>
                放弃本机修改
              </Button>
            }
          />
        )}
        {node.method && (
          <ScoreControl
            method={node.method}
            value={value}
            disabled={!props.isEditable}
            computedText={props.computedText}
            onChange={(v) => props.onChange(v, note)}
          />
        )}
        {problems.length > 0 && <Alert type="warning" showIcon title={problems.join('；')} />}
        <Input.TextArea
          aria-label="评分说明"
          placeholder={props.isSelf ? '自评说明（做法、依据）' : '现场记录：发现的问题、亮点'}
          autoSize={{ minRows: 2, maxRows: 6 }}
          value={note}
          disabled={!props.isEditable}
          onChange={(e) => props.onChange(value, e.target.value)}
          style={{ fontSize: 16 }}
        />
        <EvidenceUploader evaluationId={props.evaluationId} code={node.code} canUpload={props.isEditable} isPhoto={!props.isSelf} />
      </Space>
    </Card>
  );
}
