/** 数据导入: pick a kind, download its template, upload, follow validation, fix, commit; history below. */
import { InboxOutlined } from '@ant-design/icons';
import { IMPORT_KIND_LABELS, IMPORT_KINDS, LIMITS, type ImportJob, type ImportKind } from '@zhiping/contracts';
import { App, Card, Flex, Radio, Typography, Upload } from 'antd';
import { useState } from 'react';
import { DownloadButton } from '../../components/export-button.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { ImportHistory } from './import-history.tsx';
import { ImportJobPanel } from './import-job-panel.tsx';
import { templatePath, uploadImportFile } from './imports-api.ts';
import { useImportJob } from './use-import-job.ts';

const KIND_HINTS: Record<ImportKind, string> = {
  schools: '每行一所学校，以学校标识码为唯一标识；已有学校会按新值更新。',
  students: '每行一所学校一个年级一个学年的学生数与班数。',
  conditions: '每行一所学校一个学年的办学条件（面积、设备、图书等）。',
  teachers: '每行一名教职工，以身份证号为唯一标识；学校以学校标识码对应。',
  population: '每行一个地区、一个年份、一个年龄、一种口径的人口数。',
};

export default function ImportsPage() {
  const { message } = App.useApp();
  const [kind, setKind] = useState<ImportKind>('schools');
  const [opened, setOpened] = useState<ImportJob | null>(null);
  const [isUploading, setUploading] = useState(false);
  const { job, setJob, error } = useImportJob(opened);

  const upload = async (file: File) => {
    if (file.size > LIMITS.uploadBytesMax) {
      message.error(`文件超过 ${LIMITS.uploadBytesMax / 1024 / 1024} MB，请拆分后上传`);
      return;
    }
    setUploading(true);
    try {
      setOpened(await uploadImportFile(kind, file));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setUploading(false);
    }
  };

  return (
    <>
      <PageHeader title="数据导入" subTitle="先下载模板按列填写，上传后系统逐行校验；全部通过后确认导入" />
      <Flex vertical gap={16}>
        <Card title="1. 选择数据类型并下载模板">
          <Flex wrap gap={12} align="center">
            <Radio.Group
              aria-label="数据类型"
              optionType="button"
              buttonStyle="solid"
              value={kind}
              onChange={(e) => setKind(e.target.value as ImportKind)}
              options={IMPORT_KINDS.map((k) => ({ value: k, label: IMPORT_KIND_LABELS[k] }))}
            />
            <DownloadButton
              path={templatePath(kind)}
              fileName={`${IMPORT_KIND_LABELS[kind]}导入模板.xlsx`}
              label={`下载“${IMPORT_KIND_LABELS[kind]}”模板`}
              type="link"
            />
          </Flex>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {KIND_HINTS[kind]}
          </Typography.Paragraph>
        </Card>
        <Card title={`2. 上传填好的“${IMPORT_KIND_LABELS[kind]}”文件`}>
          <Upload.Dragger
            accept=".xlsx"
            multiple={false}
            showUploadList={false}
            disabled={isUploading}
            beforeUpload={(file) => {
              void upload(file);
              return Upload.LIST_IGNORE;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{isUploading ? '正在上传…' : '点击或拖拽 .xlsx 文件到此处上传'}</p>
            <p className="ant-upload-hint">不限行数；单个文件不超过 {LIMITS.uploadBytesMax / 1024 / 1024} MB</p>
          </Upload.Dragger>
        </Card>
        {job && <ImportJobPanel job={job} pollError={error} onChange={setJob} />}
        <ImportHistory refreshKey={job ? `${job.id}:${job.status}` : ''} onOpen={setOpened} />
      </Flex>
    </>
  );
}
