/** SPF (RFC 7208): parsing, macros, check_host() with a trace, and static analysis of records. */
export { checkHost, spfQuery, spfDomainName, type SpfQueryParams } from "./evaluate.js";
export {
  DEFAULT_SPF_LIMITS,
  type CheckHostOptions,
  type CheckHostParams,
  type SpfLimits,
  type SpfMechanismName,
  type SpfQualifier,
  type SpfResult,
  type SpfResultCode,
  type SpfTraceNode,
  type SpfTraceQuery,
  type SpfTraceTerm,
} from "./types.js";
export {
  isSpfRecord,
  parseSpfRecord,
  parseDomainSpec,
  termHasMacros,
  type ParsedSpfRecord,
  type SpfMechanism,
  type SpfModifier,
  type SpfSyntaxError,
  type SpfSyntaxProblem,
  type SpfTerm,
} from "./parse.js";
export {
  parseMacroString,
  expandMacros,
  hasMacros,
  truncateDomain,
  urlEscape,
  type MacroToken,
  type MacroValues,
} from "./macros.js";
export { parseAddress, inNetwork, reverseName, type SpfAddress } from "./ip.js";
export {
  analyzeSpf,
  MAX_TREE_NODES,
  type AnswerLookup,
  type SpfAnalysis,
  type SpfTreeNode,
  type SpfTreeTerm,
  type SpfVoid,
} from "./analyze.js";
export { flattenSpf, type SpfFlattening } from "./flatten.js";
export { formatSpfTrace, formatSpfTree } from "./format.js";
