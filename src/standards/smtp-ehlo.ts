/**
 * The service extensions an SMTP server announces in its EHLO reply (RFC 5321 §4.1.1.1: every line
 * after the first is `keyword [params]`).
 */
export interface EhloCapabilities {
  /** The domain the server gave in the first line. */
  greetName?: string;
  /** Keywords in upper case, in the order sent. */
  keywords: string[];
  /** SIZE limit in bytes (RFC 1870); 0 means no fixed limit; undefined when not announced. */
  size?: number;
  /** AUTH mechanisms (RFC 4954), upper case; `AUTH=` old-style lines count too. */
  auth: string[];
  starttls: boolean;
  pipelining: boolean;
  eightBitMime: boolean;
  smtpUtf8: boolean;
  chunking: boolean;
  dsn: boolean;
  enhancedStatusCodes: boolean;
  requireTls: boolean;
  vrfy: boolean;
}

/** SASL mechanisms that send the password itself (readable by anyone on the path without TLS). */
export const PLAINTEXT_MECHANISMS: ReadonlySet<string> = new Set(["PLAIN", "LOGIN"]);

/**
 * Parses the text lines of a 250 EHLO reply.
 *
 * @example
 *   parseEhlo(["mx.example.com", "SIZE 10240000", "STARTTLS", "AUTH PLAIN LOGIN"]).auth // ["PLAIN", "LOGIN"]
 */
export function parseEhlo(lines: readonly string[]): EhloCapabilities {
  const [first, ...rest] = lines;
  const keywords: string[] = [];
  const auth = new Set<string>();
  let size: number | undefined;
  for (const raw of rest) {
    const [kw = "", ...params] = raw.trim().split(/\s+/);
    // `AUTH=LOGIN PLAIN` is the pre-RFC form some servers still send for old clients
    const eq = /^AUTH=(.*)$/i.exec(kw);
    const keyword = eq ? "AUTH" : kw.toUpperCase();
    if (!keyword) continue;
    if (!keywords.includes(keyword)) keywords.push(keyword);
    if (keyword === "AUTH")
      for (const m of [...(eq?.[1] ? [eq[1]] : []), ...params]) if (m) auth.add(m.toUpperCase());
    if (keyword === "SIZE") {
      const n = Number(params[0] ?? "0");
      size = Number.isFinite(n) && n >= 0 ? n : undefined;
    }
  }
  const has = (k: string) => keywords.includes(k);
  const greetName = first?.trim().split(/\s+/)[0];
  return {
    ...(greetName ? { greetName } : {}),
    keywords,
    ...(size !== undefined ? { size } : {}),
    auth: [...auth],
    starttls: has("STARTTLS"),
    pipelining: has("PIPELINING"),
    eightBitMime: has("8BITMIME"),
    smtpUtf8: has("SMTPUTF8"),
    chunking: has("CHUNKING"),
    dsn: has("DSN"),
    enhancedStatusCodes: has("ENHANCEDSTATUSCODES"),
    requireTls: has("REQUIRETLS"),
    vrfy: has("VRFY"),
  };
}

/** What changed between two EHLO replies (before and after STARTTLS). */
export function diffCapabilities(
  before: EhloCapabilities,
  after: EhloCapabilities,
): { added: string[]; removed: string[] } {
  const describe = (c: EhloCapabilities) => [
    ...c.keywords.filter((k) => k !== "AUTH"),
    ...c.auth.map((m) => `AUTH ${m}`),
  ];
  const a = describe(before);
  const b = describe(after);
  return { added: b.filter((k) => !a.includes(k)), removed: a.filter((k) => !b.includes(k)) };
}

/** What an SMTP reply code at the banner means (RFC 5321 §3.1, §4.2.3). */
export function bannerMeaning(code: number): "ready" | "busy" | "refused" | "other" {
  if (code === 220) return "ready";
  if (code === 421) return "busy";
  if (code === 554) return "refused";
  return "other";
}
