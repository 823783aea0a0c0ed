import type { Catalog } from "../../types.js";

/** DMARC findings (src/checks/dmarc.ts). */
export const dmarcMessages: Catalog = {
  "dmarc.record.valid": {
    en: {
      summary:
        "DMARC policy at {name}: p={policy}, subdomains {subdomainPolicy}, non-existent subdomains {nonExistentPolicy} (alignment DKIM {adkim}, SPF {aspf})",
      why: "Receivers apply this policy to mail whose From domain fails both aligned SPF and aligned DKIM.",
      fix: "",
    },
    "zh-CN": {
      summary:
        "{name} 的 DMARC 策略：p={policy}，子域 {subdomainPolicy}，不存在的子域 {nonExistentPolicy}（对齐方式 DKIM {adkim}，SPF {aspf}）",
      why: "对于发件人（From）域名既未通过对齐的 SPF、也未通过对齐的 DKIM 的邮件，接收方会执行此策略。",
      fix: "",
    },
  },
  "dmarc.record.missing": {
    en: {
      summary: "No DMARC record for {domain} (asked {names})",
      why: "Without DMARC, anyone can send mail that claims to come from this domain and receivers have no instruction to reject it. Gmail, Yahoo and Outlook require a DMARC record from bulk senders, and you receive no reports about who sends in your name.",
      fix: 'Publish a TXT record at _dmarc.{domain}, starting with monitoring: "v=DMARC1; p=none; rua=mailto:dmarc-reports@{domain}". Read the reports, fix SPF and DKIM for every legitimate sender, then move to p=quarantine and p=reject.',
    },
    "zh-CN": {
      summary: "{domain} 没有 DMARC 记录（已查询 {names}）",
      why: "没有 DMARC，任何人都可以冒用该域名发信，而接收方得不到拒收的指示。Gmail、Yahoo 和 Outlook 要求批量发件人必须发布 DMARC 记录，而且您也收不到任何关于谁在以您的名义发信的报告。",
      fix: '在 _dmarc.{domain} 发布 TXT 记录，先从监控开始："v=DMARC1; p=none; rua=mailto:dmarc-reports@{domain}"。阅读报告，为每个合法发件来源配好 SPF 和 DKIM，再逐步改为 p=quarantine 和 p=reject。',
    },
  },
  "dmarc.record.ignored": {
    en: {
      summary: 'A TXT record at {name} looks like DMARC but is ignored by receivers: "{record}"',
      why: "Receivers only keep TXT records that begin exactly with \"v=DMARC1\" (upper case, first tag, followed by ';'). Anything else is discarded as if it were not there.",
      fix: 'Rewrite the record so that it starts with "v=DMARC1;" followed by p=, e.g. "v=DMARC1; p=reject; rua=mailto:...".',
    },
    "zh-CN": {
      summary: '{name} 上有一条看似 DMARC 的 TXT 记录，但接收方会忽略它："{record}"',
      why: '接收方只采用以 "v=DMARC1" 开头（大写、作为第一个标签、后接分号）的 TXT 记录，其他记录一律视为不存在。',
      fix: '改写该记录，使其以 "v=DMARC1;" 开头并紧跟 p=，例如 "v=DMARC1; p=reject; rua=mailto:..."。',
    },
  },
  "dmarc.record.multiple": {
    en: {
      summary: "{count} DMARC records at {name}: receivers apply no DMARC policy at all",
      why: "RFC 7489 §6.6.3: when more than one v=DMARC1 record is found, policy discovery ends and DMARC is not applied to the domain's mail. Your policy is silently switched off.",
      fix: "Keep exactly one TXT record starting with v=DMARC1 at {name}; merge the tags you need into it and delete the others.",
    },
    "zh-CN": {
      summary: "{name} 上有 {count} 条 DMARC 记录：接收方将完全不执行 DMARC 策略",
      why: "RFC 7489 §6.6.3 规定：发现多条 v=DMARC1 记录时，策略查找终止，该域名的邮件不适用 DMARC。您的策略实际上被悄悄关闭了。",
      fix: "在 {name} 只保留一条以 v=DMARC1 开头的 TXT 记录，把需要的标签合并进去，删除其余记录。",
    },
  },
  "dmarc.record.inherited": {
    en: {
      summary:
        "{domain} has no DMARC record of its own; the policy of {orgDomain} applies (p for subdomains: {policy})",
      why: "Receivers fall back to the organizational domain's record, applying its sp= (or p= when sp= is absent) to subdomains. That is correct when intended, but the policy is set and reported on {orgDomain}.",
      fix: "Nothing to do if this is intended. To give {domain} its own policy or report address, publish a record at _dmarc.{domain}.",
    },
    "zh-CN": {
      summary: "{domain} 没有自己的 DMARC 记录，适用 {orgDomain} 的策略（子域策略：{policy}）",
      why: "接收方会回退到组织域的记录，对子域执行其 sp=（没有 sp= 时执行 p=）。如果这是有意为之则没有问题，但策略的设置和报告都在 {orgDomain} 上。",
      fix: "如属有意，无需处理。若要为 {domain} 单独设置策略或报告地址，请在 _dmarc.{domain} 发布记录。",
    },
  },
  "dmarc.discovery.tree-walk-differs": {
    en: {
      summary:
        "Receivers disagree on the DMARC policy of {domain}: RFC 7489 ones use {pslName} ({pslPolicy}), RFC 9989 ones use {walkName} ({walkPolicy})",
      why: "RFC 7489 receivers go from the domain straight to its organizational domain (Public Suffix List); RFC 9989 (DMARCbis) receivers walk up the DNS tree and stop at the first record, here {walkName}. As receivers upgrade, the policy applied to {domain} changes.",
      fix: "Publish a record at _dmarc.{domain} itself so that every receiver applies the same policy, or remove {walkName} if it is a leftover.",
    },
    "zh-CN": {
      summary:
        "接收方对 {domain} 的 DMARC 策略看法不一：遵循 RFC 7489 的使用 {pslName}（{pslPolicy}），遵循 RFC 9989 的使用 {walkName}（{walkPolicy}）",
      why: "遵循 RFC 7489 的接收方会从该域名直接跳到其组织域（依据公共后缀列表）；遵循 RFC 9989（DMARCbis）的接收方则沿 DNS 树逐级向上，遇到第一条记录即停止，这里是 {walkName}。随着接收方升级，{domain} 实际适用的策略会发生变化。",
      fix: "在 _dmarc.{domain} 本身发布记录，让所有接收方执行同一策略；如果 {walkName} 是遗留记录，请将其删除。",
    },
  },
  "dmarc.discovery.tree-walk-only": {
    en: {
      summary: "Only RFC 9989 receivers find a DMARC policy for {domain}, at {walkName} ({walkPolicy})",
      why: "The record at {walkName} lies between {domain} and its organizational domain, which has no record. RFC 7489 receivers never look there, so for them {domain} has no DMARC policy.",
      fix: "Publish the policy at _dmarc.{domain} or at the organizational domain so that every receiver finds it.",
    },
    "zh-CN": {
      summary: "只有遵循 RFC 9989 的接收方能找到 {domain} 的 DMARC 策略，位于 {walkName}（{walkPolicy}）",
      why: "{walkName} 上的记录位于 {domain} 与其组织域之间，而组织域本身没有记录。遵循 RFC 7489 的接收方从不查询那里，对它们来说 {domain} 没有 DMARC 策略。",
      fix: "把策略发布在 _dmarc.{domain} 或组织域上，使所有接收方都能找到。",
    },
  },
  "dmarc.syntax.empty-tag": {
    en: {
      summary: 'Empty tag (";;") at position {position} of the DMARC record at {name}',
      why: "The tag-list grammar does not allow an empty entry between semicolons. Common receivers tolerate it, strict parsers may reject the record.",
      fix: "Remove the extra semicolon.",
    },
    "zh-CN": {
      summary: '{name} 的 DMARC 记录第 {position} 个字符处有空标签（";;"）',
      why: "标签列表语法不允许两个分号之间为空。常见接收方能容忍，但严格的解析器可能拒绝整条记录。",
      fix: "删除多余的分号。",
    },
  },
  "dmarc.syntax.missing-equals": {
    en: {
      summary: '"{text}" at position {position} of the DMARC record at {name} is not a tag=value pair',
      why: "Every entry of a DMARC record must be name=value separated by semicolons; a receiver cannot read this part. A missing ';' between two tags often causes it.",
      fix: "Correct the record at position {position}: separate tags with ';' and write each as name=value.",
    },
    "zh-CN": {
      summary: '{name} 的 DMARC 记录第 {position} 个字符处的 "{text}" 不是 标签=值 形式',
      why: "DMARC 记录的每一项都必须是以分号分隔的 名称=值，接收方无法解析这一部分。两个标签之间漏写分号常导致此问题。",
      fix: "修正第 {position} 个字符处的内容：标签之间用分号分隔，每项写成 名称=值。",
    },
  },
  "dmarc.syntax.bad-name": {
    en: {
      summary: 'Invalid tag name "{text}" at position {position} of the DMARC record at {name}',
      why: "Tag names are letters, digits and '_' starting with a letter; receivers cannot read this entry.",
      fix: "Correct the tag name at position {position}.",
    },
    "zh-CN": {
      summary: '{name} 的 DMARC 记录第 {position} 个字符处的标签名 "{text}" 无效',
      why: "标签名只能由字母、数字和下划线组成且以字母开头，接收方无法解析这一项。",
      fix: "修正第 {position} 个字符处的标签名。",
    },
  },
  "dmarc.syntax.bad-value-char": {
    en: {
      summary:
        'Invalid character "{text}" in the value of {tag}= at position {position} of the DMARC record at {name}',
      why: "Tag values may only contain printable ASCII other than ';'. Non-ASCII characters (often typographic quotes or non-breaking spaces pasted from a document) make the record unreadable.",
      fix: "Retype the value of {tag}= in plain ASCII.",
    },
    "zh-CN": {
      summary: '{name} 的 DMARC 记录中 {tag}= 的值在第 {position} 个字符处含有无效字符 "{text}"',
      why: "标签值只能包含除分号外的可打印 ASCII 字符。非 ASCII 字符（常见于从文档中粘贴的全角引号或不间断空格）会使记录无法解析。",
      fix: "用纯 ASCII 字符重新输入 {tag}= 的值。",
    },
  },
  "dmarc.tag.duplicate": {
    en: {
      summary: "Tag {tag}= appears twice in the DMARC record at {name}",
      why: "RFC 6376 §3.2 (whose tag-list DMARC uses): a tag-list with a duplicated tag is invalid as a whole; receivers may ignore the whole record or pick either value.",
      fix: "Keep one {tag}= with the value you want.",
    },
    "zh-CN": {
      summary: "{name} 的 DMARC 记录中 {tag}= 出现了两次",
      why: "根据 RFC 6376 §3.2（DMARC 沿用其标签列表格式），含重复标签的列表整体无效；接收方可能忽略整条记录，或任取其中一个值。",
      fix: "只保留一个 {tag}=，填写您想要的值。",
    },
  },
  "dmarc.policy.missing": {
    en: {
      summary: "The DMARC record at {name} has no p= tag",
      why: "RFC 7489 makes p= required: receivers following it discard the record, so the domain has no DMARC policy. RFC 9989 (DMARCbis) receivers treat a record without p= as p=none when it has a valid rua= (rua present: {rua}).",
      fix: "Add p=none, p=quarantine or p=reject right after v=DMARC1.",
    },
    "zh-CN": {
      summary: "{name} 的 DMARC 记录缺少 p= 标签",
      why: "RFC 7489 规定 p= 为必需项：遵循它的接收方会丢弃该记录，域名等于没有 DMARC 策略。遵循 RFC 9989（DMARCbis）的接收方在记录含有效 rua= 时按 p=none 处理（是否有 rua：{rua}）。",
      fix: "在 v=DMARC1 之后紧接着添加 p=none、p=quarantine 或 p=reject。",
    },
  },
  "dmarc.policy.not-second": {
    en: {
      summary: "p= is not the second tag of the DMARC record at {name}",
      why: "RFC 7489's grammar places p= right after v=DMARC1 and some older receivers expect it there; RFC 9989 allows any order.",
      fix: "Move p= directly after v=DMARC1 for the widest compatibility.",
    },
    "zh-CN": {
      summary: "{name} 的 DMARC 记录中 p= 不是第二个标签",
      why: "RFC 7489 的语法把 p= 放在 v=DMARC1 之后，一些较旧的接收方也这样要求；RFC 9989 允许任意顺序。",
      fix: "为获得最广泛的兼容性，把 p= 移到紧跟 v=DMARC1 的位置。",
    },
  },
  "dmarc.policy.invalid": {
    en: {
      summary: "Invalid DMARC policy p={value} at {name}",
      why: "p= must be none, quarantine or reject. With any other value receivers discard the whole record: the domain has no DMARC protection at all.",
      fix: "Correct the value, e.g. p=reject (or p=quarantine / p=none while you are still monitoring).",
    },
    "zh-CN": {
      summary: "{name} 的 DMARC 策略 p={value} 无效",
      why: "p= 只能是 none、quarantine 或 reject。取其他值时接收方会丢弃整条记录，域名完全得不到 DMARC 保护。",
      fix: "改正该值，例如 p=reject（仍在监控阶段时可用 p=quarantine 或 p=none）。",
    },
  },
  "dmarc.tag.invalid": {
    en: {
      summary: "Invalid value {tag}={value} in the DMARC record at {name} (expected {expected})",
      why: "Receivers ignore an invalid tag and use its default instead, so the record does not do what it says.",
      fix: "Set {tag}= to {expected}, or remove it to use the default.",
    },
    "zh-CN": {
      summary: "{name} 的 DMARC 记录中 {tag}={value} 的值无效（应为 {expected}）",
      why: "接收方会忽略无效的标签并改用默认值，因此记录的实际效果与所写内容不符。",
      fix: "把 {tag}= 设为 {expected}，或删除它以使用默认值。",
    },
  },
  "dmarc.tag.unknown": {
    en: {
      summary: "Unknown tag {tag}= in the DMARC record at {name}",
      why: 'Receivers ignore unknown tags. It is often a misspelt tag (e.g. "rau" for "rua"), in which case the intended setting is not applied.',
      fix: "Correct or remove {tag}=. Known tags: v, p, sp, np, adkim, aspf, pct, fo, rf, ri, rua, ruf, t, psd.",
    },
    "zh-CN": {
      summary: "{name} 的 DMARC 记录中有未知标签 {tag}=",
      why: '接收方会忽略未知标签。这通常是拼写错误（例如把 "rua" 写成 "rau"），此时本应生效的设置并未生效。',
      fix: "改正或删除 {tag}=。已知标签有：v、p、sp、np、adkim、aspf、pct、fo、rf、ri、rua、ruf、t、psd。",
    },
  },
  "dmarc.tag.removed": {
    en: {
      summary: "{tag}={value} in the DMARC record at {name} is removed by DMARCbis (RFC 9989)",
      why: "RFC 9989 drops pct=, rf= and ri=: receivers implementing it ignore them. Partial enforcement with pct= is replaced by the test flag t=y; report format and interval are fixed by the reporting RFCs.",
      fix: "Keep {tag}= while RFC 7489 receivers are common, but do not rely on it. For a gradual rollout use t=y (RFC 9989) instead of pct= below 100.",
    },
    "zh-CN": {
      summary: "{name} 的 DMARC 记录中的 {tag}={value} 已被 DMARCbis（RFC 9989）移除",
      why: "RFC 9989 取消了 pct=、rf= 和 ri=，实现该标准的接收方会忽略它们。用 pct= 做部分执行的做法由测试标志 t=y 取代；报告格式和周期则由报告相关的 RFC 固定。",
      fix: "在遵循 RFC 7489 的接收方仍占多数时可以保留 {tag}=，但不要依赖它。需要逐步上线时，请用 t=y（RFC 9989）代替小于 100 的 pct=。",
    },
  },
  "dmarc.policy.none": {
    en: {
      summary: "DMARC at {name} is p=none: monitoring only, no protection",
      why: "With p=none receivers deliver spoofed mail as usual; the record only asks for reports. It is the right first step, not a place to stay.",
      fix: "Once the aggregate reports show that all your legitimate mail passes SPF or DKIM with alignment, move to p=quarantine, then p=reject.",
    },
    "zh-CN": {
      summary: "{name} 的 DMARC 为 p=none：仅监控，不提供保护",
      why: "p=none 时接收方照常投递伪造邮件，该记录只是请求发送报告。这是正确的第一步，但不应长期停留。",
      fix: "当聚合报告显示所有合法邮件都通过了对齐的 SPF 或 DKIM 后，改为 p=quarantine，再改为 p=reject。",
    },
  },
  "dmarc.pct.partial": {
    en: {
      summary: "p={policy} at {name} applies to only {pct}% of failing mail",
      why: "With pct below 100, receivers apply the policy to a sample of failing messages and the weaker policy to the rest, so spoofed mail still gets through. RFC 9989 removes pct= (its receivers ignore it and apply the full policy).",
      fix: "Raise to pct=100 (or remove pct=) once reports look clean. For a staged rollout under RFC 9989 use t=y.",
    },
    "zh-CN": {
      summary: "{name} 的 p={policy} 只适用于 {pct}% 的未通过邮件",
      why: "pct 小于 100 时，接收方只对一部分未通过的邮件执行该策略，其余按更宽松的策略处理，伪造邮件仍能送达。RFC 9989 已移除 pct=（遵循它的接收方会忽略并执行完整策略）。",
      fix: "报告确认无误后，改为 pct=100（或删除 pct=）。按 RFC 9989 分阶段上线时请使用 t=y。",
    },
  },
  "dmarc.policy.testing": {
    en: {
      summary: "The DMARC record at {name} is in test mode (t=y): p={policy} is applied as {appliedAs}",
      why: "RFC 9989's test flag asks receivers to apply one level less than the policy (reject becomes quarantine, quarantine becomes none) while you check the effects.",
      fix: "Remove t=y (or set t=n) when the reports show no legitimate mail failing.",
    },
    "zh-CN": {
      summary: "{name} 的 DMARC 记录处于测试模式（t=y）：p={policy} 实际按 {appliedAs} 执行",
      why: "RFC 9989 的测试标志要求接收方执行比策略低一级的处理（reject 降为 quarantine，quarantine 降为 none），方便您观察影响。",
      fix: "当报告显示没有合法邮件失败时，删除 t=y（或设为 t=n）。",
    },
  },
  "dmarc.subdomain-policy.none": {
    en: {
      summary:
        "The DMARC record at {name} protects the domain (p={policy}) but leaves subdomains open ({tag}=none)",
      why: "Spoofers simply use a subdomain (invoice.example.com) that receivers then treat with p=none. sp= covers existing subdomains, np= (RFC 9091) non-existent ones.",
      fix: "Remove {tag}=none or set it to quarantine/reject, unless a subdomain really sends unauthenticated mail you cannot fix yet.",
    },
    "zh-CN": {
      summary: "{name} 的 DMARC 记录保护了主域（p={policy}），但子域不受保护（{tag}=none）",
      why: "仿冒者只需使用子域（例如 invoice.example.com），接收方就会按 p=none 处理。sp= 针对已存在的子域，np=（RFC 9091）针对不存在的子域。",
      fix: "删除 {tag}=none 或改为 quarantine/reject，除非确有子域在发送暂时无法修复认证的邮件。",
    },
  },
  "dmarc.rua.missing": {
    en: {
      summary: "The DMARC record at {name} has no rua=: no aggregate reports",
      why: "Without aggregate reports you cannot see which servers send as your domain, whether legitimate mail fails, or when it is safe to tighten the policy.",
      fix: "Add rua=mailto:dmarc-reports@<your domain> (or a reporting service's address, authorised as RFC 7489 §7.1 requires).",
    },
    "zh-CN": {
      summary: "{name} 的 DMARC 记录没有 rua=：收不到聚合报告",
      why: "没有聚合报告，您无法了解哪些服务器在以您的域名发信、合法邮件是否失败，也无法判断何时可以收紧策略。",
      fix: "添加 rua=mailto:dmarc-reports@<您的域名>（或报告服务商的地址，并按 RFC 7489 §7.1 的要求授权）。",
    },
  },
  "dmarc.uri.not-mailto": {
    en: {
      summary: '{tag}= of the DMARC record at {name} lists "{uri}", which is not a mailto: address',
      why: "Receivers deliver DMARC reports by e-mail only; other URI schemes are ignored, so no report reaches this destination.",
      fix: "Use mailto: addresses in {tag}=, e.g. {tag}=mailto:dmarc@example.com.",
    },
    "zh-CN": {
      summary: '{name} 的 DMARC 记录中 {tag}= 列出的 "{uri}" 不是 mailto: 地址',
      why: "接收方只通过电子邮件发送 DMARC 报告，其他 URI 方案会被忽略，因此该目的地收不到任何报告。",
      fix: "在 {tag}= 中使用 mailto: 地址，例如 {tag}=mailto:dmarc@example.com。",
    },
  },
  "dmarc.uri.invalid": {
    en: {
      summary: '{tag}= of the DMARC record at {name} has an invalid URI "{uri}"',
      why: "Receivers cannot send reports to an address they cannot parse. Commas and '!' inside a URI must be percent-encoded; the size limit is written as !10m after the address.",
      fix: "Write each destination as mailto:local@domain, separated by commas.",
    },
    "zh-CN": {
      summary: '{name} 的 DMARC 记录中 {tag}= 含无效 URI "{uri}"',
      why: "接收方无法向无法解析的地址发送报告。URI 内的逗号和 '!' 必须进行百分号编码；大小限制写在地址之后，如 !10m。",
      fix: "把每个目的地写成 mailto:本地部分@域名，用逗号分隔。",
    },
  },
  "dmarc.fo.without-ruf": {
    en: {
      summary: "fo={fo} in the DMARC record at {name} has no effect without ruf=",
      why: "fo= chooses when failure reports are generated, but they are only sent to ruf= addresses.",
      fix: "Add ruf= if you want failure reports (few receivers send them), or remove fo=.",
    },
    "zh-CN": {
      summary: "{name} 的 DMARC 记录中 fo={fo} 在没有 ruf= 时不起作用",
      why: "fo= 决定何时生成失败报告，但失败报告只发送到 ruf= 指定的地址。",
      fix: "如需失败报告请添加 ruf=（发送此类报告的接收方很少），否则删除 fo=。",
    },
  },
  "dmarc.psd.misused": {
    en: {
      summary: "The DMARC record at {name} says psd=y, but {domain} is not a public suffix",
      why: "psd=y (RFC 9989) declares a Public Suffix Domain such as a TLD operator's. On an ordinary domain it makes RFC 9989 receivers treat each subdomain as a separate organization, which breaks relaxed alignment between them.",
      fix: "Remove psd=y (or set psd=n).",
    },
    "zh-CN": {
      summary: "{name} 的 DMARC 记录声明了 psd=y，但 {domain} 并不是公共后缀",
      why: "psd=y（RFC 9989）用于声明公共后缀域（例如顶级域运营方）。普通域名使用它会让遵循 RFC 9989 的接收方把每个子域视为独立组织，从而破坏子域之间的宽松对齐。",
      fix: "删除 psd=y（或设为 psd=n）。",
    },
  },
  "dmarc.report.authorized": {
    en: {
      summary: "{destination} is authorised to receive DMARC reports ({tags}) for {policyDomain}",
      why: "The destination publishes {authName}, as RFC 7489 §7.1 requires for report addresses outside your organization.",
      fix: "",
    },
    "zh-CN": {
      summary: "{destination} 已获授权接收 {policyDomain} 的 DMARC 报告（{tags}）",
      why: "目的地发布了 {authName}，符合 RFC 7489 §7.1 对组织外报告地址的要求。",
      fix: "",
    },
  },
  "dmarc.report.unauthorized": {
    en: {
      summary: "Report destination {destination} ({tags}) has not authorised reports for {policyDomain}",
      why: "For an address outside your organization, receivers first look up {authName}; without a TXT record starting with v=DMARC1 there, they send no reports to it (RFC 7489 §7.1).",
      fix: 'Ask the operator of {destination} to publish {authName} TXT "v=DMARC1" (reporting services do this when you register the domain), or use an address in your own domain.',
    },
    "zh-CN": {
      summary: "报告目的地 {destination}（{tags}）未授权接收 {policyDomain} 的报告",
      why: "对于组织外的地址，接收方会先查询 {authName}；若该处没有以 v=DMARC1 开头的 TXT 记录，就不会向其发送报告（RFC 7489 §7.1）。",
      fix: '请 {destination} 的运营方发布 {authName} TXT "v=DMARC1"（报告服务商通常在您登记域名时完成），或改用您自己域名下的地址。',
    },
  },
};
