/**
 * Test helpers for imports and exports: build xlsx files with exceljs, upload them as multipart
 * bodies through the signed-in client, wait for background jobs, and read xlsx answers back.
 */
import type { ImportJob } from '@zhiping/contracts';
import ExcelJS from 'exceljs';
import type { TestClient } from './app.ts';

/** An xlsx with one sheet: a header row, then the rows. */
export async function buildXlsx(headers: string[], rows: unknown[][], sheetName = 'Sheet1'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The rows of an xlsx's first visible sheet as arrays of cell values (index 0 = column A). */
export async function readXlsx(buffer: Buffer): Promise<{ rows: unknown[][]; workbook: ExcelJS.Workbook }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets.find((s) => s.state !== 'hidden')!;
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
  return { rows, workbook };
}

/** A multipart/form-data body carrying one file in the field `file`. */
export function multipart(fileName: string, content: Buffer, field = 'file'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----zhipingtest' + Math.random().toString(16).slice(2);
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head, 'utf8'), content, Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Polls a job until its background work is done. */
export async function waitForJob(client: TestClient, id: string, timeoutMs = 60_000): Promise<ImportJob> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await client.get(`/api/v1/imports/${id}`);
    if (res.statusCode !== 200) throw new Error(`job ${id}: ${res.statusCode} ${res.body}`);
    const job = res.json() as ImportJob;
    if (job.status !== 'parsing' && job.status !== 'committing') return job;
    if (Date.now() > until) throw new Error(`job ${id} still ${job.status}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Uploads a file for a kind and waits for the dry run; returns the finished job. */
export async function uploadAndValidate(client: TestClient, kind: string, content: Buffer, fileName = `${kind}.xlsx`): Promise<ImportJob> {
  const res = await client.inject({ method: 'POST', url: `/api/v1/imports/${kind}`, ...multipart(fileName, content) });
  if (res.statusCode !== 200) throw new Error(`upload ${kind}: ${res.statusCode} ${res.body}`);
  return waitForJob(client, (res.json() as ImportJob).id);
}

/** Commits a validated job and waits for the commit. */
export async function commitJob(client: TestClient, id: string): Promise<ImportJob> {
  const res = await client.post(`/api/v1/imports/${id}/commit`);
  if (res.statusCode !== 200) throw new Error(`commit ${id}: ${res.statusCode} ${res.body}`);
  return waitForJob(client, id);
}

/** Uploads, validates and commits; fails the test when the dry run finds errors. */
export async function importFile(client: TestClient, kind: string, content: Buffer): Promise<ImportJob> {
  const job = await uploadAndValidate(client, kind, content);
  if (job.status !== 'validated')
    throw new Error(`dry run of ${kind} ${job.status}: ${JSON.stringify(job.errors.slice(0, 5))} ${job.message}`);
  return commitJob(client, job.id);
}
