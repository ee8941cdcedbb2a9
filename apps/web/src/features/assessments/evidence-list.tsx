/** Evidence files of an assessment item: download for readers, upload and delete for district writers. */
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { AssessmentItem, AssessmentKind } from '@zhiping/contracts';
import { App, Button, Flex, Popconfirm, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../lib/api-error.ts';
import { downloadFile } from '../../lib/download.ts';
import { formatDateTime } from '../../lib/format.ts';
import { deleteEvidence, evidencePath, uploadEvidence } from './assessments-api.ts';

const MAX_BYTES = 20 * 1024 * 1024;

export function EvidenceList(props: { kind: AssessmentKind; year: number; item: AssessmentItem; canEdit: boolean; onChanged: () => void }) {
  const { kind, year, item } = props;
  const { message } = App.useApp();
  const [isUploading, setUploading] = useState(false);

  const upload = async (file: File) => {
    if (file.size > MAX_BYTES) {
      message.error('佐证材料不能超过 20 MB');
      return;
    }
    setUploading(true);
    try {
      await uploadEvidence(kind, year, item.itemNo, file);
      message.success(`已上传：${file.name}`);
      props.onChanged();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setUploading(false);
    }
  };

  return (
    <Flex vertical gap={4}>
      {item.evidence.length === 0 && <Typography.Text type="secondary">暂无佐证材料</Typography.Text>}
      {item.evidence.map((f) => (
        <Flex key={f.id} gap={8} align="center" wrap>
          <PaperClipOutlined />
          <Typography.Link
            onClick={() =>
              void downloadFile(evidencePath(kind, year, item.itemNo, f.id), f.fileName).catch((e: unknown) =>
                message.error(errorMessage(e)),
              )
            }
          >
            {f.fileName}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {f.size < 1024 ? `${f.size} B` : `${(f.size / 1024).toFixed(0)} KB`} · {f.uploadedBy} · {formatDateTime(f.uploadedAt)}
          </Typography.Text>
          {props.canEdit && (
            <Popconfirm
              title={`删除佐证材料“${f.fileName}”？`}
              onConfirm={() =>
                deleteEvidence(kind, year, item.itemNo, f.id)
                  .then(() => {
                    message.success('已删除');
                    props.onChanged();
                  })
                  .catch((e: unknown) => message.error(errorMessage(e)))
              }
            >
              <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`删除 ${f.fileName}`} />
            </Popconfirm>
          )}
        </Flex>
      ))}
      {props.canEdit && (
        <Upload
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button size="small" icon={<UploadOutlined />} loading={isUploading}>
            上传佐证材料
          </Button>
        </Upload>
      )}
    </Flex>
  );
}
