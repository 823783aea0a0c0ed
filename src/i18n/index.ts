import type { Finding } from "../core/finding.js";
import { catalog } from "./catalogs/index.js";
import type { Lang, MessageText } from "./types.js";

export type { Lang, MessageText, Catalog } from "./types.js";
export { LANGS } from "./types.js";
export { catalog } from "./catalogs/index.js";

/** Picks the language from `LC_ALL`, `LC_MESSAGES` or `LANG`: zh* gives zh-CN, anything else en. */
export function langFromEnv(env: NodeJS.ProcessEnv = process.env): Lang {
  const loc = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^zh/i.test(loc) ? "zh-CN" : "en";
}

/** Fills `{name}` placeholders; an unknown placeholder is left as it is. */
export function interpolate(template: string, params: Finding["params"]): string {
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(params, key) ? String(params[key]) : whole,
  );
}

/** The texts of a finding in a language; an id missing from the catalog still renders, plainly. */
export function describe(f: Pick<Finding, "id" | "params">, lang: Lang): MessageText {
  const entry = catalog[f.id]?.[lang];
  if (!entry) {
    const params = Object.entries(f.params)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(", ");
    return { summary: `${f.id}${params ? ` (${params})` : ""}`, why: "", fix: "" };
  }
  return {
    summary: interpolate(entry.summary, f.params),
    why: interpolate(entry.why, f.params),
    fix: interpolate(entry.fix, f.params),
  };
}
