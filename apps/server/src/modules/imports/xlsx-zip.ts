/**
 * The zip layer under the xlsx reader: the central directory tells where each part is, and each part
 * is streamed on its own (zlib inflate) as UTF-8 text decoded across chunk boundaries.
 *
 * Why not exceljs's own unzip pass: in exceljs 4.4 its single streaming pass can drop entries when the
 * consumer awaits between them (exceljs#3064: valid files intermittently fail), and it decodes each
 * chunk separately, garbling a multi-byte character split between chunks (about 1 Chinese cell in
 * 4,000 of a large sheet).
 */
import fs from 'node:fs';
import { Transform, pipeline, type Readable } from 'node:stream';
import zlib from 'node:zlib';

/** One file of the archive, from the central directory. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the entry's local header. */
  localHeaderOffset: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
/** The end record (22 bytes) plus the longest comment (65,535). */
const MAX_TAIL = 65_557;

/** Thrown for anything that is not a readable zip archive. */
export class NotAZipFileError extends Error {}

/** Reads the central directory: the archive's entries by name. */
export async function readZipEntries(filePath: string): Promise<Map<string, ZipEntry>> {
  const handle = await fs.promises.open(filePath, 'r');
  try {
    const { size } = await handle.stat();
    const tailSize = Math.min(size, MAX_TAIL);
    const tail = Buffer.alloc(tailSize);
    await handle.read(tail, 0, tailSize, size - tailSize);
    let end = -1;
    for (let i = tailSize - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
        end = i;
        break;
      }
    }
    if (end < 0) throw new NotAZipFileError('no end of central directory');
    const count = tail.readUInt16LE(end + 10);
    const directorySize = tail.readUInt32LE(end + 12);
    const directoryOffset = tail.readUInt32LE(end + 16);
    // ZIP64 archives (over 4 GB or 65,535 entries) are far beyond the upload limit.
    if (directoryOffset === 0xffffffff || directoryOffset + directorySize > size) throw new NotAZipFileError('bad central directory');
    const directory = Buffer.alloc(directorySize);
    await handle.read(directory, 0, directorySize, directoryOffset);
    const entries = new Map<string, ZipEntry>();
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > directory.length || directory.readUInt32LE(p) !== CENTRAL_FILE_HEADER)
        throw new NotAZipFileError('bad central file header');
      const nameLength = directory.readUInt16LE(p + 28);
      const name = directory.toString('utf8', p + 46, p + 46 + nameLength);
      entries.set(name, {
        name,
        method: directory.readUInt16LE(p + 10),
        compressedSize: directory.readUInt32LE(p + 20),
        uncompressedSize: directory.readUInt32LE(p + 24),
        localHeaderOffset: directory.readUInt32LE(p + 42),
      });
      p += 46 + nameLength + directory.readUInt16LE(p + 30) + directory.readUInt16LE(p + 32);
    }
    return entries;
  } finally {
    await handle.close();
  }
}

/**
 * Streams one entry's content as UTF-8 text (string chunks; a character never splits between chunks).
 * `onBytes` receives the uncompressed bytes produced so far (for progress against entry.uncompressedSize).
 */
export async function openZipEntryText(filePath: string, entry: ZipEntry, onBytes?: (bytes: number) => void): Promise<Readable> {
  const header = Buffer.alloc(30);
  const handle = await fs.promises.open(filePath, 'r');
  try {
    await handle.read(header, 0, 30, entry.localHeaderOffset);
  } finally {
    await handle.close();
  }
  if (header.readUInt32LE(0) !== LOCAL_FILE_HEADER) throw new NotAZipFileError(`bad local header of ${entry.name}`);
  if (entry.method !== 0 && entry.method !== 8) throw new NotAZipFileError(`unsupported compression ${entry.method} of ${entry.name}`);
  let bytes = 0;
  const text = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      onBytes?.((bytes += chunk.length));
      done(null, chunk);
    },
  });
  text.setEncoding('utf8');
  if (entry.compressedSize === 0) return text.end();
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const source = fs.createReadStream(filePath, { start, end: start + entry.compressedSize - 1 });
  // pipeline destroys `text` with the error of any stage, so the consumer's loop throws it.
  const done = () => undefined;
  if (entry.method === 8) pipeline(source, zlib.createInflateRaw(), text, done);
  else pipeline(source, text, done);
  return text;
}
