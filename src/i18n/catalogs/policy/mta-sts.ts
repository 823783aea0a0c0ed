import type { Catalog } from "../../types.js";

/** MTA-STS findings (src/checks/mta-sts.ts). */
export const mtaStsMessages: Catalog = {
  "mta-sts.record.valid": {
    en: {
      summary: "MTA-STS record at {name}, policy id {id}",
      why: "Senders that support MTA-STS see the record, fetch the policy and refetch it when the id changes.",
      fix: "",
    },
    "zh-CN": {
      summary: "{name} 有 MTA-STS 记录，策略 id 为 {id}",
      why: "支持 MTA-STS 的发送方看到该记录后会获取策略，并在 id 变化时重新获取。",
      fix: "",
    },
  },
  "mta-sts.record.missing": {
    en: {
      summary: "{domain} does not publish MTA-STS (no TXT record at {name})",
      why: "Without MTA-STS (RFC 8461), sending servers fall back to plain text when STARTTLS is stripped by an attacker, and accept any certificate. DANE is the alternative for DNSSEC-signed domains.",
      fix: 'Publish a policy at https://mta-sts.{domain}/.well-known/mta-sts.txt (start with mode: testing), then a TXT record "v=STSv1; id=<timestamp>" at {name}, and a TLS-RPT record to receive reports.',
    },
    "zh-CN": {
      summary: "{domain} 未部署 MTA-STS（{name} 没有 TXT 记录）",
      why: "没有 MTA-STS（RFC 8461）时，若 STARTTLS 被攻击者剥离，发送方会退回明文传输，并接受任何证书。对于已签名 DNSSEC 的域名，DANE 是另一种选择。",
      fix: '在 https://mta-sts.{domain}/.well-known/mta-sts.txt 发布策略（先用 mode: testing），再在 {name} 发布 TXT 记录 "v=STSv1; id=<时间戳>"，并发布 TLS-RPT 记录以接收报告。',
    },
  },
  "mta-sts.record.missing-policy-present": {
    en: {
      summary: "An MTA-STS policy is served at {url}, but there is no TXT record at {name}",
      why: "Senders only fetch the policy after finding the _mta-sts TXT record, so the policy is never used.",
      fix: 'Publish {name} TXT "v=STSv1; id=<timestamp>".',
    },
    "zh-CN": {
      summary: "{url} 提供了 MTA-STS 策略，但 {name} 没有 TXT 记录",
      why: "发送方只有先找到 _mta-sts TXT 记录才会去获取策略，因此该策略永远不会被使用。",
      fix: '发布 {name} TXT "v=STSv1; id=<时间戳>"。',
    },
  },
  "mta-sts.record.ignored": {
    en: {
      summary: 'A TXT record at {name} is ignored by senders: "{record}"',
      why: 'RFC 8461 §3.1: records that do not begin with "v=STSv1;" (exact case) are discarded.',
      fix: 'Write the record as "v=STSv1; id=<1-32 letters or digits>".',
    },
    "zh-CN": {
      summary: '{name} 上的一条 TXT 记录会被发送方忽略："{record}"',
      why: 'RFC 8461 §3.1：不以 "v=STSv1;"（大小写须一致）开头的记录会被丢弃。',
      fix: '把记录写成 "v=STSv1; id=<1 到 32 个字母或数字>"。',
    },
  },
  "mta-sts.record.multiple": {
    en: {
      summary: "{count} MTA-STS records at {name}: senders treat the domain as having no policy",
      why: "RFC 8461 §3.1: if the number of v=STSv1 records is not exactly one, senders MUST assume there is no MTA-STS policy.",
      fix: 'Keep exactly one "v=STSv1; id=..." record at {name}.',
    },
    "zh-CN": {
      summary: "{name} 上有 {count} 条 MTA-STS 记录：发送方会视为没有策略",
      why: "RFC 8461 §3.1：若 v=STSv1 记录不止一条，发送方必须认为该域名没有 MTA-STS 策略。",
      fix: '在 {name} 只保留一条 "v=STSv1; id=..." 记录。',
    },
  },
  "mta-sts.record.id-invalid": {
    en: {
      summary: 'MTA-STS record at {name} has an invalid id "{value}"',
      why: "RFC 8461 §3.1: id is 1 to 32 letters or digits. Senders treat a syntactically invalid record as no policy.",
      fix: "Use a timestamp such as id=20240131T120000 (letters and digits only, no '-', '_' or ':').",
    },
    "zh-CN": {
      summary: '{name} 的 MTA-STS 记录中 id "{value}" 无效',
      why: "RFC 8461 §3.1：id 只能是 1 到 32 个字母或数字。语法无效的记录会被发送方视为没有策略。",
      fix: "使用类似 id=20240131T120000 的时间戳（只含字母和数字，不能有 '-'、'_' 或 ':'）。",
    },
  },
  "mta-sts.record.id-missing": {
    en: {
      summary: "MTA-STS record at {name} has no id=",
      why: "id= is required (RFC 8461 §3.1); senders use it to know when to refetch the policy and treat a record without it as invalid.",
      fix: "Add id=<timestamp>, and change it every time you change the policy.",
    },
    "zh-CN": {
      summary: "{name} 的 MTA-STS 记录缺少 id=",
      why: "id= 为必需项（RFC 8461 §3.1）；发送方据此判断何时重新获取策略，缺少它的记录被视为无效。",
      fix: "添加 id=<时间戳>，并在每次修改策略时更新它。",
    },
  },
  "mta-sts.record.syntax": {
    en: {
      summary: 'Syntax error at position {position} of the MTA-STS record at {name}: "{text}"',
      why: "Senders treat a syntactically invalid record as no policy (RFC 8461 §3.1).",
      fix: 'Write the record as "v=STSv1; id=<timestamp>".',
    },
    "zh-CN": {
      summary: '{name} 的 MTA-STS 记录第 {position} 个字符处有语法错误："{text}"',
      why: "发送方会把语法无效的记录视为没有策略（RFC 8461 §3.1）。",
      fix: '把记录写成 "v=STSv1; id=<时间戳>"。',
    },
  },
  "mta-sts.record.duplicate-tag": {
    en: {
      summary: "Tag {tag}= appears twice in the MTA-STS record at {name}",
      why: "A duplicated field makes the record ambiguous; senders may reject it as invalid.",
      fix: "Keep one {tag}=.",
    },
    "zh-CN": {
      summary: "{name} 的 MTA-STS 记录中 {tag}= 出现了两次",
      why: "重复字段使记录含义不明确，发送方可能将其视为无效。",
      fix: "只保留一个 {tag}=。",
    },
  },
  "mta-sts.policy.host-missing": {
    en: {
      summary: "The MTA-STS policy host {host} does not exist (no A/AAAA record)",
      why: "The TXT record announces a policy, but senders cannot fetch it, so MTA-STS is not applied.",
      fix: "Create {host} (A/AAAA or CNAME to your web server) serving {url} over HTTPS with a valid certificate for {host}, or remove the _mta-sts record.",
    },
    "zh-CN": {
      summary: "MTA-STS 策略主机 {host} 不存在（没有 A/AAAA 记录）",
      why: "TXT 记录声明了策略，发送方却无法获取，因此 MTA-STS 不会生效。",
      fix: "创建 {host}（A/AAAA 记录，或 CNAME 指向您的 Web 服务器），通过 HTTPS 提供 {url}，证书须对 {host} 有效；否则删除 _mta-sts 记录。",
    },
  },
  "mta-sts.policy.unreachable": {
    en: {
      summary: "The MTA-STS policy at {url} could not be fetched: {detail}",
      why: "Senders that cannot fetch the policy do not apply MTA-STS (and keep using an older cached policy until it expires).",
      fix: "Make sure {host} accepts HTTPS connections on port 443 from the internet and serves {url}.",
    },
    "zh-CN": {
      summary: "无法获取 {url} 上的 MTA-STS 策略：{detail}",
      why: "无法获取策略的发送方不会执行 MTA-STS（已缓存旧策略的则继续使用到过期为止）。",
      fix: "确认 {host} 在 443 端口接受来自互联网的 HTTPS 连接，并提供 {url}。",
    },
  },
  "mta-sts.policy.timeout": {
    en: {
      summary: "Fetching the MTA-STS policy at {url} timed out: {detail}",
      why: "Senders fetch the policy with short time limits; a slow or stalled server means no policy is applied.",
      fix: "Check the web server behind {host}: it should answer the small policy file at once.",
    },
    "zh-CN": {
      summary: "获取 {url} 上的 MTA-STS 策略超时：{detail}",
      why: "发送方获取策略时的时间限制很短；服务器缓慢或卡住意味着策略不会被执行。",
      fix: "检查 {host} 背后的 Web 服务器：这个很小的策略文件应当立即返回。",
    },
  },
  "mta-sts.policy.certificate-invalid": {
    en: {
      summary: "The certificate of {host} is not valid for the MTA-STS policy: {reason}",
      why: "RFC 8461 §3.3: the policy must be fetched over HTTPS with a certificate that chains to a trusted CA and matches {host}. Senders reject this one, so no policy is applied.",
      fix: "Install a certificate from a public CA whose names include {host} (e.g. from Let's Encrypt), with its full chain.",
    },
    "zh-CN": {
      summary: "{host} 的证书对 MTA-STS 策略无效：{reason}",
      why: "RFC 8461 §3.3 要求通过 HTTPS 获取策略，证书必须能链接到受信任的 CA 并与 {host} 匹配。发送方会拒绝此证书，因此策略不会被执行。",
      fix: "安装由公共 CA 签发、名称中包含 {host} 的证书（例如 Let's Encrypt），并配置完整证书链。",
    },
  },
  "mta-sts.policy.certificate-expiring": {
    en: {
      summary: "The certificate of the MTA-STS policy host {host} expires in {days} days ({validTo})",
      why: "Once it expires, senders can no longer refresh the policy; they keep their cached copy only until max_age runs out and then deliver without MTA-STS. Nothing else breaks visibly, so a failed renewal of this host often goes unnoticed.",
      fix: "Renew the certificate of {host} now and make sure its automatic renewal covers this name.",
    },
    "zh-CN": {
      summary: "MTA-STS 策略主机 {host} 的证书将在 {days} 天后过期（{validTo}）",
      why: "证书过期后，发送方无法再更新策略；它们只会在 max_age 内继续使用缓存的副本，之后便不再执行 MTA-STS。由于其他服务不会出现明显故障，这台主机的证书续期失败常常无人察觉。",
      fix: "立即为 {host} 续期证书，并确认自动续期覆盖了这个名称。",
    },
  },
  "mta-sts.policy.tls-failed": {
    en: {
      summary: "TLS with {host} failed while fetching the MTA-STS policy: {detail}",
      why: "Senders cannot fetch the policy without a working TLS connection, so no policy is applied.",
      fix: "Check the HTTPS configuration of {host} (protocols, certificate, SNI for {host}).",
    },
    "zh-CN": {
      summary: "获取 MTA-STS 策略时与 {host} 的 TLS 连接失败：{detail}",
      why: "没有可用的 TLS 连接，发送方就无法获取策略，策略也不会被执行。",
      fix: "检查 {host} 的 HTTPS 配置（协议版本、证书、针对 {host} 的 SNI）。",
    },
  },
  "mta-sts.policy.too-large": {
    en: {
      summary: "The MTA-STS policy at {url} is larger than mxray accepts ({detail})",
      why: "A policy is a few lines; senders limit the size they read (the RFC suggests 64 KiB) and discard larger responses. This usually means the URL serves an HTML page instead of the policy.",
      fix: "Serve only the policy text at {url}.",
    },
    "zh-CN": {
      summary: "{url} 上的 MTA-STS 策略超出了 mxray 接受的大小（{detail}）",
      why: "策略只有几行；发送方会限制读取大小（RFC 建议 64 KiB）并丢弃过大的响应。这通常说明该 URL 返回的是 HTML 页面而不是策略。",
      fix: "让 {url} 只返回策略文本。",
    },
  },
  "mta-sts.policy.redirect": {
    en: {
      summary: "{url} answers with a redirect ({status} to {location})",
      why: "RFC 8461 §3.3: senders MUST NOT follow redirects when fetching the policy, so they get no policy.",
      fix: "Serve the policy directly at {url} with status 200; exclude /.well-known/mta-sts.txt from any HTTP-to-HTTPS or www redirect.",
    },
    "zh-CN": {
      summary: "{url} 返回了重定向（{status}，指向 {location}）",
      why: "RFC 8461 §3.3：获取策略时发送方不得跟随重定向，因此得不到策略。",
      fix: "在 {url} 直接以 200 状态返回策略；让 /.well-known/mta-sts.txt 不受任何 HTTP 到 HTTPS 或 www 重定向规则影响。",
    },
  },
  "mta-sts.policy.http-status": {
    en: {
      summary: "{url} answers HTTP {status} instead of the policy",
      why: "Senders only accept a 200 response; anything else means no policy is applied.",
      fix: "Place the policy file at /.well-known/mta-sts.txt on {host} and make sure it is served with status 200.",
    },
    "zh-CN": {
      summary: "{url} 返回 HTTP {status}，而不是策略",
      why: "发送方只接受 200 响应；其他状态意味着策略不会被执行。",
      fix: "把策略文件放到 {host} 的 /.well-known/mta-sts.txt，并确保以 200 状态返回。",
    },
  },
  "mta-sts.policy.content-type": {
    en: {
      summary: "The MTA-STS policy at {url} is served as {contentType}, not text/plain",
      why: "RFC 8461 §3.2 says the policy is text/plain; strict senders (for example postfix-mta-sts-resolver) discard other types.",
      fix: "Configure the web server to send Content-Type: text/plain for /.well-known/mta-sts.txt.",
    },
    "zh-CN": {
      summary: "{url} 上的 MTA-STS 策略以 {contentType} 类型返回，而不是 text/plain",
      why: "RFC 8461 §3.2 规定策略为 text/plain；严格的发送方（例如 postfix-mta-sts-resolver）会丢弃其他类型。",
      fix: "配置 Web 服务器，为 /.well-known/mta-sts.txt 发送 Content-Type: text/plain。",
    },
  },
  "mta-sts.policy.syntax": {
    en: {
      summary: 'Line {line} of the MTA-STS policy is not "key: value": "{text}"',
      why: "Senders parse the policy strictly (RFC 8461 §3.2); an unreadable line can make them reject the whole policy.",
      fix: "Write each line as key: value with lower-case keys (version, mode, mx, max_age).",
    },
    "zh-CN": {
      summary: 'MTA-STS 策略第 {line} 行不是 "键: 值" 格式："{text}"',
      why: "发送方会严格解析策略（RFC 8461 §3.2）；无法解析的行可能导致整个策略被拒绝。",
      fix: "每行写成 键: 值，键名用小写（version、mode、mx、max_age）。",
    },
  },
  "mta-sts.policy.bom": {
    en: {
      summary: "The MTA-STS policy at {url} starts with a byte order mark (BOM)",
      why: 'The policy is plain ASCII text. Senders that parse strictly read the invisible BOM as part of the first key, which then is not "version", and may reject the whole policy.',
      fix: 'Save the file without BOM ("UTF-8" rather than "UTF-8 with BOM" in your editor).',
    },
    "zh-CN": {
      summary: "{url} 上的 MTA-STS 策略以字节顺序标记（BOM）开头",
      why: '策略应为纯 ASCII 文本。严格解析的发送方会把不可见的 BOM 当作第一个键的一部分，该键因而不再是 "version"，整个策略可能被拒绝。',
      fix: "保存文件时不要带 BOM（在编辑器中选择“UTF-8”而不是“带 BOM 的 UTF-8”）。",
    },
  },
  "mta-sts.policy.field-missing": {
    en: {
      summary: "The MTA-STS policy has no {field} field",
      why: "version, mode and max_age are required, and mx is required unless mode is none (RFC 8461 §3.2). Senders reject a policy without them.",
      fix: "Add the {field} line, e.g. version: STSv1 / mode: enforce / mx: mail.example.com / max_age: 1209600.",
    },
    "zh-CN": {
      summary: "MTA-STS 策略缺少 {field} 字段",
      why: "version、mode 和 max_age 为必需字段，除 mode 为 none 外 mx 也是必需的（RFC 8461 §3.2）。缺少时发送方会拒绝该策略。",
      fix: "添加 {field} 行，例如 version: STSv1 / mode: enforce / mx: mail.example.com / max_age: 1209600。",
    },
  },
  "mta-sts.policy.version-invalid": {
    en: {
      summary: 'Line {line} of the MTA-STS policy: version "{value}" is not STSv1',
      why: "Only STSv1 exists (case-sensitive); senders reject other versions.",
      fix: "Write version: STSv1.",
    },
    "zh-CN": {
      summary: 'MTA-STS 策略第 {line} 行：版本 "{value}" 不是 STSv1',
      why: "目前只有 STSv1（区分大小写）；其他版本会被发送方拒绝。",
      fix: "写成 version: STSv1。",
    },
  },
  "mta-sts.policy.mode-invalid": {
    en: {
      summary: 'Line {line} of the MTA-STS policy: mode "{value}" is not enforce, testing or none',
      why: "Senders reject a policy with an unknown mode (values are case-sensitive).",
      fix: "Write mode: testing while you check TLS-RPT reports, then mode: enforce.",
    },
    "zh-CN": {
      summary: 'MTA-STS 策略第 {line} 行：mode "{value}" 不是 enforce、testing 或 none',
      why: "发送方会拒绝模式未知的策略（取值区分大小写）。",
      fix: "在核查 TLS-RPT 报告期间写 mode: testing，之后改为 mode: enforce。",
    },
  },
  "mta-sts.policy.max-age-invalid": {
    en: {
      summary:
        'Line {line} of the MTA-STS policy: max_age "{value}" is not a number of seconds from 0 to 31557600',
      why: "RFC 8461 §3.2 limits max_age to about one year; senders reject other values.",
      fix: "Use max_age: 1209600 (two weeks) or longer, up to 31557600.",
    },
    "zh-CN": {
      summary: 'MTA-STS 策略第 {line} 行：max_age "{value}" 不是 0 到 31557600 之间的秒数',
      why: "RFC 8461 §3.2 把 max_age 限制在约一年以内；其他取值会被发送方拒绝。",
      fix: "使用 max_age: 1209600（两周）或更长，最大 31557600。",
    },
  },
  "mta-sts.policy.mx-invalid": {
    en: {
      summary: 'Line {line} of the MTA-STS policy: "{value}" is not a valid mx pattern',
      why: 'An mx pattern is a host name, or "*." plus a host name, where the wildcard stands for exactly one leftmost label (RFC 8461 §3.2, §4.1).',
      fix: "List each MX host name (mx: mail.example.com) or a leftmost wildcard (mx: *.example.com).",
    },
    "zh-CN": {
      summary: 'MTA-STS 策略第 {line} 行："{value}" 不是有效的 mx 模式',
      why: 'mx 模式是一个主机名，或 "*." 加主机名，通配符只能代表最左边的一个标签（RFC 8461 §3.2、§4.1）。',
      fix: "逐个列出 MX 主机名（mx: mail.example.com），或使用最左侧通配符（mx: *.example.com）。",
    },
  },
  "mta-sts.policy.duplicate": {
    en: {
      summary: "Line {line} of the MTA-STS policy repeats the {field} field",
      why: "Only mx may appear more than once; with two {field} lines senders may use either, or reject the policy.",
      fix: "Keep one {field} line.",
    },
    "zh-CN": {
      summary: "MTA-STS 策略第 {line} 行重复了 {field} 字段",
      why: "只有 mx 可以出现多次；出现两行 {field} 时，发送方可能任取其一，也可能拒绝该策略。",
      fix: "只保留一行 {field}。",
    },
  },
  "mta-sts.policy.unknown-field": {
    en: {
      summary: 'Line {line} of the MTA-STS policy has an unknown field "{field}"',
      why: 'Senders ignore unknown fields (RFC 8461 §3.2). Keys are case-sensitive, so "Mode" or "max-age" are unknown and the intended setting is missing.',
      fix: "Correct the key to one of version, mode, mx, max_age, or remove the line.",
    },
    "zh-CN": {
      summary: 'MTA-STS 策略第 {line} 行有未知字段 "{field}"',
      why: '发送方会忽略未知字段（RFC 8461 §3.2）。键名区分大小写，"Mode" 或 "max-age" 都属于未知字段，本应生效的设置因此缺失。',
      fix: "把键名改为 version、mode、mx、max_age 之一，或删除该行。",
    },
  },
  "mta-sts.policy.mode-none": {
    en: {
      summary: "The MTA-STS policy at {url} is mode: none",
      why: "mode: none withdraws MTA-STS: senders stop applying any earlier policy. Right when retiring MTA-STS, otherwise it gives no protection.",
      fix: "Use mode: testing, then mode: enforce, if you want MTA-STS protection.",
    },
    "zh-CN": {
      summary: "{url} 上的 MTA-STS 策略为 mode: none",
      why: "mode: none 表示撤销 MTA-STS，发送方将不再执行之前的策略。停用 MTA-STS 时这样做是对的，否则它不提供任何保护。",
      fix: "如需 MTA-STS 保护，请先用 mode: testing，再改为 mode: enforce。",
    },
  },
  "mta-sts.policy.mode-testing": {
    en: {
      summary: "The MTA-STS policy at {url} is mode: testing",
      why: "In testing mode senders deliver even when TLS to your MX fails, and only report the failures through TLS-RPT.",
      fix: "Once TLS-RPT reports show no failures for a few weeks, switch to mode: enforce and change the id in the TXT record.",
    },
    "zh-CN": {
      summary: "{url} 上的 MTA-STS 策略为 mode: testing",
      why: "测试模式下，即使与您的 MX 建立 TLS 失败，发送方也照常投递，只通过 TLS-RPT 报告失败情况。",
      fix: "当 TLS-RPT 报告连续几周没有失败后，改为 mode: enforce，并更新 TXT 记录中的 id。",
    },
  },
  "mta-sts.policy.max-age-short": {
    en: {
      summary: "The MTA-STS policy max_age is only {maxAge} seconds",
      why: "Senders cache the policy for max_age; the protection against downgrade attacks lasts only as long as the cache. A short max_age leaves gaps between fetches, where an attacker can block the policy fetch.",
      fix: "Use several weeks: max_age: 1209600 (14 days) to 31557600 (one year).",
    },
    "zh-CN": {
      summary: "MTA-STS 策略的 max_age 只有 {maxAge} 秒",
      why: "发送方按 max_age 缓存策略，防降级攻击的保护只在缓存有效期内存在。max_age 太短会在两次获取之间留下空档，攻击者可借机阻断策略获取。",
      fix: "设为数周：max_age: 1209600（14 天）到 31557600（一年）。",
    },
  },
  "mta-sts.policy.valid": {
    en: {
      summary: "MTA-STS policy: mode {mode}, max_age {maxAge} s, mx {mx}",
      why: "The policy was fetched over verified HTTPS and parses cleanly.",
      fix: "",
    },
    "zh-CN": {
      summary: "MTA-STS 策略：mode {mode}，max_age {maxAge} 秒，mx {mx}",
      why: "已通过经过验证的 HTTPS 获取策略，解析无误。",
      fix: "",
    },
  },
  "mta-sts.mx.not-covered": {
    en: {
      summary: "MX host {host} is not covered by the MTA-STS policy (mx: {patterns}; mode {mode})",
      why: "Senders applying the policy refuse to deliver to an MX that matches no mx pattern. In enforce mode, mail routed to {host} fails; in testing mode it is reported through TLS-RPT.",
      fix: 'Add "mx: {host}" (or a matching *. wildcard) to the policy, change the id in the _mta-sts TXT record, or remove {host} from the MX records.',
    },
    "zh-CN": {
      summary: "MX 主机 {host} 不在 MTA-STS 策略覆盖范围内（mx：{patterns}；模式 {mode}）",
      why: "执行该策略的发送方拒绝向任何 mx 模式都不匹配的 MX 投递。enforce 模式下，路由到 {host} 的邮件会投递失败；testing 模式下会通过 TLS-RPT 报告。",
      fix: '在策略中加入 "mx: {host}"（或匹配的 *. 通配符）并更新 _mta-sts TXT 记录中的 id，或者从 MX 记录中删除 {host}。',
    },
  },
  "mta-sts.mx.pattern-unused": {
    en: {
      summary: "MTA-STS mx pattern {pattern} matches none of the domain's MX hosts",
      why: "Harmless, but often a leftover from an old mail provider, or a typo next to the pattern that was meant.",
      fix: "Remove {pattern} from the policy if it is no longer used.",
    },
    "zh-CN": {
      summary: "MTA-STS 的 mx 模式 {pattern} 不匹配该域名的任何 MX 主机",
      why: "这本身无害，但往往是旧邮件服务商的残留，或是本该写成别的模式的笔误。",
      fix: "如果不再使用，请从策略中删除 {pattern}。",
    },
  },
  "mta-sts.mx.covered": {
    en: {
      summary: "All {count} MX hosts are covered by the MTA-STS policy: {hosts}",
      why: "Senders applying the policy accept each MX host name (each must still present a valid certificate for its name).",
      fix: "",
    },
    "zh-CN": {
      summary: "全部 {count} 个 MX 主机都在 MTA-STS 策略覆盖范围内：{hosts}",
      why: "执行策略的发送方会接受每个 MX 主机名（每台主机仍须出示与其名称相符的有效证书）。",
      fix: "",
    },
  },
  "mta-sts.mx.unknown": {
    en: {
      summary: "The MX hosts of {domain} are not known, so they were not matched against the MTA-STS policy",
      why: "The MX lookup did not run or gave no answer in this run.",
      fix: "Run the full DNS audit (mxray dns {domain}) to match the MX hosts.",
    },
    "zh-CN": {
      summary: "{domain} 的 MX 主机未知，因此未与 MTA-STS 策略进行匹配",
      why: "本次运行中没有执行 MX 查询，或查询没有结果。",
      fix: "运行完整的 DNS 审计（mxray dns {domain}）以匹配 MX 主机。",
    },
  },
};
