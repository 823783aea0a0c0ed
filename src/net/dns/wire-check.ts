/**
 * A structural check of a DNS message before it is decoded: every name stays inside the message and
 * its compression pointers only point backwards (so they cannot loop), every record's RDATA lies
 * inside the message, the section counts match what is there, and TXT character-strings fit their
 * RDATA. dns-packet is lenient about some of these (a TXT RDLENGTH running past the end decodes as
 * an extra empty string); a diagnostic tool must call such an answer malformed, not trust it.
 * Returns undefined when the message is sound, else what is wrong.
 * @example checkStructure(Buffer.alloc(5)); // "message of 5 bytes is shorter than the 12-byte header"
 */
export function checkStructure(buf: Buffer): string | undefined {
  if (buf.length < 12) return `message of ${buf.length} bytes is shorter than the 12-byte header`;
  const counts = [buf.readUInt16BE(4), buf.readUInt16BE(6), buf.readUInt16BE(8), buf.readUInt16BE(10)];
  let offset = 12;
  for (let i = 0; i < (counts[0] ?? 0); i++) {
    const end = skipName(buf, offset);
    if (typeof end === "string") return `question ${i + 1}: ${end}`;
    offset = end + 4;
    if (offset > buf.length) return `question ${i + 1} runs past the end of the message`;
  }
  const sections = ["answer", "authority", "additional"];
  for (let s = 0; s < 3; s++) {
    for (let i = 0; i < (counts[s + 1] ?? 0); i++) {
      const where = `${sections[s]} record ${i + 1}`;
      const end = skipName(buf, offset);
      if (typeof end === "string") return `${where}: ${end}`;
      if (end + 10 > buf.length) return `${where}: header runs past the end of the message`;
      const type = buf.readUInt16BE(end);
      const rdlength = buf.readUInt16BE(end + 8);
      const rdata = end + 10;
      if (rdata + rdlength > buf.length) {
        return `${where}: RDLENGTH ${rdlength} runs ${rdata + rdlength - buf.length} bytes past the end of the message`;
      }
      if (type === 16 || type === 99) {
        const bad = checkCharacterStrings(buf, rdata, rdata + rdlength);
        if (bad) return `${where}: ${bad}`;
      }
      offset = rdata + rdlength;
    }
  }
  return undefined;
}

/** Returns the offset after the name at `start`, or what is wrong with it. */
function skipName(buf: Buffer, start: number): number | string {
  let offset = start;
  let end = -1;
  let length = 0;
  // Each pointer must go strictly backwards from the label it replaces, so the walk always ends.
  let limit = start;
  for (;;) {
    if (offset >= buf.length) return "name runs past the end of the message";
    const len = buf[offset] ?? 0;
    if (len === 0) return end < 0 ? offset + 1 : end;
    if ((len & 0xc0) === 0xc0) {
      if (offset + 1 >= buf.length) return "compression pointer cut off";
      const target = buf.readUInt16BE(offset) & 0x3fff;
      if (end < 0) end = offset + 2;
      if (target >= limit) return `compression pointer to offset ${target} does not point backwards (a loop)`;
      limit = target;
      offset = target;
      continue;
    }
    if ((len & 0xc0) !== 0) return `unknown label type 0x${len.toString(16)}`;
    length += len + 1;
    if (length > 255) return "name longer than 255 octets";
    offset += len + 1;
  }
}

function checkCharacterStrings(buf: Buffer, from: number, to: number): string | undefined {
  for (let i = from; i < to;) {
    const len = buf[i] ?? 0;
    if (i + 1 + len > to) return `TXT character-string of ${len} bytes runs past its RDATA`;
    i += 1 + len;
  }
  return undefined;
}
