/** The school's self-evaluation of one check point beside the inspector's scoring: score, note and evidence. */
import type { Sheet, TemplateScoringMethod } from '@zhiping/contracts';
import { Card, Typography } from 'antd';
import { EvidenceUploader } from './evidence-uploader.tsx';
import { scoreText } from './rubric-view.ts';

export function SelfEvaluationPanel({
  evaluationId,
  code,
  method,
  selfSheet,
  selfError,
}: {
  evaluationId: number;
  code: string;
  method?: TemplateScoringMethod;
  selfSheet: Sheet | undefined;
  selfError: unknown;
}) {
  const record = selfSheet?.scores.find((s) => s.code === code);
  return (
    <Card size="small" title="学校自评" data-testid="self-evaluation-panel">
      {selfError && !selfSheet ? (
        <Typography.Text type="secondary">暂时无法读取学校自评（离线或无权查看）</Typography.Text>
      ) : (
        <>
          <Typography.Paragraph style={{ marginBottom: 4 }}>
            自评：<strong>{scoreText(record?.input, method)}</strong>
          </Typography.Paragraph>
          {record?.note && <Typography.Paragraph type="secondary">说明：{record.note}</Typography.Paragraph>}
          <EvidenceUploader evaluationId={evaluationId} code={code} canUpload={false} isPhoto={false} />
        </>
      )}
    </Card>
  );
}
