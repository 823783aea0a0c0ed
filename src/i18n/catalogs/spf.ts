import type { Catalog, MessageText } from "../types.js";

type Texts = [summary: string, why: string, fix: string];

function entry(en: Texts, zh: Texts): Record<"en" | "zh-CN", MessageText> {
  return {
    en: { summary: en[0], why: en[1], fix: en[2] },
    "zh-CN": { summary: zh[0], why: zh[1], fix: zh[2] },
  };
}

/** Syntax problems (parse.ts SpfSyntaxProblem), each its own finding id `spf.syntax.<problem>`. */
const SYNTAX: Record<string, [en: string, zh: string]> = {
  "non-ascii": ["a non-ASCII character", "非 ASCII 字符"],
  "bad-character": [
    "a control character (TAB, CR, LF...) inside a term",
    "术语中含有控制字符（TAB、CR、LF 等）",
  ],
  "unknown-mechanism": ["an unknown mechanism", "未知的机制"],
  "bad-qualifier": ["a qualifier that is not + - ~ ?", "限定符不是 + - ~ ? 之一"],
  "missing-argument": ["a mechanism without its required argument", "机制缺少必需的参数"],
  "unexpected-argument": ["an argument where none is allowed", "不允许带参数的位置带了参数"],
  "bad-ip4": ["an invalid IPv4 address", "无效的 IPv4 地址"],
  "bad-ip6": ["an invalid IPv6 address", "无效的 IPv6 地址"],
  "bad-cidr": ["an invalid prefix length", "无效的前缀长度"],
  "bad-macro": ["an invalid macro", "无效的宏"],
  "bad-domain": ["an invalid domain name", "无效的域名"],
  "duplicate-modifier": ["redirect= or exp= given twice", "redirect= 或 exp= 出现了两次"],
  "bad-modifier": ["an invalid modifier value", "修饰符的值无效"],
};

const syntaxEntries: Catalog = Object.fromEntries(
  Object.entries(SYNTAX).map(([problem, [en, zh]]) => [
    `spf.syntax.${problem}`,
    entry(
      [
        `SPF syntax error at position {position} of {domain}'s record: ${en} in "{term}" ({detail})`,
        "A record with any syntax error anywhere makes every receiver return permerror before evaluating anything (RFC 7208 §4.6): the policy protects nothing, and DMARC sees no SPF pass.",
        'Correct the term "{term}" (check it against RFC 7208 §12), then re-run mxray spf.',
      ],
      [
        `{domain} 的 SPF 记录第 {position} 个字符处有语法错误："{term}" 中有${zh}（{detail}）`,
        "记录中任何位置的语法错误都会让接收方在评估前直接返回 permerror（RFC 7208 §4.6）：整条策略失效，DMARC 也得不到 SPF 通过。",
        '按 RFC 7208 §12 的语法修正 "{term}"，然后重新运行 mxray spf。',
      ],
    ),
  ]),
);

