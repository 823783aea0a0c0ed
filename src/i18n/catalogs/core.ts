import type { Catalog } from "../types.js";

/** Findings about mxray itself and about DNS failures shared by every area. */
export const coreMessages: Catalog = {
  "internal.check.crashed": {
    en: {
      summary: "The check {check} failed internally: {error}",
      why: "A bug in mxray stopped this check; its area was not judged.",
      fix: "Report this with the saved evidence (--save-evidence) so it can be reproduced.",
    },
    "zh-CN": {
      summary: "检查 {check} 内部出错：{error}",
      why: "mxray 的缺陷使该项检查中断，此部分未被评估。",
      fix: "请使用 --save-evidence 保存证据并报告此问题，以便复现。",
    },
  },
  "dns.lookup.failed": {
    en: {
      summary: "DNS lookup of {name} {type} failed: {status}",
      why: "The answer could not be obtained, so this part could not be judged. A SERVFAIL or timeout is not the same as a missing record: receivers that see it will defer or treat the check as a temporary error.",
      fix: "Check that the domain's authoritative servers answer for {name} (dig @server {name} {type}), and that DNSSEC signatures are valid if the zone is signed.",
    },
    "zh-CN": {
      summary: "DNS 查询 {name} {type} 失败：{status}",
      why: "无法获得应答，因此此部分无法评估。SERVFAIL 或超时并不等于记录不存在：接收方遇到时会推迟投递或视为临时错误。",
      fix: "确认该域名的权威服务器能为 {name} 应答（dig @server {name} {type}），若区域已签名请确认 DNSSEC 签名有效。",
    },
  },
};
