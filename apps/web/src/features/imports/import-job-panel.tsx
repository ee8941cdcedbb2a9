/** The state of one import job: progress, row errors with the annotated report, 确认导入, result. */
import { IMPORT_KIND_LABELS, type ImportJob } from '@zhiping/contracts';
import { Alert, App, Button, Card, Descriptions, Flex, Progress, Result, Statistic } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { DownloadButton } from '../../components/export-button.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { formatCount, formatDateTime } from '../../lib/format.ts';
import { ImportErrorsTable } from './import-errors-table.tsx';
import { ImportStatusTag } from './import-status.tsx';
import { commitImportJob, isJobActive, reportPath } from './imports-api.ts';

function percentOf(job: ImportJob): number {
  if (job.totalRows <= 0) return job.status === 'parsing' ? 0 : 100;
  return Math.min(100, Math.round((job.processedRows / job.totalRows) * 100));
}

export function ImportJobPanel({ job, pollError, onChange }: { job: ImportJob; pollError: unknown; onChange: (job: ImportJob) => void }) {
  const { message } = App.useApp();
  const [isCommitting, setCommitting] = useState(false);

  const commit = async () => {
    setCommitting(true);
    try {
      onChange(await commitImportJob(job.id));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setCommitting(false);
    }
  };

  return (
    <Card
      title={`${IMPORT_KIND_LABELS[job.kind]}导入：${job.fileName}`}
      extra={<ImportStatusTag status={job.status} />}
      data-testid="import-job"
    >
      <ErrorAlert error={pollError} />
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 3 }}
        items={[
          { key: 'rows', label: '数据行数', children: formatCount(job.totalRows) },
          { key: 'created', label: '上传时间', children: formatDateTime(job.createdAt) },
          { key: 'finished', label: '完成时间', children: formatDateTime(job.finishedAt) },
        ]}
      />
      {isJobActive(job) && (
        <div style={{ margin: '16px 0' }}>
          {job.status === 'parsing' ? '正在校验' : '正在写入'}：已处理 {formatCount(job.processedRows)} / {formatCount(job.totalRows)} 行
          <Progress percent={percentOf(job)} status="active" />
        </div>
      )}
      {job.status === 'invalid' && (
        <Flex vertical gap={12} style={{ marginTop: 16 }}>
          <Alert
            type="error"
            showIcon
            title={`校验发现 ${formatCount(job.errorCount)} 处错误，数据尚未导入`}
            description="请按下表（或下载标注错误的文件）逐条修改原文件后重新上传。全部通过校验后才能确认导入。"
            action={<DownloadButton path={reportPath(job.id)} fileName={`错误标注-${job.fileName}`} label="下载标注错误的文件" />}
          />
          {job.errorCount > job.errors.length && (
            <Alert type="warning" showIcon title={`下表只列出前 ${job.errors.length} 条错误，完整列表见标注错误的文件`} />
          )}
          <ImportErrorsTable errors={job.errors} />
        </Flex>
      )}
      {job.status === 'validated' && (
        <Alert
          style={{ marginTop: 16 }}
          type="success"
          showIcon
          title={`校验通过：共 ${formatCount(job.totalRows)} 行，没有发现错误`}
          description="确认导入后数据才会写入系统；已存在的记录按唯一标识更新，并记入审计日志。"
          action={
            <Button type="primary" loading={isCommitting} onClick={() => void commit()}>
              确认导入
            </Button>
          }
        />
      )}
      {job.status === 'committed' && job.summary && (
        <Result
          status="success"
          title="导入完成"
          subTitle={`完成时间：${formatDateTime(job.finishedAt)}`}
          extra={
            <Flex gap={48} justify="center">
              <Statistic title="新增" value={job.summary.inserted} />
              <Statistic title="更新" value={job.summary.updated} />
              <Statistic title="未变化" value={job.summary.unchanged} />
            </Flex>
          }
        />
      )}
      {job.status === 'failed' && (
        <Alert
          style={{ marginTop: 16 }}
          type="error"
          showIcon
          title="导入失败"
          description={job.message ?? '服务器处理文件时出错，请检查文件格式后重试'}
        />
      )}
    </Card>
  );
}
