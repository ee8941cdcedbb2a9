/** 我的交流安排: a teacher's own move once the plan is notified; acknowledge it. */
import type { RotationMove } from '@zhiping/contracts';
import { App, Button, Card, Descriptions, Space, Tag } from 'antd';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import { KIND_LABELS, STAGE_LABELS } from './rotation-access.ts';
import { rotationApi } from './rotation-api.ts';

export default function MyRotationPage() {
  const { message } = App.useApp();
  const q = useQuery('rotation-mine', (signal) => rotationApi.myMoves(signal));
  const ack = async (m: RotationMove) => {
    try {
      await rotationApi.acknowledge(m.id);
      message.success('已确认知悉');
      q.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <>
      <PageHeader title="我的交流安排" subTitle="区教育部门确定的交流轮岗安排；请阅读后确认知悉。如有困难，请向学校反映。" />
      <ErrorAlert error={q.error} onRetry={q.reload} />
      {q.data?.items.length === 0 && <EmptyState description="目前没有您的交流轮岗安排。" />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {q.data?.items.map((m) => (
          <Card
            key={m.id}
            size="small"
            title={m.planTitle}
            extra={m.acknowledgedAt ? <Tag color="green">已确认 {formatDateTime(m.acknowledgedAt)}</Tag> : <Tag color="orange">待确认</Tag>}
          >
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label="原学校">{m.fromSchoolName}</Descriptions.Item>
              <Descriptions.Item label="交流学校">
                {m.toSchoolName}
                {m.distanceKm !== null ? `（约 ${m.distanceKm} 公里）` : ''}
              </Descriptions.Item>
              <Descriptions.Item label="学段/学科">{`${STAGE_LABELS[m.stage]} ${m.subject ?? ''}`}</Descriptions.Item>
              <Descriptions.Item label="方式">{KIND_LABELS[m.kind]}</Descriptions.Item>
              <Descriptions.Item label="开始日期">{m.effectiveFrom}</Descriptions.Item>
              <Descriptions.Item label="状态">{m.assignmentId ? '已执行' : '待区级审批'}</Descriptions.Item>
            </Descriptions>
            {!m.acknowledgedAt && m.planState === 'teacher_notice' && (
              <Button type="primary" onClick={() => void ack(m)}>
                我已知悉
              </Button>
            )}
          </Card>
        ))}
      </Space>
    </>
  );
}
