const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** RFC 5322 §4.3 obsolete zones, plus UTC; military single letters are treated as unknown (-0000). */
const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  est: -5,
  edt: -4,
  cst: -6,
  cdt: -5,
  mst: -7,
  mdt: -6,
  pst: -8,
  pdt: -7,
};

/**
 * Parses an RFC 5322 date-time (`Tue, 3 Jan 2017 12:22:54 -0800 (PST)`), leniently: the weekday
 * and seconds are optional, two-digit years follow RFC 5322 §4.3, obsolete zone names are known.
 * Returns epoch milliseconds, or undefined when the text is not a date.
 * @example
 *   parseMailDate("Thu, 14 Jan 2015 15:00:01 -0800"); // 1421276401000
 */
export function parseMailDate(text: string): number | undefined {
  const t = text.replace(/\([^()]*\)/g, " ").trim();
  const m =
    /(?:[A-Za-z]{3},?\s*)?(\d{1,2})[\s-]+([A-Za-z]{3})[a-z]*[\s-]+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([+-]\d{4}|[A-Za-z]{1,5})?/.exec(
      t,
    );
  if (!m) return undefined;
  const day = Number(m[1]);
  const month = MONTHS.indexOf((m[2] ?? "").toLowerCase());
  let year = Number(m[3]);
  if ((m[3] ?? "").length === 2) year += year < 50 ? 2000 : 1900;
  else if ((m[3] ?? "").length === 3) year += 1900;
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6] ?? 0);
  if (
    month < 0 ||
    day < 1 ||
    day > 31 ||
    hour > 23 ||
    minute > 59 ||
    second > 60 ||
    year < 1970 ||
    year > 9999
  )
    return undefined;
  let offsetMinutes = 0;
  const zone = m[7];
  if (zone && /^[+-]\d{4}$/.test(zone)) {
    const sign = zone.startsWith("-") ? -1 : 1;
    const hh = Number(zone.slice(1, 3));
    const mm = Number(zone.slice(3, 5));
    if (hh > 23 || mm > 59) return undefined;
    offsetMinutes = sign * (hh * 60 + mm);
  } else if (zone) {
    offsetMinutes = (ZONES[zone.toLowerCase()] ?? 0) * 60;
  }
  const utc = Date.UTC(year, month, day, hour, minute, second) - offsetMinutes * 60_000;
  return Number.isFinite(utc) ? utc : undefined;
}

/** A duration in words for people: `2h 03m`, `4m 10s`, `12s`, `850 ms`. Negative gets a minus. */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? "-" : "";
  const a = Math.abs(ms);
  if (a === 0) return "0s";
  if (a < 1000) return `${sign}${Math.round(a)} ms`;
  const s = Math.round(a / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (d > 0) return `${sign}${d}d ${h}h ${String(m).padStart(2, "0")}m`;
  if (h > 0) return `${sign}${h}h ${String(m).padStart(2, "0")}m`;
  if (m > 0) return `${sign}${m}m ${String(sec).padStart(2, "0")}s`;
  return `${sign}${sec}s`;
}
