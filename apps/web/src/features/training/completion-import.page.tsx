/** 完成名单导入: a completion list exported by an external training platform, checked row by row and written all or nothing. */
import type { CompletionImportResult } from '@zhiping/contracts';
import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Space, Table, Upload } from 'antd';
import { useState } from 'react';
import { DownloadButton } from '../../components/export-button.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { trainingApi } from './training-api.ts';

export default function CompletionImportPage() {
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [platform, setPlatform] = useState('');
  const [result, setResult] = useState<CompletionImportResult | null>(null);
  const [isBusy, setBusy] = useState(false);
  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    try {
      const r = await trainingApi.importCompletions(file, dryRun, platform);
      setResult(r);
      if (r.committed) message.success(`已导入 ${r.rows} 条，${r.teachers} 名教师，共 ${r.hours} 学时`);
    } catch (e) {
      setResult(null);
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <PageHeader
        title="培训完成名单导入"
        subTitle="导入国家、市级平台导出的培训完成名单：按身份证号匹配教师，任何一行有误则整份不导入"
        extra={<DownloadButton path="/training/completion-template.xlsx" fileName="培训完成名单导入模板.xlsx" label="下载模板" />}
      />
      <Card size="small">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input
            style={{ maxWidth: 420 }}
            placeholder="来源平台（如：国家中小学智慧教育平台）"
            value={platform}
            onChange={(e) => setPlatform(e.target.value)}
            aria-label="来源平台"
          />
          <Upload.Dragger
            accept=".xlsx"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              setResult(null);
              return false;
            }}
            onRemove={() => {
              setFile(null);
              setResult(null);
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>点击或拖入 .xlsx 文件（列：身份证号、姓名、培训项目名称、培训机构、培训级别、培训类别、学时、完成日期……）</p>
          </Upload.Dragger>
          <Space>
            <Button disabled={!file} loading={isBusy} onClick={() => void run(true)}>
              校验
            </Button>
            <Button type="primary" disabled={!file} loading={isBusy} onClick={() => void run(false)}>
              校验并导入
            </Button>
          </Space>
        </Space>
      </Card>
      {result && (
        <Card size="small" style={{ marginTop: 12 }}>
          {result.errors.length === 0 ? (
            <Alert
              type={result.committed ? 'success' : 'info'}
              showIcon
              message={
                result.committed
                  ? `已导入：${result.rows} 条，${result.teachers} 名教师，共 ${result.hours} 学时`
                  : `校验通过：${result.rows} 条，${result.teachers} 名教师，共 ${result.hours} 学时。点击“校验并导入”写入台账。`
              }
            />
          ) : (
            <>
              <Alert
                type="error"
                showIcon
                message={`共 ${result.rows} 行，发现 ${result.errors.length}${result.isTruncated ? '+' : ''} 处错误，整份文件未导入。请按下表修改后重新上传。`}
              />
              <Table
                size="small"
                rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
                dataSource={result.errors}
                pagination={{ pageSize: 20 }}
                columns={[
                  { title: '行号', dataIndex: 'row', width: 80 },
                  { title: '列', dataIndex: 'column', width: 140 },
                  { title: '问题', dataIndex: 'message' },
                ]}
              />
            </>
          )}
        </Card>
      )}
    </>
  );
}
