import { isAscii } from "node:buffer";
import { closeSync, createReadStream, openSync, readSync } from "node:fs";
import { PassThrough, Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { createGunzip } from "node:zlib";
import { UsageError } from "../core/exit-codes.js";
import type { LineCounts } from "./postfix-log/summary.js";

/** Longest line kept; longer ones are counted as overlong and skipped (bounded memory on garbage). */
export const MAX_LINE = 64 * 1024;

export function emptyLineCounts(): LineCounts {
  return {
    total: 0,
    postfix: 0,
    exim: 0,
    otherPrograms: 0,
    blank: 0,
    crlf: 0,
    binary: 0,
    truncated: 0,
    overlong: 0,
    unrecognized: 0,
    outOfRange: 0,
  };
}

/** Bytes that never occur in a clean log line (C0 controls except TAB and LF, DEL) plus CR. */
const SUSPECT_BYTES = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
  31, 127,
];

/**
 * Whether an ASCII chunk holds a byte that needs the per-line checks. Done on the bytes with native
 * scans (memchr): far cheaper than a regular expression over the decoded text, and most chunks of a
 * real log are clean.
 */
function hasSuspectByte(b: Buffer): boolean {
  for (const c of SUSPECT_BYTES) if (b.indexOf(c) >= 0) return true;
  return false;
}

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Whether the file starts with the gzip magic bytes. */
export function isGzipFile(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const b = Buffer.alloc(2);
    return readSync(fd, b, 0, 2, 0) === 2 && b[0] === 0x1f && b[1] === 0x8b;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Opens a log: a file (gzip-compressed ones are recognised by their magic bytes, whatever their
 * name), or `-` for standard input (also gunzipped when it starts with the gzip magic).
 * Throws UsageError (exit 3) for a file that cannot be opened.
 */
export function openLog(spec: string, stdin: Readable = process.stdin): Readable {
  if (spec === "-") return sniffGzip(stdin);
  let gz: boolean;
  try {
    gz = isGzipFile(spec);
  } catch (err) {
    throw new UsageError(
      `cannot read ${spec}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  const file = createReadStream(spec, { highWaterMark: 1 << 20 });
  return gz ? file.pipe(createGunzip()) : file;
}

/** Bytes [start, end) of an uncompressed file (a part of a log split at line starts). */
export function openLogRange(path: string, start: number, end: number): Readable {
  if (end <= start) return Readable.from([]);
  return createReadStream(path, { start, end: end - 1, highWaterMark: 1 << 20 });
}

function sniffGzip(input: Readable): Readable {
  const out = new PassThrough({ highWaterMark: 1 << 20 });
  let decided = false;
  input.once("data", (first: Buffer) => {
    decided = true;
    const gz = first.length >= 2 && first[0] === 0x1f && first[1] === 0x8b;
    const target = gz ? createGunzip() : out;
    if (gz) target.pipe(out);
    target.write(first);
    input.pipe(target);
    target.on("error", (e) => out.destroy(e));
  });
  input.once("end", () => {
    if (!decided) out.end();
  });
  input.once("error", (e) => out.destroy(e));
  return out;
}

/**
 * Splits text chunks into clean lines: CR LF endings are stripped (and counted), lines with control
 * characters or invalid UTF-8 are counted as binary and dropped, lines over MAX_LINE are counted and
 * dropped, blank lines are counted. Feed chunks with `push`, then call `end`.
 *
 * @example
 *   const s = new LineSplitter(counts, (lines) => lines.forEach(handle));
 *   s.push(Buffer.from("a\nb")); s.end(); // handle("a"), handle("b")
 */
export class LineSplitter {
  private readonly decoder = new StringDecoder("utf8");
  /** Whether the decoder may hold the first bytes of a character split across chunks. */
  private decoderPending = false;
  private partial = "";
  private skippingOverlong = false;
  /** Whether the carried-over partial line holds a CR or garbage (checked when it is completed). */
  private partialDirty = false;

  /**
   * @param emit receives the clean lines of each chunk
   * @param cleanLine when given, receives instead the lines of plain ASCII chunks as `text[start, end)`,
   *   equal to `buf[start, end)`: a parser may read the bytes, and skips a string per line
   */
  constructor(
    private readonly counts: LineCounts,
    private readonly emit: (lines: string[]) => void,
    private readonly cleanLine?: (buf: Buffer, text: string, start: number, end: number) => void,
  ) {}

  push(chunk: Buffer): void {
    const ascii = isAscii(chunk);
    const suspect = !ascii || hasSuspectByte(chunk);
    if (this.cleanLine && !suspect && !this.decoderPending) {
      this.cleanChunk(chunk, chunk.toString("latin1"));
      return;
    }
    // ASCII decodes the same as Latin-1, which V8 builds without a UTF-8 pass (about 3x faster)
    const text = ascii && !this.decoderPending ? chunk.toString("latin1") : this.decoder.write(chunk);
    this.decoderPending = !ascii;
    this.text(text, suspect);
  }

  /**
   * A chunk of plain ASCII without control characters: its lines (after the first, which completes
   * the carried-over part) go to `cleanLine` as offsets, which are byte and character offsets alike.
   */
  private cleanChunk(buf: Buffer, s: string): void {
    let nl = buf.indexOf(10);
    if (nl < 0) {
      this.append(s, false);
      return;
    }
    this.text(s.slice(0, nl + 1), false);
    const c = this.counts;
    const sink = this.cleanLine as NonNullable<typeof this.cleanLine>;
    let start = nl + 1;
    while ((nl = buf.indexOf(10, start)) >= 0) {
      c.total++;
      const len = nl - start;
      if (len === 0) c.blank++;
      else if (len > MAX_LINE) c.overlong++;
      else sink(buf, s, start, nl);
      start = nl + 1;
    }
    this.append(s.slice(start), false);
  }

  end(): void {
    const rest = this.partial + this.decoder.end();
    this.partial = "";
    if (this.skippingOverlong) {
      this.skippingOverlong = false;
      return;
    }
    if (rest.length > 0) this.emit(this.clean([rest], true));
  }

  private text(s: string, suspect: boolean): void {
    let start = 0;
    let nl = s.indexOf("\n");
    if (nl < 0) {
      this.append(s, suspect);
      return;
    }
    const lines: string[] = [];
    const dirty = this.partialDirty || suspect;
    // the first line completes what the previous chunk left
    if (this.skippingOverlong) {
      this.skippingOverlong = false;
    } else {
      const first = this.partial + s.slice(0, nl);
      if (first.length > MAX_LINE) {
        this.counts.total++;
        this.counts.overlong++;
      } else lines.push(first);
    }
    this.partial = "";
    start = nl + 1;
    while ((nl = s.indexOf("\n", start)) >= 0) {
      if (nl - start > MAX_LINE) {
        this.counts.total++;
        this.counts.overlong++;
      } else lines.push(s.slice(start, nl));
      start = nl + 1;
    }
    this.partialDirty = false;
    this.append(s.slice(start), suspect);
    this.emit(this.clean(lines, dirty));
  }

  private append(s: string, suspect: boolean): void {
    if (this.skippingOverlong) return;
    this.partial += s;
    if (suspect && s.length > 0) this.partialDirty = true;
    if (this.partial.length > MAX_LINE) {
      this.counts.total++;
      this.counts.overlong++;
      this.partial = "";
      this.partialDirty = false;
      this.skippingOverlong = true;
    }
  }

  private clean(lines: string[], dirty: boolean): string[] {
    const c = this.counts;
    c.total += lines.length;
    if (!dirty) {
      const out: string[] = [];
      for (const l of lines) {
        if (l.length === 0) c.blank++;
        else out.push(l);
      }
      return out;
    }
    const out: string[] = [];
    for (let l of lines) {
      if (l.endsWith("\r")) {
        c.crlf++;
        l = l.slice(0, -1);
      }
      if (l.length === 0) {
        c.blank++;
        continue;
      }
      if (CONTROL.test(l) || l.indexOf("\r") >= 0 || tooManyReplacements(l)) {
        c.binary++;
        continue;
      }
      out.push(l);
    }
    return out;
  }
}

/** Invalid UTF-8 decodes to U+FFFD; a few can be a Latin-1 subject, many mean binary data. */
function tooManyReplacements(l: string): boolean {
  let n = 0;
  let i = l.indexOf("\ufffd");
  while (i >= 0) {
    n++;
    if (n > 8 || n * 10 > l.length) return true;
    i = l.indexOf("\ufffd", i + 1);
  }
  return false;
}

/**
 * Reads a stream as batches of clean lines (one batch per chunk read).
 *
 * @example
 *   for await (const batch of lineBatches(openLog("mail.log.1.gz"), counts)) for (const line of batch) use(line);
 */
export async function* lineBatches(input: Readable, counts: LineCounts): AsyncGenerator<string[]> {
  const pending: string[][] = [];
  const splitter = new LineSplitter(counts, (lines) => {
    if (lines.length) pending.push(lines);
  });
  for await (const chunk of input) {
    splitter.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
    while (pending.length) yield pending.shift() as string[];
  }
  splitter.end();
  while (pending.length) yield pending.shift() as string[];
}
