import { open } from "node:fs/promises";
import { UsageError } from "../core/exit-codes.js";

/**
 * The most bytes of a message mxray reads: 64 MiB. DKIM body hashes need the whole message in
 * memory (mailauth hashes a buffer), so the cap bounds memory; a larger message is analysed from
 * its first 64 MiB (headers and delivery trace intact) and its DKIM body hashes are not judged.
 */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/** A message as read from a file or stdin. */
export interface RawMessage {
  /** The bytes read (at most the cap). */
  bytes: Buffer;
  /** Where it came from: a path, or `-` for stdin. */
  source: string;
  /** Bytes of the whole input when known (file size), else the bytes read. */
  size: number;
  /** True when the input was larger than the cap and only its beginning was read. */
  truncated: boolean;
}

/**
 * Reads a message file (or stdin for `-`) up to `maxBytes`.
 * @example
 *   const raw = await readMessage("mail.eml");
 *   if (raw.truncated) console.log("only the first 64 MiB were read");
 */
export async function readMessage(path: string, maxBytes = MAX_MESSAGE_BYTES): Promise<RawMessage> {
  if (path === "-") return readStream(process.stdin, "-", maxBytes);
  let handle;
  try {
    handle = await open(path, "r");
  } catch (err) {
    throw new UsageError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new UsageError(`${path} is not a regular file`);
    const length = Math.min(stat.size, maxBytes);
    const bytes = Buffer.alloc(length);
    let offset = 0;
    while (offset < length) {
      const { bytesRead } = await handle.read(bytes, offset, length - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    return {
      bytes: bytes.subarray(0, offset),
      source: path,
      size: stat.size,
      truncated: stat.size > maxBytes,
    };
  } finally {
    await handle.close();
  }
}

/** Reads a stream up to `maxBytes`, then stops reading (the rest is never buffered). */
export async function readStream(
  stream: NodeJS.ReadableStream,
  source: string,
  maxBytes = MAX_MESSAGE_BYTES,
): Promise<RawMessage> {
  const chunks: Buffer[] = [];
  let total = 0;
  let truncated = false;
  for await (const chunk of stream) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    if (total + buf.length > maxBytes) {
      chunks.push(buf.subarray(0, maxBytes - total));
      total = maxBytes;
      truncated = true;
      break;
    }
    chunks.push(buf);
    total += buf.length;
  }
  return { bytes: Buffer.concat(chunks, total), source, size: total, truncated };
}

/**
 * Converts bare LF line ends to CRLF in one pass (Maildir files use LF; DKIM canonicalization is
 * defined on CRLF). mailauth would do it too, but line by line, which is slow on large bodies.
 */
export function toCrlf(bytes: Buffer): Buffer {
  let bare = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1))
    if (i === 0 || bytes[i - 1] !== 0x0d) bare++;
  if (bare === 0) return bytes;
  const out = Buffer.alloc(bytes.length + bare);
  let src = 0;
  let dst = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) {
    if (i > 0 && bytes[i - 1] === 0x0d) continue;
    dst += bytes.copy(out, dst, src, i);
    out[dst++] = 0x0d;
    out[dst++] = 0x0a;
    src = i + 1;
  }
  bytes.copy(out, dst, src);
  return out;
}