const EVAL: Catalog = {
  "spf.eval.pass": entry(
    ["{ip} is authorised to send for {domain} (SPF pass, by {mechanism})", "", ""],
    ["{ip} 被授权代表 {domain} 发信（SPF pass，匹配 {mechanism}）", "", ""],
  ),
  "spf.eval.fail": entry(
    [
      "{ip} is NOT authorised to send for {domain} (SPF fail, by {mechanism})",
      "The domain's owner says this address must not send its mail; receivers may reject it (RFC 7208 §8.4).",
      "If this server is yours, add it to the record (ip4:/ip6: or include: of your provider).",
    ],
    [
      "{ip} 未被授权代表 {domain} 发信（SPF fail，匹配 {mechanism}）",
      "域名所有者声明该地址不得代表其发信；接收方可以拒收（RFC 7208 §8.4）。",
      "若该服务器属于你，请把它加入记录（ip4:/ip6:，或服务商的 include:）。",
    ],
  ),
  "spf.eval.softfail": entry(
    [
      "{ip} is probably not authorised to send for {domain} (SPF softfail, by {mechanism})",
      "Receivers usually accept the mail but mark it as suspicious (RFC 7208 §8.5).",
      "If this server is yours, add it to the record.",
    ],
    [
      "{ip} 很可能未被授权代表 {domain} 发信（SPF softfail，匹配 {mechanism}）",
      "接收方通常仍会接收，但会把邮件标记为可疑（RFC 7208 §8.5）。",
      "若该服务器属于你，请把它加入记录。",
    ],
  ),
  "spf.eval.neutral": entry(
    [
      "{domain} makes no assertion about {ip} (SPF neutral)",
      "Neutral is treated like no policy at all (RFC 7208 §8.2).",
      "List the servers that send for the domain and end the record with -all or ~all.",
    ],
    [
      "{domain} 对 {ip} 不作任何声明（SPF neutral）",
      "neutral 与没有策略的效果相同（RFC 7208 §8.2）。",
      "列出所有代表该域名发信的服务器，并以 -all 或 ~all 结尾。",
    ],
  ),
  "spf.eval.none": entry(
    [
      "{domain} has no SPF policy (SPF none: {reason})",
      "Without a record receivers cannot tell authorised servers from forgers (RFC 7208 §8.1).",
      'Publish a TXT record "v=spf1 ... -all" at {domain}.',
    ],
    [
      "{domain} 没有 SPF 策略（SPF none：{reason}）",
      "没有记录时，接收方无法区分授权服务器与伪造者（RFC 7208 §8.1）。",
      '在 {domain} 发布 TXT 记录 "v=spf1 ... -all"。',
    ],
  ),
  "spf.eval.permerror": entry(
    [
      "SPF permerror for {domain}: {reason}",
      "The policy cannot be evaluated; receivers treat it as broken, and DMARC gets no SPF pass (RFC 7208 §2.6.7).",
      "Fix the record (run `mxray spf {domain}` for the audit).",
    ],
    [
      "{domain} 的 SPF 结果为 permerror：{reason}",
      "策略无法评估；接收方视其为损坏，DMARC 也得不到 SPF 通过（RFC 7208 §2.6.7）。",
      "修复记录（运行 `mxray spf {domain}` 查看审计）。",
    ],
  ),
  "spf.eval.temperror": entry(
    [
      "SPF temperror for {domain}: {reason}",
      "A DNS failure stopped the evaluation; receivers defer the mail and try again later (RFC 7208 §2.6.6).",
      "Check that the DNS servers of every domain in the tree answer (dig ... TXT).",
    ],
    [
      "{domain} 的 SPF 结果为 temperror：{reason}",
      "DNS 故障中断了评估；接收方会推迟投递并稍后重试（RFC 7208 §2.6.6）。",
      "确认策略树中每个域名的 DNS 服务器都能正常应答（dig ... TXT）。",
    ],
  ),
};

