/**
 * Downloads of a school's report: Word directly, PDF through the server's background job (polled). The
 * server keeps finished PDFs across restarts; a job lost in a restart is regenerated transparently.
 */
import { FilePdfOutlined } from '@ant-design/icons';
import type { ReportJob } from '@zhiping/contracts';
import { App, Button } from 'antd';
import { useState } from 'react';
import { DownloadButton } from '../../components/export-button.tsx';
import { ApiError, errorMessage } from '../../lib/api-error.ts';
import { downloadFile } from '../../lib/download.ts';
import { evaluationsApi } from './evaluations-api.ts';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function ReportDownloads({ evaluationId, schoolName }: { evaluationId: number; schoolName: string }) {
  const { message } = App.useApp();
  const [isBusy, setBusy] = useState(false);
  /** Starts the job and polls it; a job the server no longer knows (it restarted meanwhile) is asked for again once. */
  const pdf = async () => {
    setBusy(true);
    try {
      const run = async (): Promise<ReportJob> => {
        let job = await evaluationsApi.startPdf(evaluationId);
        for (let i = 0; i < 120 && (job.status === 'queued' || job.status === 'running'); i++) {
          await wait(1000);
          job = await evaluationsApi.reportJob(job.id);
        }
        return job;
      };
      let job: ReportJob;
      try {
        job = await run();
      } catch (e) {
        if (!(e instanceof ApiError && e.status === 404)) throw e;
        job = await run();
      }
      if (job.status !== 'done') throw new Error(job.message ?? 'PDF 生成失败');
      await downloadFile(`/evaluations/report-jobs/${job.id}/file`, job.fileName);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <DownloadButton path={`/evaluations/${evaluationId}/report.docx`} fileName={`${schoolName}评估报告.docx`} label="下载报告（Word）" />
      <Button icon={<FilePdfOutlined />} loading={isBusy} onClick={() => void pdf()}>
        下载报告（PDF）
      </Button>
    </>
  );
}
