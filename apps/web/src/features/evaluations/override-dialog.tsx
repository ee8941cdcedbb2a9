/** The lead's override of one consolidated check point: the new value and a mandatory reason. */
import type { ConsolidatedPointView, ScoreValue, TemplateScoringMethod } from '@zhiping/contracts';
import { App, Input, Modal, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../lib/api-error.ts';
import { evaluationsApi } from './evaluations-api.ts';
import { ScoreControl } from './score-control.tsx';

export function OverrideDialog({
  evaluationId,
  point,
  method,
  onClose,
  onSaved,
}: {
  evaluationId: number;
  point: ConsolidatedPointView | null;
  method: TemplateScoringMethod | undefined;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const [value, setValue] = useState<ScoreValue | null>(null);
  const [reason, setReason] = useState('');
  const [isBusy, setBusy] = useState(false);
  useEffect(() => {
    setValue(point?.final.input ?? null);
    setReason('');
  }, [point]);
  const save = async () => {
    if (!point || !value) return;
    setBusy(true);
    try {
      await evaluationsApi.override(evaluationId, point.code, { input: value, reason: reason.trim() });
      message.success('已调整');
      onSaved();
      onClose();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title={point ? `调整合议分 · ${point.code} ${point.title}` : ''}
      open={point !== null}
      onCancel={onClose}
      onOk={() => void save()}
      okText="保存调整"
      confirmLoading={isBusy}
      okButtonProps={{ disabled: !value || reason.trim().length === 0 }}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          建议分：{point?.proposed.points}（{point?.rule === 'median' ? '中位数' : point?.rule === 'mean' ? '平均' : '多数'}）
        </Typography.Text>
        {method && method.kind !== 'computed' ? (
          <ScoreControl method={method} value={value} onChange={setValue} />
        ) : (
          <ScoreControl method={{ kind: 'points', min: 0, max: point?.maxPoints ?? 0, step: 0.5 }} value={value} onChange={setValue} />
        )}
        <Input.TextArea
          aria-label="调整理由"
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="调整理由（必填，记入合议记录）"
        />
      </Space>
    </Modal>
  );
}