/** Findings of the SPF audit and the SPF evaluation. */
export const spfMessages: Catalog = {
  ...syntaxEntries,
  ...EVAL,
  "spf.lookup.failed": entry(
    [
      "The SPF lookup of {domain} failed: {status}",
      "Receivers asking the same question get temperror and defer mail; this is not the same as having no record (RFC 7208 §4.4).",
      "Make sure every authoritative server of {domain} answers TXT queries (dig @server {domain} TXT), and that DNSSEC signatures are valid if the zone is signed.",
    ],
    [
      "查询 {domain} 的 SPF 失败：{status}",
      "接收方发出同样的查询会得到 temperror 并推迟投递；这与没有记录不同（RFC 7208 §4.4）。",
      "确认 {domain} 的每台权威服务器都能应答 TXT 查询（dig @server {domain} TXT），若区域已签名请确认 DNSSEC 签名有效。",
    ],
  ),
  "spf.record.missing": entry(
    [
      "{domain} has no SPF record ({status})",
      "Anyone can send mail with this domain in the envelope; receivers get SPF none and many filter such mail harder. Large mailbox providers require SPF or DKIM from every sender.",
      'Publish one TXT record at {domain} listing the servers that send its mail, e.g. "v=spf1 mx include:<provider> -all"; a domain that sends no mail publishes "v=spf1 -all".',
    ],
    [
      "{domain} 没有 SPF 记录（{status}）",
      "任何人都可以在信封中冒用该域名；接收方得到 SPF none，许多过滤器会更严格地处理这类邮件。大型邮箱服务商要求每个发件方至少有 SPF 或 DKIM。",
      '在 {domain} 发布一条 TXT 记录，列出代表它发信的服务器，例如 "v=spf1 mx include:<服务商> -all"；不发信的域名发布 "v=spf1 -all"。',
    ],
  ),
  "spf.record.missing-nullmx": entry(
    [
      "{domain} has no SPF record; it accepts no mail (null MX)",
      "A domain that sends no mail should say so, so that forged mail in its name fails SPF.",
      'Publish "v=spf1 -all" at {domain}.',
    ],
    [
      "{domain} 没有 SPF 记录；它不接收邮件（null MX）",
      "不发信的域名应当明确声明，使冒用其名义的邮件 SPF 失败。",
      '在 {domain} 发布 "v=spf1 -all"。',
    ],
  ),
  "spf.record.multiple": entry(
    [
      "{domain} publishes {count} SPF records",
      "With more than one v=spf1 record every receiver returns permerror (RFC 7208 §4.5): the domain has, in effect, no working policy.",
      "Merge them into one record (one TXT value starting with v=spf1) and delete the others.",
    ],
    [
      "{domain} 发布了 {count} 条 SPF 记录",
      "存在多条 v=spf1 记录时，所有接收方都会返回 permerror（RFC 7208 §4.5）：该域名实际上没有可用的策略。",
      "把它们合并为一条记录（一个以 v=spf1 开头的 TXT 值），删除其余记录。",
    ],
  ),
  "spf.record.found": entry(
    ["SPF record of {domain}: {record}", "", ""],
    ["{domain} 的 SPF 记录：{record}", "", ""],
  ),
  "spf.record.long": entry(
    [
      "The SPF record is {bytes} bytes, over the 450 bytes RFC 7208 advises",
      "Together with the rest of the TXT answer it may no longer fit in a 512-byte UDP answer; some receivers then fail over TCP or give up (RFC 7208 §3.4).",
      "Shorten it: drop unused terms, merge addresses into networks, or move parts into an include.",
    ],
    [
      "SPF 记录长 {bytes} 字节，超过 RFC 7208 建议的 450 字节",
      "加上 TXT 应答的其他部分后可能装不进 512 字节的 UDP 应答；部分接收方改用 TCP 时失败或直接放弃（RFC 7208 §3.4）。",
      "缩短记录：删除不用的条目、把地址合并为网段，或把一部分移到 include 中。",
    ],
  ),
  "spf.record.too-long": entry(
    [
      "The SPF record is {bytes} bytes, more than a 512-byte DNS answer holds",
      "The answer will be truncated over UDP; receivers without TCP fallback get temperror or none (RFC 7208 §3.4).",
      "Shorten it below 450 bytes: merge addresses into networks, or move parts into includes.",
    ],
    [
      "SPF 记录长 {bytes} 字节，超出 512 字节 DNS 应答的容量",
      "UDP 应答会被截断；不支持 TCP 回退的接收方会得到 temperror 或 none（RFC 7208 §3.4）。",
      "把记录缩短到 450 字节以下：合并地址为网段，或把一部分移到 include 中。",
    ],
  ),
  "spf.string.too-long": entry(
    [
      "A string of the record is {length} characters; a TXT string holds at most 255",
      "DNS cannot carry a character-string over 255 bytes (RFC 1035 §3.3.14): the zone will not load or the record will be cut.",
      "Publish it as several quoted strings, which receivers join without spaces (RFC 7208 §3.3): {split}",
    ],
    [
      "记录中有一个字符串长 {length} 个字符；TXT 字符串最多 255 个",
      "DNS 无法承载超过 255 字节的字符串（RFC 1035 §3.3.14）：区域文件无法加载或记录被截断。",
      "拆成多个带引号的字符串发布，接收方会不加空格地拼接（RFC 7208 §3.3）：{split}",
    ],
  ),
  "spf.record.split-joined": entry(
    [
      'The record\'s TXT strings are joined without a space at offset {offset}, fusing terms into "{term}"',
      "Receivers concatenate the strings of a TXT record with nothing between them (RFC 7208 §3.3); a space lost at a boundary turns two valid terms into one invalid term and a permerror.",
      "End the earlier string with a space (or start the next one with it).",
    ],
    [
      '记录的 TXT 字符串在第 {offset} 个字符处拼接时没有空格，导致条目被合并为 "{term}"',
      "接收方拼接 TXT 记录的各字符串时中间不加任何字符（RFC 7208 §3.3）；边界处丢失空格会让两个有效条目变成一个无效条目，导致 permerror。",
      "在前一个字符串末尾（或后一个字符串开头）加上空格。",
    ],
  ),
  "spf.type99.present": entry(
    [
      "{domain} still publishes the obsolete SPF (type 99) record",
      "RFC 7208 removed the SPF RR type; receivers read TXT only, so the copy only has to be kept in step for nothing.",
      "Delete the SPF-type record and keep the TXT record.",
    ],
    [
      "{domain} 仍发布已废弃的 SPF（类型 99）记录",
      "RFC 7208 已废除 SPF 资源记录类型；接收方只读取 TXT，这份副本只是徒增同步负担。",
      "删除 SPF 类型的记录，保留 TXT 记录。",
    ],
  ),
  "spf.type99.differs": entry(
    [
      "{domain} publishes an obsolete SPF (type 99) record that differs from its TXT record: {record}",
      "RFC 7208 removed the SPF RR type and receivers read TXT only; a type-99 record that says something else misleads whoever reads it, and old software that still prefers it.",
      "Delete the SPF-type record and keep the TXT record.",
    ],
    [
      "{domain} 发布的已废弃 SPF（类型 99）记录与其 TXT 记录不一致：{record}",
      "RFC 7208 已废除 SPF 资源记录类型，接收方只读取 TXT；内容不同的类型 99 记录会误导读取者以及仍优先使用它的旧软件。",
      "删除 SPF 类型的记录，保留 TXT 记录。",
    ],
  ),
  "spf.tree.capped": entry(
    [
      "The include tree is larger than {nodes} domains; mxray stopped following it",
      "A tree this large is far beyond the 10-lookup limit: receivers return permerror long before its end.",
      "Flatten or remove includes (see the lookup count below).",
    ],
    [
      "include 树超过 {nodes} 个域名；mxray 停止了继续展开",
      "这样大的树远超 10 次查询上限：接收方远在到达末端之前就会返回 permerror。",
      "展平或删除部分 include（见下面的查询次数）。",
    ],
  ),
  "spf.lookups.exceeded": entry(
    [
      "The SPF policy needs {count} DNS lookups in the worst case; the limit is {limit}",
      "Receivers stop at the 11th DNS-querying term (include, a, mx, ptr, exists, redirect) and return permerror (RFC 7208 §4.6.4): mail from servers listed after that point fails SPF, and DMARC sees no SPF pass.",
      "Remove includes you no longer use, replace a and mx by ip4:/ip6: where the addresses are stable, or flatten the record (proposal below).",
    ],
    [
      "SPF 策略在最坏情况下需要 {count} 次 DNS 查询；上限为 {limit}",
      "接收方在第 11 个需查询 DNS 的条目（include、a、mx、ptr、exists、redirect）处停止并返回 permerror（RFC 7208 §4.6.4）：排在其后的服务器发出的邮件 SPF 失败，DMARC 也得不到 SPF 通过。",
      "删除不再使用的 include，在地址稳定时用 ip4:/ip6: 替代 a 和 mx，或展平记录（见下方建议）。",
    ],
  ),
  "spf.lookups.near": entry(
    [
      "The SPF policy needs {count} of at most {limit} DNS lookups",
      "One more include at any level, even one added by a provider to its own record, will push it over the limit and into permerror (RFC 7208 §4.6.4).",
      "Keep a margin: remove unused includes or replace a/mx by ip4:/ip6:.",
    ],
    [
      "SPF 策略需要 {count} 次 DNS 查询，上限为 {limit}",
      "任何层级再多一个 include（哪怕是服务商在自己的记录中新增的）就会超限并导致 permerror（RFC 7208 §4.6.4）。",
      "保留余量：删除不用的 include，或用 ip4:/ip6: 替代 a/mx。",
    ],
  ),
  "spf.lookups.ok": entry(
    ["The SPF policy needs {count} of at most {limit} DNS lookups", "", ""],
    ["SPF 策略需要 {count} 次 DNS 查询（上限 {limit}）", "", ""],
  ),
  "spf.void.lookup": entry(
    [
      'The term "{term}" looks up {name}, which has no address or record ({status}): a void lookup',
      "Receivers allow only two void lookups per evaluation; the third gives permerror (RFC 7208 §4.6.4). A term pointing at nothing also authorises nothing.",
      "Remove the term, or fix the name it points to.",
    ],
    [
      '条目 "{term}" 查询的 {name} 没有地址或记录（{status}）：这是一次空查询',
      "每次评估最多允许两次空查询，第三次即返回 permerror（RFC 7208 §4.6.4）。指向空名称的条目也不授权任何服务器。",
      "删除该条目，或修正它指向的名称。",
    ],
  ),
  "spf.void.exceeded": entry(
    [
      "The policy makes {count} void lookups; receivers allow {limit}",
      "Past the second void lookup receivers return permerror (RFC 7208 §4.6.4).",
      "Remove or fix the terms that point at names without records (listed above).",
    ],
    [
      "该策略产生 {count} 次空查询；接收方只允许 {limit} 次",
      "超过两次空查询后接收方返回 permerror（RFC 7208 §4.6.4）。",
      "删除或修正指向无记录名称的条目（见上文）。",
    ],
  ),
  "spf.include.loop": entry(
    [
      "The includes form a loop: {chain}",
      "Evaluation goes round until the 10-lookup limit and ends in permerror for every sender.",
      "Remove the include that points back up the chain.",
    ],
    [
      "include 形成了循环：{chain}",
      "评估会一直循环直到达到 10 次查询上限，对所有发件方都以 permerror 结束。",
      "删除指回上层的那个 include。",
    ],
  ),
  "spf.redirect.loop": entry(
    [
      "The redirects form a loop: {chain}",
      "Evaluation goes round until the 10-lookup limit and ends in permerror.",
      "Point the redirect= at a record that does not lead back here.",
    ],
    [
      "redirect 形成了循环：{chain}",
      "评估会一直循环直到达到 10 次查询上限并以 permerror 结束。",
      "让 redirect= 指向一条不会再回到这里的记录。",
    ],
  ),
  "spf.include.duplicate": entry(
    [
      "{target} is included {count} times in the tree",
      "Each inclusion is evaluated again and costs its lookups again, against the limit of 10.",
      "Keep a single include of {target}.",
    ],
    [
      "{target} 在策略树中被包含了 {count} 次",
      "每次包含都会重新评估并再次消耗查询次数，计入 10 次上限。",
      "只保留一个对 {target} 的 include。",
    ],
  ),
  "spf.term.lookup-failed": entry(
    [
      'The term "{term}" needs {name} {type}, and that lookup failed: {status}',
      "Receivers that hit the same failure return temperror and defer the mail (RFC 7208 §2.6.6).",
      "Check the DNS servers of {name}; if the name is gone, remove the term.",
    ],
    [
      '条目 "{term}" 需要查询 {name} {type}，但查询失败：{status}',
      "遇到同样故障的接收方会返回 temperror 并推迟投递（RFC 7208 §2.6.6）。",
      "检查 {name} 的 DNS 服务器；如果该名称已不存在，删除这个条目。",
    ],
  ),
  "spf.include.no-record": entry(
    [
      'The term "{term}" points at a domain with no SPF record ({status})',
      "An include or redirect of a domain without a record is a permerror for every sender (RFC 7208 §5.2, §6.1).",
      "Fix the target name (a typo, a provider that moved its record) or remove the term.",
    ],
    [
      '条目 "{term}" 指向一个没有 SPF 记录的域名（{status}）',
      "include 或 redirect 一个没有记录的域名，对所有发件方都是 permerror（RFC 7208 §5.2、§6.1）。",
      "修正目标名称（拼写错误或服务商更换了记录位置），或删除该条目。",
    ],
  ),
  "spf.mx.too-many": entry(
    [
      'The term "{term}" finds {count} MX names; at most 10 are allowed',
      "Receivers return permerror for an mx mechanism with more than 10 MX names (RFC 7208 §4.6.4).",
      "List the sending servers with ip4:/ip6: instead of mx.",
    ],
    [
      '条目 "{term}" 查到 {count} 个 MX 名称；最多允许 10 个',
      "mx 机制对应的 MX 名称超过 10 个时接收方返回 permerror（RFC 7208 §4.6.4）。",
      "改用 ip4:/ip6: 列出发信服务器，不要用 mx。",
    ],
  ),
  "spf.macro.uncountable": entry(
    [
      'The term "{term}" uses macros: what it looks up depends on each message',
      "Its cost and its void lookups cannot be counted here; mxray counts it as one lookup.",
      "Nothing to do if intended; test it with mxray spf --ip IP --sender ADDR.",
    ],
    [
      '条目 "{term}" 使用了宏：它查询的内容取决于每封邮件',
      "无法在此静态统计其查询开销和空查询；mxray 按一次查询计算。",
      "如为有意设置则无需处理；可用 mxray spf --ip IP --sender ADDR 测试。",
    ],
  ),
  "spf.all.not-last": entry(
    [
      "Terms after all are never evaluated: {terms}",
      "Evaluation stops at the first match, and all always matches (RFC 7208 §5.1): whatever follows it is dead text, often a sign of an edit gone wrong.",
      "Move these terms before the all, or delete them.",
    ],
    [
      "all 之后的条目永远不会被评估：{terms}",
      "评估在第一次匹配时停止，而 all 总是匹配（RFC 7208 §5.1）：其后的内容都是无效文本，通常是编辑失误。",
      "把这些条目移到 all 之前，或删除它们。",
    ],
  ),
  "spf.redirect.ignored": entry(
    [
      "{term} is ignored because the record has an all mechanism",
      "RFC 7208 §6.1: redirect applies only when no mechanism matches, and all always matches.",
      "Remove either the all or the redirect=.",
    ],
    [
      "记录中有 all 机制，因此 {term} 被忽略",
      "RFC 7208 §6.1：redirect 只在没有任何机制匹配时生效，而 all 总是匹配。",
      "删除 all 或 redirect= 之一。",
    ],
  ),
  "spf.all.missing": entry(
    [
      "The record does not end with an all mechanism",
      "Mail from servers the record does not list gets neutral, the same as no policy (RFC 7208 §4.7).",
      "End the record with -all (or ~all while you are still finding all your senders).",
    ],
    [
      "记录没有以 all 机制结尾",
      "未列出的服务器发出的邮件得到 neutral，效果与没有策略相同（RFC 7208 §4.7）。",
      "以 -all 结尾（在仍在梳理所有发信源期间可用 ~all）。",
    ],
  ),
  "spf.all.pass": entry(
    [
      'The record ends with "{term}": every server on the Internet passes SPF',
      "+all authorises anyone to send as this domain; SPF then protects nothing and a pass helps forgers through DMARC.",
      "Replace it with -all after listing your real senders.",
    ],
    [
      '记录以 "{term}" 结尾：互联网上任何服务器都能通过 SPF',
      "+all 授权任何人冒用该域名发信；SPF 因此毫无保护作用，且 SPF 通过还会帮助伪造者通过 DMARC。",
      "列出真实的发信服务器后改为 -all。",
    ],
  ),
  "spf.all.neutral": entry(
    [
      'The record ends with "{term}": unlisted servers get neutral',
      "Neutral is treated like no policy at all (RFC 7208 §8.2); forged mail is not flagged.",
      "End the record with -all, or ~all while testing.",
    ],
    [
      '记录以 "{term}" 结尾：未列出的服务器得到 neutral',
      "neutral 的效果与没有策略相同（RFC 7208 §8.2）；伪造邮件不会被标记。",
      "以 -all 结尾，测试期间可用 ~all。",
    ],
  ),
  "spf.all.softfail-no-dmarc": entry(
    [
      'The record ends with "{term}" and no DMARC policy was found: forged mail is only marked',
      "Softfail asks receivers to accept but mark the mail; without a DMARC policy of quarantine or reject, nothing stops a forger (RFC 7208 §8.5).",
      "Either move to -all, or (better) publish DMARC with p=quarantine or p=reject and keep ~all.",
    ],
    [
      '记录以 "{term}" 结尾且未找到 DMARC 策略：伪造邮件仅会被标记',
      "softfail 要求接收方接收但标记邮件；若没有 quarantine 或 reject 的 DMARC 策略，就没有任何东西能阻止伪造者（RFC 7208 §8.5）。",
      "改用 -all，或者（更好）发布 p=quarantine 或 p=reject 的 DMARC 并保留 ~all。",
    ],
  ),
  "spf.all.softfail-dmarc-none": entry(
    [
      'The record ends with "{term}" and DMARC is only monitoring (p=none): forged mail is only marked',
      "Softfail asks receivers to accept but mark the mail, and p=none asks them to deliver whatever DMARC concludes: nothing stops a forger (RFC 7208 §8.5, RFC 7489 §6.3).",
      "Once the DMARC reports show your legitimate mail aligned, move DMARC to p=quarantine or p=reject and keep ~all (or move SPF to -all).",
    ],
    [
      '记录以 "{term}" 结尾，而 DMARC 仅处于监测模式（p=none）：伪造邮件仅会被标记',
      "softfail 要求接收方接收但标记邮件，而 p=none 要求无论 DMARC 结论如何都照常投递：没有任何东西能阻止伪造者（RFC 7208 §8.5、RFC 7489 §6.3）。",
      "当 DMARC 报告显示合法邮件均已对齐后，把 DMARC 改为 p=quarantine 或 p=reject 并保留 ~all（或把 SPF 改为 -all）。",
    ],
  ),
  "spf.flatten.approximate": entry(
    [
      "The flattened record is approximate: an included record has non-pass terms before its pass terms",
      "Inside an include only a pass counts; a -ip4/~ip4 placed before the passes carves addresses out, which a flat list of addresses cannot express exactly.",
      "Check the addresses of the flattened record by hand before publishing it.",
    ],
    [
      "展平后的记录是近似的：某个被包含的记录在通过条目之前有非通过条目",
      "在 include 中只有 pass 才算匹配；排在通过条目之前的 -ip4/~ip4 会排除部分地址，平铺的地址列表无法精确表达这一点。",
      "发布前请人工核对展平记录中的地址。",
    ],
  ),
  "spf.all.softfail-dmarc": entry(
    [
      'The record ends with "{term}" and DMARC enforces p={policy}: a sound combination',
      "With DMARC enforcing, ~all lets mail that fails SPF but passes DKIM (forwarded mail) still be judged by DMARC.",
      "",
    ],
    [
      '记录以 "{term}" 结尾且 DMARC 执行 p={policy}：这是合理的组合',
      "在 DMARC 强制执行时，~all 让 SPF 失败但 DKIM 通过的邮件（如转发邮件）仍由 DMARC 判定。",
      "",
    ],
  ),
  "spf.all.fail-dmarc": entry(
    [
      'The record ends with "{term}" and DMARC enforces p={policy}',
      "Some receivers reject on SPF fail before DMARC looks at DKIM (RFC 7489 §10.1), so forwarded mail that DMARC would accept through DKIM can bounce.",
      "Consider ~all: DMARC p={policy} already stops forgers, and ~all keeps forwarded mail judged by DMARC.",
    ],
    [
      '记录以 "{term}" 结尾且 DMARC 执行 p={policy}',
      "部分接收方在 DMARC 检查 DKIM 之前就因 SPF fail 拒收（RFC 7489 §10.1），因此本可通过 DKIM 被 DMARC 接受的转发邮件可能被退回。",
      "可考虑改用 ~all：DMARC p={policy} 已能阻止伪造者，~all 让转发邮件继续由 DMARC 判定。",
    ],
  ),
  "spf.all.fail": entry(
    ['The record ends with "{term}": unlisted servers fail SPF', "", ""],
    ['记录以 "{term}" 结尾：未列出的服务器 SPF 失败', "", ""],
  ),
  "spf.ptr.used": entry(
    [
      'The record uses "{term}", which RFC 7208 says not to use',
      "ptr is slow, unreliable, and loads the reverse DNS of the sender's network; some receivers skip it, so it may authorise nothing (RFC 7208 §5.5).",
      "Replace it with ip4:/ip6: of the servers it was meant to cover.",
    ],
    [
      '记录使用了 RFC 7208 建议不要使用的 "{term}"',
      "ptr 慢且不可靠，还会给发件方网络的反向 DNS 带来负载；部分接收方会跳过它，因此它可能什么都不授权（RFC 7208 §5.5）。",
      "改用 ip4:/ip6: 列出原本要覆盖的服务器。",
    ],
  ),
  "spf.cidr.everything": entry(
    [
      'The term "{term}" authorises every address',
      "A /0 network matches all of the Internet: it is +all in disguise.",
      "Replace it with the networks your servers really use.",
    ],
    [
      '条目 "{term}" 授权了所有地址',
      "/0 网段匹配整个互联网：这就是变相的 +all。",
      "改为你的服务器实际使用的网段。",
    ],
  ),
  "spf.cidr.wide": entry(
    [
      'The term "{term}" authorises a very large network (/{prefix})',
      "Every host in that range may send as your domain, including machines that are not yours.",
      "Narrow it to the addresses of your sending servers.",
    ],
    [
      '条目 "{term}" 授权了一个非常大的网段（/{prefix}）',
      "该范围内的每台主机都能以你的域名发信，包括并不属于你的机器。",
      "缩小到你的发信服务器的地址。",
    ],
  ),
  "spf.ip.private": entry(
    [
      "Non-public addresses in the record ({range}): {term}",
      "Mail from the Internet never comes from such addresses, so these terms authorise nothing outside your network; they often show an internal relay listed by mistake.",
      "Remove them from the public record (internal mail does not need SPF).",
    ],
    [
      "记录中含有非公网地址（{range}）：{term}",
      "来自互联网的邮件不会来自这类地址，因此这些条目在你的网络之外不授权任何服务器；这通常是误把内部中继写了进来。",
      "把它们从公开记录中删除（内部邮件不需要 SPF）。",
    ],
  ),
  "spf.flatten.proposal": entry(
    [
      "A flattened record needs {lookups} lookup(s) instead: {record}",
      "It pins {pinned} address(es) taken today from {sources}; when a provider changes its servers the flattened record silently goes stale, so it must be regenerated automatically (kept as is: {kept}; split into {parts} part(s)).",
      "Publish it only with a job that regenerates it regularly; otherwise remove includes you do not need.",
    ],
    [
      "展平后的记录只需 {lookups} 次查询：{record}",
      "它固定了今天从 {sources} 得到的 {pinned} 个地址；服务商更换服务器后展平的记录会悄然过时，因此必须自动重新生成（原样保留：{kept}；拆分为 {parts} 部分）。",
      "只有在有定时任务自动重新生成时才发布它；否则请删除不需要的 include。",
    ],
  ),
};
