/** HTTP helpers of supervision routes: sending a download and reading one uploaded file. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import type { UploadedFile } from './evidence-store.ts';

/** Sends a file as an attachment with its (Chinese) name. */
export function sendDownload(reply: FastifyReply, file: { fileName: string; contentType: string; buffer: Buffer }) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="download"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .send(file.buffer);
}

/** The one file of a multipart/form-data request (field `file`). */
export async function readUpload(request: FastifyRequest): Promise<UploadedFile> {
  const wrongShape = new AppError('VALIDATION_FAILED', { userMessage: '请以 multipart/form-data 上传文件（字段名 file）' });
  if (!request.isMultipart()) throw wrongShape;
  const part = await request.file();
  if (!part || part.fieldname !== 'file') throw wrongShape;
  return { fileName: part.filename, contentType: part.mimetype, content: await part.toBuffer() };
}
