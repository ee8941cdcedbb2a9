/**
 * Report jobs: a finished PDF is read back from the data folder after a restart (memory forgotten), only
 * by its owner; the same source asked again is served from the stored file without rendering; a job
 * that never finished is unknown after a restart (the client asks again); a failure carries its message.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { drainReportJobs, findReportJob, forgetReportJobsInMemory, queueReportJob, takeReportFile } from './report-jobs.ts';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'zhiping-report-jobs-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('report jobs', () => {
  it('keeps a finished PDF across a restart and reuses it for the same source', async () => {
    let renders = 0;
    const work = () => {
      renders += 1;
      return Promise.resolve(Buffer.from('%PDF-1.4 fake'));
    };
    const job = await queueReportJob(dataDir, 7, '甲幼儿园督导评估报告.pdf', '<html>甲</html>', work);
    expect(['queued', 'running']).toContain(job.status);
    await drainReportJobs();
    expect((await findReportJob(dataDir, 7, job.id)).status).toBe('done');

    forgetReportJobsInMemory();
    const after = await findReportJob(dataDir, 7, job.id);
    expect(after).toMatchObject({ status: 'done', fileName: '甲幼儿园督导评估报告.pdf', size: 13 });
    const file = await takeReportFile(dataDir, 7, job.id);
    expect(file.buffer.toString()).toBe('%PDF-1.4 fake');
    await expect(findReportJob(dataDir, 8, job.id)).rejects.toThrow(AppError);
    await expect(takeReportFile(dataDir, null, job.id)).rejects.toThrow(/不存在或已过期/);

    const again = await queueReportJob(dataDir, 8, '甲幼儿园督导评估报告.pdf', '<html>甲</html>', work);
    expect(again.status).toBe('done');
    expect((await takeReportFile(dataDir, 8, again.id)).buffer.toString()).toBe('%PDF-1.4 fake');
    expect(renders).toBe(1);
    const files = await readdir(path.join(dataDir, 'reports'));
    expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(1);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('forgets unfinished jobs on restart and reports failures', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = await queueReportJob(dataDir, 7, '乙.pdf', '<html>乙</html>', async () => {
      await gate;
      return Buffer.from('%PDF-乙');
    });
    await expect(takeReportFile(dataDir, 7, slow.id)).rejects.toThrow(/尚在生成/);
    forgetReportJobsInMemory();
    await expect(findReportJob(dataDir, 7, slow.id)).rejects.toThrow(/请重新生成/);
    release();
    await drainReportJobs();

    const failed = await queueReportJob(dataDir, 7, '丙.pdf', '<html>丙</html>', () =>
      Promise.reject(new AppError('INVALID_STATE', { userMessage: '结果尚未发布' })),
    );
    await drainReportJobs();
    expect(await findReportJob(dataDir, 7, failed.id)).toMatchObject({ status: 'failed', message: '结果尚未发布' });
    await expect(takeReportFile(dataDir, 7, failed.id)).rejects.toThrow(/结果尚未发布/);
  });
});
