/**
 * Evidence of one check point: the files on record (download) and an upload — on a phone the camera
 * opens directly (capture="environment"). Uploads need the network; the score itself does not.
 */
import { CameraOutlined, PaperClipOutlined } from '@ant-design/icons';
import type { EvaluationEvidence } from '@zhiping/contracts';
import { App, Button, Flex, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../lib/api-error.ts';
import { downloadFile } from '../../lib/download.ts';
import { useQuery } from '../../lib/use-query.ts';
import { evaluationsApi } from './evaluations-api.ts';

export function EvidenceUploader({
  evaluationId,
  code,
  canUpload,
  isPhoto,
  onUploaded,
}: {
  evaluationId: number;
  code: string;
  canUpload: boolean;
  /** Photos from the camera (on-site) rather than documents (self-evaluation). */
  isPhoto: boolean;
  onUploaded?: () => void;
}) {
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [isBusy, setBusy] = useState(false);
  const list = useQuery(`evidence:${evaluationId}:${code}`, (signal) => evaluationsApi.evidence(evaluationId, code, signal));
  const { reload } = list;
  useEffect(() => {
    // A list that failed offline loads again when the network returns.
    window.addEventListener('online', reload);
    return () => window.removeEventListener('online', reload);
  }, [reload]);

  const upload = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    if (!navigator.onLine) {
      message.warning('当前离线：照片和材料需联网后上传，评分已保存在本机');
      return;
    }
    setBusy(true);
    try {
      for (const f of Array.from(files)) await evaluationsApi.upload(evaluationId, code, f);
      message.success('已上传');
      list.reload();
      onUploaded?.();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const items: EvaluationEvidence[] = list.data?.items ?? [];
  return (
    <Flex vertical gap={6}>
      {items.map((f) => (
        <Typography.Link
          key={f.id}
          onClick={() =>
            void downloadFile(`/evaluations/${evaluationId}/evidence/${f.id}`, f.fileName).catch((e: unknown) =>
              message.error(errorMessage(e)),
            )
          }
        >
          <PaperClipOutlined /> {f.fileName}（{f.uploadedBy}）
        </Typography.Link>
      ))}
      {items.length === 0 && !list.isLoading && (
        <Typography.Text type="secondary">{list.error ? '离线时无法列出材料' : '暂无佐证材料'}</Typography.Text>
      )}
      {canUpload && (
        <>
          <input
            ref={input}
            type="file"
            hidden
            multiple
            data-testid={`evidence-input-${code}`}
            accept={isPhoto ? 'image/*' : undefined}
            capture={isPhoto ? 'environment' : undefined}
            onChange={(e) => void upload(e.target.files)}
          />
          <Button
            size="large"
            icon={isPhoto ? <CameraOutlined /> : <PaperClipOutlined />}
            loading={isBusy}
            onClick={() => input.current?.click()}
          >
            {isPhoto ? '拍照上传' : '上传佐证材料'}
          </Button>
        </>
      )}
    </Flex>
  );
}
