/** A conflict on one check point: my local value beside the server's, and the choice — never a silent overwrite. */
import type { TemplateScoringMethod } from '@zhiping/contracts';
import { Alert, Button, Descriptions, Flex } from 'antd';
import { formatDateTime } from '../../lib/format.ts';
import type { ScoreDraft } from './draft-queue.ts';
import { scoreText } from './rubric-view.ts';

export function ConflictResolver({
  draft,
  method,
  onResolve,
}: {
  draft: ScoreDraft;
  method?: TemplateScoringMethod;
  onResolve: (choice: 'mine' | 'server') => void;
}) {
  const server = draft.server;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="conflict-resolver"
      title="评分冲突：该要点已在其他设备上修改"
      description={
        <>
          <Descriptions size="small" column={1} bordered layout="vertical" style={{ margin: '8px 0' }}>
            <Descriptions.Item label="我的评分（本机）">
              {scoreText(draft.input, method)}
              {draft.note ? `；${draft.note}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label="服务器上的评分">
              {scoreText(server?.input, method)}
              {server?.note ? `；${server.note}` : ''}
              {server ? `（${server.updatedBy}，${formatDateTime(server.updatedAt)}）` : ''}
            </Descriptions.Item>
          </Descriptions>
          <Flex gap={8} wrap>
            <Button type="primary" size="large" onClick={() => onResolve('mine')}>
              保留我的评分
            </Button>
            <Button size="large" onClick={() => onResolve('server')}>
              采用服务器上的评分
            </Button>
          </Flex>
        </>
      }
    />
  );
}
