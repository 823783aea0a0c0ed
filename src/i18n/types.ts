export type Lang = "en" | "zh-CN";
export const LANGS: readonly Lang[] = ["en", "zh-CN"];

/** The texts of one finding in one language. `{param}` placeholders are filled from the finding. */
export interface MessageText {
  /** One line: what was found. */
  summary: string;
  /** Why it matters. */
  why: string;
  /** How to fix it (may be empty for `ok` findings). */
  fix: string;
}

/** Finding id -> texts in every language. Every entry must have both languages. */
export type Catalog = Record<string, Record<Lang, MessageText>>;
