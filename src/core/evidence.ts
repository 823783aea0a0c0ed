/**
 * Everything probes gathered about one target, as plain serializable data.
 * Each area adds its own optional section by declaration merging, in its own module:
 *
 *   declare module "../core/evidence.js" { interface Evidence { spf?: SpfEvidence } }
 *
 * so `mxray report evidence.json` can re-judge a saved run offline.
 */
export interface Evidence {
  /** Format version of the saved evidence file. */
  schema: 1;
  /** The domain or host that was examined (ASCII / punycode form). */
  target: string;
  /** The target as the user typed it (may be Unicode). */
  input: string;
  /** ISO 8601 time the collection started. */
  collectedAt: string;
  /** Resolvers used, `host:port`. */
  resolvers: string[];
}

/** The envelope written by `--save-evidence` and read by `mxray report`. */
export interface SavedEvidence {
  mxray: "evidence";
  version: string;
  command: string;
  evidence: Evidence;
}
