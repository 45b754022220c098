/**
 * File names as clients send them (RFC 6266 Content-Disposition, or a query parameter) and as this service sends
 * them back. A stored name is only ever shown to people; it never becomes a path or a storage key.
 */

const PARAM_RE = /;\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;\s]*)/g;

function decodeExtValue(value: string): string | null {
  const match = /^([A-Za-z0-9!#$%&+^_`{}~-]+)'[A-Za-z0-9-]*'(.*)$/.exec(value);
  if (!match) return null;
  const charset = match[1].toLowerCase();
  try {
    if (charset === 'utf-8') return decodeURIComponent(match[2]);
    if (charset === 'iso-8859-1') {
      return match[2].replace(/%([0-9A-Fa-f]{2})/g, (_, byte: string) =>
        String.fromCharCode(parseInt(byte, 16)),
      );
    }
  } catch {
    return null;
  }
  return null;
}

/**
 * Header values reach Node as Latin-1; a client that sent the name as raw UTF-8 bytes gets it back decoded as
 * UTF-8 when that is what the bytes are.
 */
function fromHeaderBytes(value: string): string {
  if (!/[\u0080-\u00ff]/.test(value) || /[\u0100-\uffff]/.test(value)) return value;
  const decoded = Buffer.from(value, 'latin1').toString('utf8');
  return decoded.includes('\ufffd') ? value : decoded;
}

/** The file name of a Content-Disposition header: `filename*` (RFC 5987) wins over `filename`. */
export function fileNameFromDisposition(header: string): string | null {
  let plain: string | null = null;
  let extended: string | null = null;
  for (const match of header.matchAll(PARAM_RE)) {
    const name = match[1].toLowerCase();
    const raw = match[2];
    if (name === 'filename*') extended = decodeExtValue(raw.replace(/^"|"$/g, ''));
    if (name === 'filename') {
      plain = fromHeaderBytes(raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw);
    }
  }
  return extended ?? plain;
}

// Control characters, path separators, and the bidirectional overrides that make "exe.pdf" out of "fdp.exe".
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_RE = /[\u0000-\u001f\u007f-\u009f/\\\u202a-\u202e\u2066-\u2069\u200e\u200f]/;

/** A name fit to store and show: trimmed, NFC, 1–255 characters, no control characters or path separators. */
export function checkFileName(raw: string): { name: string } | { problem: string } {
  const name = raw.normalize('NFC').trim();
  if (name === '') return { problem: 'The file name is empty.' };
  if ([...name].length > 255) return { problem: 'The file name is longer than 255 characters.' };
  if (FORBIDDEN_RE.test(name)) {
    return { problem: 'The file name may not contain control characters, "/" or "\\".' };
  }
  if (name === '.' || name === '..') return { problem: 'The file name is not a name.' };
  return { name };
}

function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * `attachment` with the stored name: an ASCII stand-in in `filename` for old clients and the exact name in
 * `filename*`, so no character of the name can end the header value or add a parameter.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\u0020-\u007e]|["\\%;]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}
