/** The list of all check points in a drawer: jump to one; shows scored, local draft and conflict marks. */
import { Drawer, List, Tag, Typography } from 'antd';
import type { ScoreDraft } from './draft-queue.ts';
import type { CheckpointView } from './rubric-view.ts';

export function CheckpointIndex({
  open,
  onClose,
  items,
  current,
  isScored,
  draftOf,
  onPick,
}: {
  open: boolean;
  onClose: () => void;
  items: CheckpointView[];
  current: number;
  isScored: (code: string) => boolean;
  draftOf: (code: string) => ScoreDraft | undefined;
  onPick: (index: number) => void;
}) {
  return (
    <Drawer title="评估要点目录" open={open} onClose={onClose} placement="right" size="min(420px, 100vw)">
      <List
        size="small"
        dataSource={items}
        renderItem={(item) => {
          const draft = draftOf(item.node.code);
          return (
            <List.Item
              onClick={() => onPick(item.index)}
              style={{ cursor: 'pointer', background: item.index === current ? '#e6f4ff' : undefined, minHeight: 48 }}
            >
              <Typography.Text style={{ flex: 1 }}>
                {item.node.code} {item.node.title}
              </Typography.Text>
              {draft?.status === 'conflict' ? (
                <Tag color="error">冲突</Tag>
              ) : draft ? (
                <Tag color="warning">待同步</Tag>
              ) : isScored(item.node.code) ? (
                <Tag color="success">已评</Tag>
              ) : (
                <Tag>未评</Tag>
              )}
            </List.Item>
          );
        }}
      />
    </Drawer>
  );
}
