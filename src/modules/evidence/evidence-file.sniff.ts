import fs from 'node:fs/promises';

/** The media types an evidence file may have (the same list the database's check allows). */
export const EvidenceFileType = {
  PDF: 'application/pdf',
  DOC: 'application/msword',
  XLS: 'application/vnd.ms-excel',
  DOCX: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  PNG: 'image/png',
  JPEG: 'image/jpeg',
  GIF: 'image/gif',
  WEBP: 'image/webp',
} as const;

export type EvidenceFileMime = (typeof EvidenceFileType)[keyof typeof EvidenceFileType];

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_END = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
/** Office documents have tens of parts; a directory larger than this is not one worth parsing. */
const MAX_CENTRAL_DIRECTORY = 4 * 1024 * 1024;
const MAX_ENTRIES = 20000;

function startsWith(head: Buffer, prefix: Buffer | string, at = 0): boolean {
  const bytes = typeof prefix === 'string' ? Buffer.from(prefix, 'latin1') : prefix;
  return head.length >= at + bytes.length && head.subarray(at, at + bytes.length).equals(bytes);
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

async function readAt(handle: fs.FileHandle, length: number, position: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return buffer.subarray(0, done);
}

/**
 * The names of a zip archive's entries, read from its central directory (at the end of the file, which is what
 * unzip tools trust). Null when the end record or the directory is missing or malformed.
 */
export async function zipEntryNames(handle: fs.FileHandle, size: number): Promise<Set<string> | null> {
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = await readAt(handle, tailLength, size - tailLength);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === ZIP_END && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  let entries = tail.readUInt16LE(end + 10);
  let directorySize = tail.readUInt32LE(end + 12);
  let directoryOffset = tail.readUInt32LE(end + 16);
  if (entries === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || tail.readUInt32LE(locator) !== ZIP64_LOCATOR) return null;
    const recordOffset = Number(tail.readBigUInt64LE(locator + 8));
    if (recordOffset + 56 > size) return null;
    const record = await readAt(handle, 56, recordOffset);
    if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_END) return null;
    entries = Number(record.readBigUInt64LE(32));
    directorySize = Number(record.readBigUInt64LE(40));
    directoryOffset = Number(record.readBigUInt64LE(48));
  }
  if (
    entries > MAX_ENTRIES ||
    directorySize > MAX_CENTRAL_DIRECTORY ||
    directoryOffset + directorySize > size
  ) {
    return null;
  }
  const directory = await readAt(handle, directorySize, directoryOffset);
  const names = new Set<string>();
  let at = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== ZIP_CENTRAL) return null;
    const nameLength = directory.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    if (next > directory.length) return null;
    names.add(directory.toString('utf8', at + 46, at + 46 + nameLength));
    at = next;
  }
  return names;
}

/**
 * The type of a file judged by its content, never by its name or the type the client declared: an executable
 * or a web page renamed to .pdf is refused. The name decides only between the two legacy Office formats, which
 * share one container format, and breaks a tie between an archive holding both a document and a workbook.
 * Null when the content is none of the accepted types.
 */
export async function detectFileType(path: string, fileName: string): Promise<EvidenceFileMime | null> {
  const handle = await fs.open(path, 'r');
  try {
    const { size } = await handle.stat();
    const head = await readAt(handle, 16, 0);
    if (startsWith(head, '%PDF-')) return EvidenceFileType.PDF;
    if (startsWith(head, PNG)) return EvidenceFileType.PNG;
    if (startsWith(head, Buffer.from([0xff, 0xd8, 0xff]))) return EvidenceFileType.JPEG;
    if (startsWith(head, 'GIF87a') || startsWith(head, 'GIF89a')) return EvidenceFileType.GIF;
    if (startsWith(head, 'RIFF') && startsWith(head, 'WEBP', 8)) return EvidenceFileType.WEBP;
    const extension = extensionOf(fileName);
    if (startsWith(head, OLE2)) {
      if (extension === 'doc') return EvidenceFileType.DOC;
      if (extension === 'xls') return EvidenceFileType.XLS;
      return null;
    }
    if (head.length >= 4 && head.readUInt32LE(0) === ZIP_LOCAL) {
      const names = await zipEntryNames(handle, size);
      if (!names) return null;
      const isDocument = names.has('word/document.xml');
      const isWorkbook = names.has('xl/workbook.xml');
      if (isDocument && isWorkbook)
        return extension === 'xlsx' ? EvidenceFileType.XLSX : EvidenceFileType.DOCX;
      if (isDocument) return EvidenceFileType.DOCX;
      if (isWorkbook) return EvidenceFileType.XLSX;
    }
    return null;
  } finally {
    await handle.close();
  }
}
