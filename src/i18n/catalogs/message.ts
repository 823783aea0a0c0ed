import type { Catalog, MessageText } from "../types.js";

const t = (en: MessageText, zh: MessageText) => ({ en, "zh-CN": zh });

/** Findings of `mxray message`: the input, the delivery trace, DKIM, ARC, SPF, DMARC and other headers. */
export const messageMessages: Catalog = {
  // ---- input and header section ----
  "message.input.truncated": t(
    {
      summary: "The message is {size} bytes; only the first {cap} MiB ({read} bytes) were read",
      why: "mxray reads at most {cap} MiB to keep memory bounded. The headers and the delivery trace are complete, but DKIM body hashes cover the whole body, so the signatures were not judged.",
      fix: "Remove large attachments from a copy of the message (keeping the headers unchanged) to inspect the trace, or verify DKIM on the receiving server.",
    },
    {
      summary: "邮件大小为 {size} 字节，只读取了前 {cap} MiB（{read} 字节）",
      why: "为控制内存，mxray 最多读取 {cap} MiB。邮件头和投递路径是完整的，但 DKIM 正文哈希覆盖整个正文，因此未评估签名。",
      fix: "可以在邮件副本中删除大附件（保持邮件头不变）以查看投递路径，或在接收服务器上验证 DKIM。",
    },
  ),
  "message.headers.oversized": t(
    {
      summary: "No end of the header section within the first {limit} MiB",
      why: "A header section this large is not a mail message as MTAs pass it on (Postfix limits headers to 100 KB by default); it is probably not an RFC 5322 message at all, or its blank line after the headers is missing.",
      fix: "Check that the file is a raw message (headers, an empty line, then the body), not a mailbox file or a log.",
    },
    {
      summary: "在前 {limit} MiB 内没有找到邮件头的结束位置",
      why: "如此庞大的邮件头不是 MTA 会转发的邮件（Postfix 默认把邮件头限制在 100 KB）；这很可能根本不是 RFC 5322 邮件，或者邮件头之后缺少空行。",
      fix: "确认文件是原始邮件（邮件头、一个空行、然后是正文），而不是邮箱文件或日志。",
    },
  ),
  "message.headers.none": t(
    {
      summary: "The message has no header fields",
      why: "A message starts with header fields (From, Date, Received...). Without them there is no sender, no trace and no signature to check: the file is empty, starts with a blank line, or is not a mail message.",
      fix: 'Save the message with its full headers ("Show original" / "View source" in the mail client), not only its body.',
    },
    {
      summary: "邮件没有任何邮件头字段",
      why: "邮件以邮件头字段（From、Date、Received 等）开始。没有它们，就没有发件人、投递路径和可验证的签名：文件为空、以空行开头，或者根本不是邮件。",
      fix: "保存包含完整邮件头的邮件（邮件客户端中的“显示原始邮件”或“查看源代码”），而不仅仅是正文。",
    },
  ),
  "message.headers.malformed": t(
    {
      summary: "{count} lines in the header section are not header fields (first at line {line})",
      why: "Each header line must be `Name: value` or a continuation starting with whitespace (RFC 5322 §2.2). Receivers treat such lines differently: some end the headers there, so fields below may be lost or read as body, and DKIM signatures over them fail.",
      fix: "Find the software that wrote these lines (a filter, a gateway, a script adding headers) and make it write complete `Name: value` fields.",
    },
    {
      summary: "邮件头中有 {count} 行不是邮件头字段（第一处在第 {line} 行）",
      why: "每个邮件头行必须是 `名称: 值`，或以空白开头的续行（RFC 5322 §2.2）。接收方对这类行处理不一：有的在此结束邮件头，其后的字段可能丢失或被当作正文，覆盖它们的 DKIM 签名也会失败。",
      fix: "找出写入这些行的软件（过滤器、网关、添加邮件头的脚本），让它写出完整的 `名称: 值` 字段。",
    },
  ),
  "message.headers.broken-fold": t(
    {
      summary: "{count} folded header lines lost their leading whitespace (first in {field} at line {line})",
      why: "A long header is folded by breaking it before whitespace and indenting the next line (RFC 5322 §2.2.3). These lines continue a field but start without whitespace, as if the field was cut mid-word. mxray joined them back; other receivers may drop the rest of the field, and DKIM signatures covering it will not verify.",
      fix: "Fix the software that re-wraps headers (often a gateway or a script that inserts line breaks at a fixed width): fold only at whitespace and indent the continuation.",
    },
    {
      summary: "{count} 个折行的邮件头行缺少前导空白（第一处在 {field}，第 {line} 行）",
      why: "长邮件头应在空白处折行，并让下一行以空白缩进（RFC 5322 §2.2.3）。这些行是字段的续行却没有前导空白，就像字段在单词中间被截断。mxray 已把它们拼接回去；其他接收方可能丢弃字段的剩余部分，覆盖它的 DKIM 签名也无法验证。",
      fix: "修复重新换行邮件头的软件（通常是网关或按固定宽度插入换行的脚本）：只在空白处折行，并缩进续行。",
    },
  ),
  "message.headers.eight-bit": t(
    {
      summary: "The header section contains 8-bit bytes that are not UTF-8",
      why: "Headers are ASCII, with non-ASCII text encoded as RFC 2047 encoded-words, or UTF-8 under SMTPUTF8 (RFC 6532). Raw bytes in another charset are read differently by each program, and many receivers reject or quarantine such mail.",
      fix: "Make the sending software encode non-ASCII header text (=?UTF-8?B?...?=) or send UTF-8 with SMTPUTF8.",
    },
    {
      summary: "邮件头中含有不是 UTF-8 的 8 位字节",
      why: "邮件头应为 ASCII，非 ASCII 文本用 RFC 2047 编码字表示，或在 SMTPUTF8 下使用 UTF-8（RFC 6532）。其他字符集的原始字节在各个程序中解读不同，许多接收方会拒收或隔离此类邮件。",
      fix: "让发送软件对非 ASCII 的邮件头文本进行编码（=?UTF-8?B?...?=），或在 SMTPUTF8 下发送 UTF-8。",
    },
  ),
  "message.headers.control-chars": t(
    {
      summary: "{count} control characters (NUL, ESC, bare CR...) inside header lines",
      why: "RFC 5322 allows no control characters in header fields other than tab. They are a sign of corruption or of an attempt to confuse filters and terminals; mxray shows them escaped.",
      fix: "Find the program that produced these bytes and fix it; treat the message with suspicion if it came from outside.",
    },
    {
      summary: "邮件头行中有 {count} 个控制字符（NUL、ESC、单独的 CR 等）",
      why: "RFC 5322 不允许邮件头字段中出现制表符以外的控制字符。它们表明数据损坏，或企图迷惑过滤器和终端；mxray 以转义形式显示它们。",
      fix: "找出产生这些字节的程序并修复；如果邮件来自外部，应谨慎对待。",
    },
  ),
  "message.from.missing": t(
    {
      summary: "The message has no From field",
      why: "RFC 5322 §3.6 requires exactly one From field. Without it DMARC has no domain to check, and most large receivers reject the message.",
      fix: "Make the sending application set a From header with the sender's address.",
    },
    {
      summary: "邮件没有 From 字段",
      why: "RFC 5322 §3.6 要求恰好一个 From 字段。没有它，DMARC 无域名可查，大多数大型接收方会拒收该邮件。",
      fix: "让发送程序设置包含发件人地址的 From 邮件头。",
    },
  ),
  "message.from.multiple": t(
    {
      summary: "{fields} From fields or several From domains ({domains})",
      why: "DMARC needs exactly one author domain (RFC 7489 §6.6.1). Receivers reject messages with several From fields, or with addresses in different domains, because either could be the one shown to the user.",
      fix: "Send one From field with one address; put other authors in Sender or Reply-To.",
    },
    {
      summary: "有 {fields} 个 From 字段或多个 From 域名（{domains}）",
      why: "DMARC 需要唯一的作者域名（RFC 7489 §6.6.1）。含多个 From 字段或不同域名地址的邮件会被接收方拒收，因为其中任何一个都可能是显示给用户的那个。",
      fix: "只发送一个 From 字段、一个地址；其他作者放在 Sender 或 Reply-To 中。",
    },
  ),

  // ---- delivery trace ----
  "message.received.none": t(
    {
      summary: "No Received fields: the message was never transported",
      why: "Every MTA that accepts a message adds a Received field. A message without any is a draft, a copy from the sender's Sent folder, or was saved before sending, so there is no delivery to trace and SPF has no client to check.",
      fix: 'Take the copy from the recipient\'s mailbox ("Show original"), which carries the Received fields of its delivery.',
    },
    {
      summary: "没有 Received 字段：邮件从未被传输",
      why: "每个接收邮件的 MTA 都会添加一个 Received 字段。完全没有 Received 的邮件是草稿、发件人“已发送”中的副本，或在发送前保存的，因此没有投递路径可追踪，SPF 也没有客户端可查。",
      fix: "使用收件人邮箱中的副本（“显示原始邮件”），它带有投递过程的 Received 字段。",
    },
  ),
  "message.received.too-many": t(
    {
      summary: "{count} Received fields; only the newest {cap} hops were analysed",
      why: "Real deliveries take a handful of hops; MTAs bounce a message after about 50 to 100 (RFC 5321 §6.3, Postfix hopcount_limit 50). This many usually means a mail loop between two servers or forged headers.",
      fix: "Look at the repeating hosts in the Received fields: a forward or alias pointing back to itself, or two MX hosts relaying to each other, causes a loop.",
    },
    {
      summary: "有 {count} 个 Received 字段；只分析了最新的 {cap} 跳",
      why: "正常投递只需几跳；MTA 在大约 50 到 100 跳后会退回邮件（RFC 5321 §6.3，Postfix hopcount_limit 为 50）。如此多的跳通常意味着两台服务器之间的邮件环路，或伪造的邮件头。",
      fix: "查看 Received 字段中重复出现的主机：指向自身的转发或别名，或两台 MX 互相中继，都会造成环路。",
    },
  ),
  "message.received.summary": t(
    {
      summary: "Delivered over {hops} hop(s), {total} in transit; {encrypted} of them encrypted",
      why: "Each Received field records one hand-over between servers, newest first; the timeline above shows them oldest first with the time each one took.",
      fix: "",
    },
    {
      summary: "经过 {hops} 跳投递，传输耗时 {total}；{encrypted} 跳已加密",
      why: "每个 Received 字段记录一次服务器之间的交接，最新的在最上面；上面的时间线按从旧到新显示，并标出每一跳的耗时。",
      fix: "",
    },
  ),
  "message.received.unparseable": t(
    {
      summary: "Hop {hop} could not be fully read: {problem}",
      why: "A Received field should carry `from`, `by`, `with` clauses and a date after `;` (RFC 5321 §4.4). Without a date the delay of this hop and the next cannot be measured.",
      fix: "If the receiving host is yours, use standard MTA software or fix the filter that adds this field; if not, the field may be forged.",
    },
    {
      summary: "第 {hop} 跳无法完全解析：{problem}",
      why: "Received 字段应包含 `from`、`by`、`with` 子句以及 `;` 之后的日期（RFC 5321 §4.4）。没有日期就无法计算这一跳和下一跳的延迟。",
      fix: "如果接收主机是你的，请使用标准 MTA 软件，或修复添加此字段的过滤器；如果不是，该字段可能是伪造的。",
    },
  ),
  "message.received.clock-skew": t(
    {
      summary: "Hop {hop} ({by}) is dated {delay} before the step before it",
      why: "Time cannot run backwards along a delivery: one of the two servers has a wrong clock (or a wrong time zone), so the delays around this hop are not real.",
      fix: "Synchronise the clocks of the mail servers with NTP (chrony, systemd-timesyncd) and check their time zone setting.",
    },
    {
      summary: "第 {hop} 跳（{by}）的时间比前一步早 {delay}",
      why: "投递过程中时间不可能倒流：两台服务器中有一台时钟（或时区）错误，因此这一跳前后的延迟并不真实。",
      fix: "使用 NTP（chrony、systemd-timesyncd）同步邮件服务器的时钟，并检查时区设置。",
    },
  ),
  "message.received.delay.long": t(
    {
      summary: "Hop {hop} took {delay}: {from} → {by}",
      why: "The message waited this long before {by} accepted it. Usually the sending side ({from}) queued it: the receiver deferred it (greylisting, rate limiting, a 4xx reply), was unreachable, or the sender's queue was backed up.",
      fix: "Look up the message in the mail log of {from} (postqueue -p, the queue ID) for the deferral reason: `status=deferred` lines name the cause.",
    },
    {
      summary: "第 {hop} 跳耗时 {delay}：{from} → {by}",
      why: "邮件等待了这么久才被 {by} 接收。通常是发送方（{from}）将其排队：接收方推迟了投递（灰名单、限速、4xx 回复）、无法连接，或发送方队列积压。",
      fix: "在 {from} 的邮件日志中查找该邮件（postqueue -p、队列 ID），`status=deferred` 行会写明原因。",
    },
  ),
  "message.received.delay.submission": t(
    {
      summary: "{delay} passed between the Date header and the first hop ({by})",
      why: "The Date field is set when the author's program composes the message; the first Received is written when a server accepts it. A long gap means the message sat in the client's outbox (offline, send later) or the client's clock is wrong.",
      fix: "Check the sender's outbox and clock; if the Date is in the past by exact hours, the client's time zone is wrong.",
    },
    {
      summary: "从 Date 头到第一跳（{by}）相隔 {delay}",
      why: "Date 字段在作者的程序撰写邮件时设置；第一个 Received 在服务器接收邮件时写入。间隔很长说明邮件停留在客户端发件箱中（离线、定时发送），或客户端时钟错误。",
      fix: "检查发件人的发件箱和时钟；如果 Date 恰好差若干整小时，说明客户端时区设置错误。",
    },
  ),
  "message.received.future": t(
    {
      summary: "Hop {hop} is dated in the future: {date}",
      why: "A Received date later than now means that server's clock is ahead, which also makes it report wrong delays and can make DKIM signatures look not yet valid.",
      fix: "Synchronise that server's clock with NTP.",
    },
    {
      summary: "第 {hop} 跳的日期在未来：{date}",
      why: "Received 日期晚于当前时间，说明该服务器时钟超前，这也会导致延迟计算错误，并可能使 DKIM 签名看起来尚未生效。",
      fix: "使用 NTP 同步该服务器的时钟。",
    },
  ),
  "message.received.first-external": t(
    {
      summary: "First external hop: {helo} [{ip}] handed the message to {by} (hop {hop})",
      why: "This is where the message entered the receiving side from another party; SPF is about this client address, and everything below this hop was written by servers the receiver does not control.",
      fix: "",
    },
    {
      summary: "第一个外部跳：{helo} [{ip}] 将邮件交给 {by}（第 {hop} 跳）",
      why: "邮件在这里从另一方进入接收方；SPF 检查的就是这个客户端地址，此跳以下的内容都由接收方无法控制的服务器写入。",
      fix: "",
    },
  ),
  "message.received.plaintext": t(
    {
      summary: "The message entered {by} from {ip} without TLS",
      why: "On the hop from the sending organisation to the receiver the message crossed the network unencrypted (no `ESMTPS`, no TLS facts), readable and alterable by anyone on the path.",
      fix: "Enable opportunistic TLS on the sending MTA (Postfix: smtp_tls_security_level = may) and offer STARTTLS on {by}; consider MTA-STS or DANE to require it.",
    },
    {
      summary: "邮件从 {ip} 进入 {by} 时没有使用 TLS",
      why: "在从发送方组织到接收方的这一跳上，邮件以明文穿越网络（没有 `ESMTPS`，也没有 TLS 信息），路径上的任何人都可以读取和篡改。",
      fix: "在发送 MTA 上启用机会性 TLS（Postfix：smtp_tls_security_level = may），并在 {by} 上提供 STARTTLS；可考虑用 MTA-STS 或 DANE 强制加密。",
    },
  ),
  "message.received.submission": t(
    {
      summary: "The message was submitted by an authenticated user ({protocol}) from {ip} to {by}",
      why: "With authentication the client is the receiving server's own user (RFC 6409 submission): the message originates here, no other party handed it over, and SPF does not apply to this hop.",
      fix: "",
    },
    {
      summary: "邮件由已认证用户（{protocol}）从 {ip} 提交到 {by}",
      why: "已认证的客户端是接收服务器自己的用户（RFC 6409 邮件提交）：邮件从这里发出，并非由其他方转交，SPF 不适用于这一跳。",
      fix: "",
    },
  ),
  "message.received.no-external": t(
    {
      summary: "No hop records a client address: the sending server is unknown",
      why: "None of the Received fields names the address of the server that handed the message over, so SPF cannot be checked for it (unless --ip is given).",
      fix: "Give the client with --ip (and --helo, --sender) to check SPF.",
    },
    {
      summary: "没有任何一跳记录客户端地址：发送服务器未知",
      why: "没有一个 Received 字段写明交付邮件的服务器地址，因此无法对其检查 SPF（除非使用 --ip 指定）。",
      fix: "使用 --ip（以及 --helo、--sender）指定客户端来检查 SPF。",
    },
  ),

  // ---- DKIM ----
  "message.dkim.not-checked.truncated": t(
    {
      summary: "DKIM not checked: the message is larger than {cap} MiB",
      why: "DKIM body hashes cover the whole body, and only the first {cap} MiB were read, so any verdict would be wrong.",
      fix: "Verify DKIM on the receiving server, or check a smaller message from the same sender.",
    },
    {
      summary: "未检查 DKIM：邮件大于 {cap} MiB",
      why: "DKIM 正文哈希覆盖整个正文，而只读取了前 {cap} MiB，任何结论都会是错误的。",
      fix: "在接收服务器上验证 DKIM，或检查同一发件人的较小邮件。",
    },
  ),
  "message.dkim.not-checked.headers": t(
    {
      summary: "DKIM not checked: the header section could not be read",
      why: "Without a readable header section there are no signatures to verify.",
      fix: "See the header findings above.",
    },
    {
      summary: "未检查 DKIM：无法读取邮件头",
      why: "没有可读的邮件头，就没有可验证的签名。",
      fix: "参见上面关于邮件头的发现。",
    },
  ),
  "message.dkim.not-checked.error": t(
    {
      summary: "DKIM could not be checked: {error}",
      why: "The DKIM verifier (mailauth) stopped on this message; the rest of the analysis is unaffected.",
      fix: "Report this with the message (or its headers) so it can be reproduced.",
    },
    {
      summary: "无法检查 DKIM：{error}",
      why: "DKIM 验证器（mailauth）在处理此邮件时中止；其余分析不受影响。",
      fix: "请附上邮件（或其邮件头）报告此问题，以便复现。",
    },
  ),
  "message.dkim.none": t(
    {
      summary: "The message has no DKIM signature",
      why: "Without a DKIM signature DMARC rests on SPF alone, which breaks on every forward. Gmail and Yahoo require DKIM from bulk senders, and unsigned mail is more often filtered as spam.",
      fix: "Sign outgoing mail with DKIM (OpenDKIM or rspamd with Postfix, or your provider's setting) with a 2048-bit key, and publish the key at <selector>._domainkey.<domain>.",
    },
    {
      summary: "邮件没有 DKIM 签名",
      why: "没有 DKIM 签名，DMARC 只能依赖 SPF，而 SPF 在每次转发时都会失效。Gmail 和 Yahoo 要求批量发件人使用 DKIM，未签名的邮件也更容易被判为垃圾邮件。",
      fix: "使用 DKIM 签名外发邮件（Postfix 搭配 OpenDKIM 或 rspamd，或服务商的设置），使用 2048 位密钥，并在 <selector>._domainkey.<domain> 发布公钥。",
    },
  ),
  "message.dkim.pass": t(
    {
      summary: "DKIM pass: d={domain} s={selector} ({algorithm}, {bits}-bit key, alignment {alignment})",
      why: "The signature verifies now: the signed headers and the body are unchanged since {domain} signed them.",
      fix: "",
    },
    {
      summary: "DKIM 通过：d={domain} s={selector}（{algorithm}，{bits} 位密钥，对齐 {alignment}）",
      why: "签名现在验证通过：自 {domain} 签名以来，被签名的邮件头和正文都没有变化。",
      fix: "",
    },
  ),
  "message.dkim.fail.body-hash": t(
    {
      summary: "DKIM fail (d={domain} s={selector}): the body changed after signing",
      why: "The hash of the body no longer matches bh= ({detail}). Something modified the body in transit: a footer or disclaimer added by a list or gateway, a virus scanner, re-encoding (8bit to quoted-printable), or line-ending changes.",
      fix: "Find the hop that rewrites the body (mailing list footer, disclaimer, antivirus) and stop it, or sign after that point. Relaxed body canonicalization (c=relaxed/relaxed) tolerates whitespace changes.",
    },
    {
      summary: "DKIM 失败（d={domain} s={selector}）：签名后正文被修改",
      why: "正文的哈希不再与 bh= 一致（{detail}）。正文在传输中被修改：邮件列表或网关添加的页脚或免责声明、病毒扫描器、重新编码（8bit 转 quoted-printable），或换行符变化。",
      fix: "找出改写正文的环节（列表页脚、免责声明、杀毒软件）并停止改写，或在其之后签名。宽松的正文规范化（c=relaxed/relaxed）可以容忍空白变化。",
    },
  ),
  "message.dkim.fail.signature": t(
    {
      summary: "DKIM fail (d={domain} s={selector}): the signature does not verify",
      why: "The body is intact but the signature over the headers does not verify with the published key: a signed header (Subject, From, To...) was changed after signing, or the key in DNS is not the one the signer used (a rotated or mistyped key).",
      fix: "Compare the key at {selector}._domainkey.{domain} with the signer's private key; check whether a list or gateway rewrites the Subject or other signed headers.",
    },
    {
      summary: "DKIM 失败（d={domain} s={selector}）：签名无法验证",
      why: "正文完整，但邮件头上的签名无法用已发布的公钥验证：签名后某个被签名的邮件头（Subject、From、To 等）被修改，或 DNS 中的公钥不是签名方使用的那把（已轮换或写错的密钥）。",
      fix: "将 {selector}._domainkey.{domain} 上的公钥与签名方的私钥对比；检查是否有邮件列表或网关改写了 Subject 或其他被签名的邮件头。",
    },
  ),
  "message.dkim.fail.expired": t(
    {
      summary: "DKIM fail (d={domain} s={selector}): the signature expired at {expires}",
      why: "The signature carries x= (an expiry) and that time has passed ({detail}). Receivers that verify after the expiry ignore the signature; checking an old message now always shows this.",
      fix: "If current mail shows this, lengthen or remove the expiry in the signer (OpenDKIM SignatureTTL); days, not hours, leave room for queued mail.",
    },
    {
      summary: "DKIM 失败（d={domain} s={selector}）：签名已于 {expires} 过期",
      why: "签名带有 x=（过期时间），且该时间已过（{detail}）。在过期后验证的接收方会忽略该签名；现在检查旧邮件总会看到这个结果。",
      fix: "如果新邮件也出现此问题，请在签名程序中延长或取消过期时间（OpenDKIM 的 SignatureTTL）；以天而非小时计，才能给排队的邮件留出余地。",
    },
  ),
  "message.dkim.permerror.syntax": t(
    {
      summary: "DKIM permerror (d={domain} s={selector}): unusable signature: {detail}",
      why: "A required tag is missing or a tag has an impossible value, so the signature cannot be verified at all (RFC 6376 §6.1.1) and counts as no signature for DMARC.",
      fix: "Fix the signing software's configuration; a hand-made or corrupted DKIM-Signature field may also be the cause.",
    },
    {
      summary: "DKIM 永久错误（d={domain} s={selector}）：签名不可用：{detail}",
      why: "缺少必需的标签或标签取值不可能，签名根本无法验证（RFC 6376 §6.1.1），在 DMARC 看来等同于没有签名。",
      fix: "修正签名软件的配置；手工构造或已损坏的 DKIM-Signature 字段也可能是原因。",
    },
  ),
  "message.dkim.permerror.no-key": t(
    {
      summary: "DKIM permerror (d={domain} s={selector}): no key published for this selector",
      why: "{detail}. Without the public key the signature cannot be checked; often the selector was renamed or the record removed after a key rotation while mail signed with it is still arriving.",
      fix: "Publish the selector's public key as a TXT record at {selector}._domainkey.{domain}, or make the signer use a selector that is published.",
    },
    {
      summary: "DKIM 永久错误（d={domain} s={selector}）：此选择器没有发布公钥",
      why: "{detail}。没有公钥就无法检查签名；常见原因是选择器被改名，或密钥轮换后删除了记录，而用旧密钥签名的邮件仍在到达。",
      fix: "在 {selector}._domainkey.{domain} 以 TXT 记录发布该选择器的公钥，或让签名程序使用已发布的选择器。",
    },
  ),
  "message.dkim.permerror.key-revoked": t(
    {
      summary: "DKIM permerror (d={domain} s={selector}): the key was revoked",
      why: "The key record has an empty p=, which means the key is revoked (RFC 6376 §3.6.1): mail signed with it must not be trusted.",
      fix: "If the revocation is intended, make sure nothing still signs with selector {selector}; otherwise publish the public key again.",
    },
    {
      summary: "DKIM 永久错误（d={domain} s={selector}）：密钥已被吊销",
      why: "密钥记录中的 p= 为空，表示该密钥已吊销（RFC 6376 §3.6.1）：不能信任用它签名的邮件。",
      fix: "如果是有意吊销，请确认不再有程序使用选择器 {selector} 签名；否则请重新发布公钥。",
    },
  ),
  "message.dkim.permerror.key-hash": t(
    {
      summary: "DKIM permerror (d={domain} s={selector}): the key does not allow this algorithm",
      why: "{detail}: the key record's h= tag restricts the hash algorithms, and verifiers must ignore the key for other ones (RFC 6376 §3.6.1).",
      fix: "Sign with rsa-sha256 (or ed25519-sha256), which every key should allow.",
    },
    {
      summary: "DKIM 永久错误（d={domain} s={selector}）：密钥不允许该算法",
      why: "{detail}：密钥记录的 h= 标签限制了哈希算法，验证方对其他算法必须忽略该密钥（RFC 6376 §3.6.1）。",
      fix: "使用 rsa-sha256（或 ed25519-sha256）签名，任何密钥都应允许它们。",
    },
  ),
  "message.dkim.permerror.bad-key": t(
    {
      summary: "DKIM permerror (d={domain} s={selector}): the published key is unusable",
      why: "{detail}. A key record with a broken p= (not base64, cut TXT strings, a wrong k=) cannot verify anything.",
      fix: "Republish the key as generated by the signer (for example opendkim-genkey's .txt file), keeping long values split into quoted strings of at most 255 characters.",
    },
    {
      summary: "DKIM 永久错误（d={domain} s={selector}）：发布的公钥不可用",
      why: "{detail}。p= 损坏的密钥记录（非 base64、TXT 字符串被截断、k= 错误）无法验证任何签名。",
      fix: "按签名程序生成的内容重新发布公钥（例如 opendkim-genkey 生成的 .txt 文件），长值拆分为每段不超过 255 个字符的带引号字符串。",
    },
  ),
  "message.dkim.policy.sha1": t(
    {
      summary: "DKIM policy (d={domain} s={selector}): rsa-sha1 is refused (verifies: {verified})",
      why: "RFC 8301 §3.1 forbids rsa-sha1 for signing and for verifying: SHA-1 collisions are practical, so receivers treat the signature as absent even when it verifies.",
      fix: "Configure the signer for rsa-sha256 (OpenDKIM: SignatureAlgorithm rsa-sha256).",
    },
    {
      summary: "DKIM 策略拒绝（d={domain} s={selector}）：拒绝 rsa-sha1（签名本身是否验证：{verified}）",
      why: "RFC 8301 §3.1 禁止签名和验证时使用 rsa-sha1：SHA-1 碰撞已切实可行，因此即使签名能验证，接收方也视其为不存在。",
      fix: "将签名程序配置为 rsa-sha256（OpenDKIM：SignatureAlgorithm rsa-sha256）。",
    },
  ),
  "message.dkim.policy.short-key": t(
    {
      summary:
        "DKIM policy (d={domain} s={selector}): the {bits}-bit RSA key is refused (verifies: {verified})",
      why: "RFC 8301 §3.2: verifiers must not accept RSA keys shorter than 1024 bits, which can be factored; the signature counts as absent.",
      fix: "Generate a 2048-bit key (opendkim-genkey -b 2048), publish it under a new selector and switch the signer to it.",
    },
    {
      summary:
        "DKIM 策略拒绝（d={domain} s={selector}）：拒绝 {bits} 位 RSA 密钥（签名本身是否验证：{verified}）",
      why: "RFC 8301 §3.2：验证方不得接受短于 1024 位的 RSA 密钥，这类密钥可被分解；签名被视为不存在。",
      fix: "生成 2048 位密钥（opendkim-genkey -b 2048），在新的选择器下发布，并让签名程序改用它。",
    },
  ),
  "message.dkim.neutral.not-checked": t(
    {
      summary: "DKIM (d={domain} s={selector}) could not be judged: {detail}",
      why: "The verifier gave no definite result for this signature.",
      fix: "Check the signature tags and the key record shown below.",
    },
    {
      summary: "无法判断 DKIM（d={domain} s={selector}）：{detail}",
      why: "验证器没有为该签名给出明确结果。",
      fix: "检查下面显示的签名标签和密钥记录。",
    },
  ),
  "message.dkim.temperror": t(
    {
      summary: "DKIM temperror (d={domain} s={selector}): the key lookup failed",
      why: "{detail}. A DNS failure is not a missing key: receivers that see it defer or treat the signature as a temporary error, and DMARC may fail meanwhile.",
      fix: "Check that the authoritative servers of {domain} answer for {selector}._domainkey.{domain} TXT, and that DNSSEC validates if the zone is signed.",
    },
    {
      summary: "DKIM 临时错误（d={domain} s={selector}）：查询密钥失败",
      why: "{detail}。DNS 故障并不等于没有密钥：接收方遇到时会推迟投递或视为临时错误，期间 DMARC 可能失败。",
      fix: "确认 {domain} 的权威服务器能应答 {selector}._domainkey.{domain} TXT，若区域已签名请确认 DNSSEC 验证通过。",
    },
  ),
  "message.dkim.key.weak": t(
    {
      summary: "The DKIM key of d={domain} s={selector} is only {bits} bits",
      why: "RFC 8301 §3.2 accepts 1024-bit RSA keys but says signers SHOULD use at least 2048 bits; 1024-bit keys are within reach of well-funded attackers.",
      fix: "Generate a 2048-bit key under a new selector, publish it, switch the signer, then remove the old one after a few days.",
    },
    {
      summary: "d={domain} s={selector} 的 DKIM 密钥只有 {bits} 位",
      why: "RFC 8301 §3.2 接受 1024 位 RSA 密钥，但要求签名方应使用至少 2048 位；1024 位密钥已在资金充足的攻击者能力范围内。",
      fix: "在新的选择器下生成 2048 位密钥并发布，切换签名程序，几天后再删除旧密钥。",
    },
  ),
  "message.dkim.key.testing": t(
    {
      summary: "The DKIM key of d={domain} s={selector} is marked as testing (t=y)",
      why: "t=y tells receivers the domain is testing DKIM; some treat failures more leniently, and some ignore the signature's pass as well.",
      fix: "Remove t=y from the key record once signing works.",
    },
    {
      summary: "d={domain} s={selector} 的 DKIM 密钥标记为测试模式（t=y）",
      why: "t=y 告诉接收方该域名正在测试 DKIM；有的接收方会宽松对待失败，有的也会忽略签名的通过结果。",
      fix: "签名正常工作后，从密钥记录中删除 t=y。",
    },
  ),
  "message.dkim.body-length": t(
    {
      summary: "The signature of d={domain} covers only the first {length} bytes of the body (l=)",
      why: "With l= anyone can append content after the signed part and the signature still verifies (RFC 6376 §8.2); receivers increasingly distrust such signatures.",
      fix: "Sign the whole body: remove the body-length option from the signer.",
    },
    {
      summary: "d={domain} 的签名只覆盖正文的前 {length} 个字节（l=）",
      why: "使用 l= 时，任何人都可以在签名部分之后追加内容，而签名仍然有效（RFC 6376 §8.2）；接收方越来越不信任这类签名。",
      fix: "对整个正文签名：在签名程序中去掉正文长度选项。",
    },
  ),
  "message.dkim.future": t(
    {
      summary: "The signature of d={domain} is dated in the future ({signed})",
      why: "t= is later than now: the signing server's clock is ahead. Some verifiers reject signatures from the future.",
      fix: "Synchronise the signing server's clock with NTP.",
    },
    {
      summary: "d={domain} 的签名时间在未来（{signed}）",
      why: "t= 晚于当前时间：签名服务器的时钟超前。有些验证方会拒绝来自未来的签名。",
      fix: "使用 NTP 同步签名服务器的时钟。",
    },
  ),

  // ---- ARC ----
  "message.arc.pass": t(
    {
      summary: "ARC chain valid: {instances} sets, newest sealed by {sealer}",
      why: "Every ARC-Seal verifies and the newest ARC-Message-Signature matches the message, so the authentication results recorded by the intermediaries (lists, forwarders) can be trusted as far as their sealers are.",
      fix: "",
    },
    {
      summary: "ARC 链有效：共 {instances} 组，最新一组由 {sealer} 封印",
      why: "所有 ARC-Seal 都验证通过，最新的 ARC-Message-Signature 与邮件一致，因此中间环节（邮件列表、转发者）记录的认证结果可以在信任其封印者的范围内采信。",
      fix: "",
    },
  ),
  "message.arc.fail": t(
    {
      summary: "ARC chain broken: {reason}",
      why: "A seal or the newest message signature does not verify, or the sets are incomplete (RFC 8617 §5.2). Receivers then ignore the results recorded by intermediaries, so a forwarded message whose own DKIM broke gets no help from ARC.",
      fix: "If {sealer} is yours, check its ARC signing key in DNS and that nothing modifies the message after sealing.",
    },
    {
      summary: "ARC 链已损坏：{reason}",
      why: "某个封印或最新的邮件签名无法验证，或者各组不完整（RFC 8617 §5.2）。接收方会忽略中间环节记录的结果，因此自身 DKIM 已损坏的转发邮件得不到 ARC 的帮助。",
      fix: "如果 {sealer} 是你的服务器，请检查其在 DNS 中的 ARC 签名密钥，并确认封印后没有任何环节修改邮件。",
    },
  ),

  // ---- SPF ----
  "message.spf.pass": t(
    {
      summary: "SPF pass: {ip} may send for {domain} ({mechanism})",
      why: "The {identity} identity's SPF record authorises the connecting client.",
      fix: "",
    },
    {
      summary: "SPF 通过：{ip} 被授权为 {domain} 发信（{mechanism}）",
      why: "{identity} 身份的 SPF 记录授权了该连接客户端。",
      fix: "",
    },
  ),
  "message.spf.fail": t(
    {
      summary: "SPF fail: {ip} is not allowed to send for {domain} ({mechanism})",
      why: "The domain's SPF record explicitly excludes this client. Unless the message was forwarded (forwarding always breaks SPF), it did not come from a server the domain uses.",
      fix: "If {ip} is a legitimate server of {domain}, add it to the SPF record (ip4:/ip6: or an include: of its provider); if the message was forwarded, the forwarder should use SRS.",
    },
    {
      summary: "SPF 失败：{ip} 不允许为 {domain} 发信（{mechanism}）",
      why: "该域名的 SPF 记录明确排除了这个客户端。除非邮件经过转发（转发必然破坏 SPF），否则它并非来自该域名使用的服务器。",
      fix: "如果 {ip} 是 {domain} 的合法服务器，请把它加入 SPF 记录（ip4:/ip6: 或其服务商的 include:）；如果邮件被转发，转发方应使用 SRS。",
    },
  ),
  "message.spf.softfail": t(
    {
      summary: "SPF softfail: {ip} is probably not allowed to send for {domain} ({mechanism})",
      why: "The record ends in ~all and does not list this client: the domain says such mail is suspicious but should not be rejected outright.",
      fix: "If {ip} is a legitimate sender for {domain}, add it to the SPF record.",
    },
    {
      summary: "SPF 软失败：{ip} 可能不允许为 {domain} 发信（{mechanism}）",
      why: "记录以 ~all 结尾且未列出此客户端：该域名表示此类邮件可疑，但不应直接拒收。",
      fix: "如果 {ip} 是 {domain} 的合法发件服务器，请把它加入 SPF 记录。",
    },
  ),
  "message.spf.neutral": t(
    {
      summary: "SPF neutral for {ip} and {domain} ({mechanism})",
      why: "The domain makes no statement about this client (?all), so SPF neither helps nor hurts, and cannot make DMARC pass.",
      fix: "List the domain's sending servers and end the record with -all or ~all.",
    },
    {
      summary: "SPF 中立：{ip} 与 {domain}（{mechanism}）",
      why: "该域名对此客户端不作任何声明（?all），SPF 既无帮助也无害处，也无法让 DMARC 通过。",
      fix: "列出该域名的发件服务器，并以 -all 或 ~all 结束记录。",
    },
  ),
  "message.spf.none": t(
    {
      summary: "SPF none: {domain} publishes no SPF record",
      why: "Without SPF, receivers cannot tell which servers may send for {domain}, and DMARC can only pass through DKIM.",
      fix: 'Publish a TXT record at {domain} such as "v=spf1 mx -all", listing every server and provider that sends its mail.',
    },
    {
      summary: "SPF 无结果：{domain} 没有发布 SPF 记录",
      why: "没有 SPF，接收方无法判断哪些服务器可以为 {domain} 发信，DMARC 只能通过 DKIM 通过。",
      fix: '在 {domain} 发布 TXT 记录，例如 "v=spf1 mx -all"，列出所有为其发信的服务器和服务商。',
    },
  ),
  "message.spf.permerror": t(
    {
      summary: "SPF permerror for {domain}: {reason}",
      why: "The SPF record cannot be evaluated (syntax error, more than 10 DNS lookups, several records...). Receivers treat this as an error; DMARC sees no SPF pass.",
      fix: "Fix the record of {domain}: run `mxray spf {domain}` for the trace of the evaluation.",
    },
    {
      summary: "{domain} 的 SPF 永久错误：{reason}",
      why: "SPF 记录无法求值（语法错误、超过 10 次 DNS 查询、存在多条记录等）。接收方视之为错误；DMARC 看不到 SPF 通过。",
      fix: "修正 {domain} 的记录：运行 `mxray spf {domain}` 查看求值过程。",
    },
  ),
  "message.spf.temperror": t(
    {
      summary: "SPF temperror for {domain}: {reason}",
      why: "A DNS lookup failed while evaluating SPF (SERVFAIL, timeout). This is not a missing record: receivers defer such mail.",
      fix: "Check that the DNS servers of {domain} (and of its include: targets) answer reliably.",
    },
    {
      summary: "{domain} 的 SPF 临时错误：{reason}",
      why: "求值 SPF 时 DNS 查询失败（SERVFAIL、超时）。这并不是没有记录：接收方会推迟此类邮件。",
      fix: "确认 {domain}（及其 include: 目标）的 DNS 服务器能稳定应答。",
    },
  ),
  "message.spf.no-client": t(
    {
      summary: "SPF not checked: no connecting client is known",
      why: "No Received field names the address of the server that handed the message over, and --ip was not given.",
      fix: "Give the client with --ip (and --helo, --sender).",
    },
    {
      summary: "未检查 SPF：不知道连接的客户端",
      why: "没有 Received 字段写明交付邮件的服务器地址，也没有给出 --ip。",
      fix: "使用 --ip（以及 --helo、--sender）指定客户端。",
    },
  ),
  "message.spf.submission": t(
    {
      summary: "SPF not checked: the message was an authenticated submission",
      why: "Receivers do not check SPF for their own authenticated users; SPF will be checked by the next domain's receiver, against the address of the server that sends the message out.",
      fix: "To check how the recipient's server will see it, give the outbound server's address with --ip.",
    },
    {
      summary: "未检查 SPF：这封邮件是经过认证的提交",
      why: "接收方不会对自己的已认证用户检查 SPF；下一个域名的接收方会针对发出该邮件的服务器地址检查 SPF。",
      fix: "要查看收件方服务器会如何判断，请使用 --ip 指定外发服务器的地址。",
    },
  ),
  "message.spf.error": t(
    {
      summary: "SPF could not be evaluated: {error}",
      why: "The client's identity taken from the message (HELO name, sender) is not something SPF can evaluate.",
      fix: "Give the client with --ip, --helo and --sender.",
    },
    {
      summary: "无法求值 SPF：{error}",
      why: "从邮件中取得的客户端身份（HELO 名称、发件人）无法用于 SPF 求值。",
      fix: "使用 --ip、--helo 和 --sender 指定客户端。",
    },
  ),
  "message.spf.bad-ip": t(
    {
      summary: "SPF not checked: the client address is not an IP address",
      why: "The address taken from the Received field is not a valid IPv4 or IPv6 address.",
      fix: "Give the client with --ip.",
    },
    {
      summary: "未检查 SPF：客户端地址不是 IP 地址",
      why: "从 Received 字段取得的地址不是有效的 IPv4 或 IPv6 地址。",
      fix: "使用 --ip 指定客户端。",
    },
  ),

  // ---- DMARC ----
  "message.dmarc.pass": t(
    {
      summary: "DMARC pass for {domain}: SPF {spf}; DKIM {dkim}",
      why: "At least one identifier that passed is aligned with the From domain ({adkim} DKIM, {aspf} SPF alignment), so the domain's policy does not apply.",
      fix: "",
    },
    {
      summary: "{domain} 的 DMARC 通过：SPF {spf}；DKIM {dkim}",
      why: "至少一个通过验证的标识与 From 域名对齐（DKIM {adkim} 对齐，SPF {aspf} 对齐），因此该域名的策略不会生效。",
      fix: "",
    },
  ),
  "message.dmarc.fail": t(
    {
      summary: "DMARC fail for {domain}: receivers would apply {applied} (policy {policy}, pct={pct})",
      why: "Neither SPF ({spf}) nor DKIM ({dkim}) gives an aligned pass; receivers honouring the record would {applied} this message. Alignment is {adkim} for DKIM and {aspf} for SPF.",
      fix: "Make the sender sign with d={domain} (or a subdomain under relaxed alignment), or send from a MAIL FROM domain aligned with {domain} through servers listed in its SPF.",
    },
    {
      summary: "{domain} 的 DMARC 失败：接收方将执行 {applied}（策略 {policy}，pct={pct}）",
      why: "SPF（{spf}）和 DKIM（{dkim}）都没有对齐的通过结果；遵循该记录的接收方会对此邮件执行 {applied}。DKIM 对齐方式为 {adkim}，SPF 为 {aspf}。",
      fix: "让发件方使用 d={domain}（宽松对齐下也可用其子域）签名，或使用与 {domain} 对齐的 MAIL FROM 域名，并通过其 SPF 中列出的服务器发送。",
    },
  ),
  "message.dmarc.fail-none": t(
    {
      summary: "DMARC fail for {domain}, but its policy is none: delivered as usual",
      why: "Neither SPF ({spf}) nor DKIM ({dkim}) gives an aligned pass. The domain asks receivers only to report such mail (p=none or np=none), so nothing stops a forgery either; alignment is {adkim} for DKIM and {aspf} for SPF.",
      fix: "Make this sender authenticate with an aligned domain (d={domain} or an aligned MAIL FROM), read the DMARC reports for other unaligned sources, then move the policy to quarantine or reject.",
    },
    {
      summary: "{domain} 的 DMARC 失败，但其策略为 none：照常投递",
      why: "SPF（{spf}）和 DKIM（{dkim}）都没有对齐的通过结果。该域名只要求接收方报告此类邮件（p=none 或 np=none），因此也无法阻止伪造；DKIM 对齐方式为 {adkim}，SPF 为 {aspf}。",
      fix: "让该发件方使用对齐的域名进行认证（d={domain} 或对齐的 MAIL FROM），通过 DMARC 报告找出其他未对齐的来源，然后把策略改为 quarantine 或 reject。",
    },
  ),
  "message.dmarc.temperror": t(
    {
      summary: "DMARC temperror for {domain}: the record lookup failed ({status})",
      why: "The DMARC record could not be fetched; this is not the same as having none, and receivers may defer.",
      fix: "Check that the DNS servers of {domain} answer for _dmarc.{domain} TXT.",
    },
    {
      summary: "{domain} 的 DMARC 临时错误：记录查询失败（{status}）",
      why: "无法获取 DMARC 记录；这不等于没有记录，接收方可能推迟投递。",
      fix: "确认 {domain} 的 DNS 服务器能应答 _dmarc.{domain} TXT。",
    },
  ),
  "message.dmarc.none": t(
    {
      summary: "{domain} has no DMARC record",
      why: "Neither _dmarc.{domain} nor _dmarc.{org} has a DMARC record, so receivers apply no policy and send no reports; Gmail and Yahoo require one from bulk senders.",
      fix: 'Publish "v=DMARC1; p=none; rua=mailto:dmarc@{domain}" at _dmarc.{domain}, read the reports, then move to quarantine or reject.',
    },
    {
      summary: "{domain} 没有 DMARC 记录",
      why: "_dmarc.{domain} 和 _dmarc.{org} 都没有 DMARC 记录，因此接收方不会应用任何策略，也不会发送报告；Gmail 和 Yahoo 要求批量发件人必须有该记录。",
      fix: '在 _dmarc.{domain} 发布 "v=DMARC1; p=none; rua=mailto:dmarc@{domain}"，阅读报告后再改为 quarantine 或 reject。',
    },
  ),
  "message.dmarc.multiple": t(
    {
      summary: "Several DMARC records for {domain}: none applies",
      why: "RFC 7489 §6.6.3: with more than one DMARC record at the name, receivers apply none of them.",
      fix: "Keep exactly one TXT record starting with v=DMARC1 at _dmarc.{domain}.",
    },
    {
      summary: "{domain} 有多条 DMARC 记录：均不生效",
      why: "RFC 7489 §6.6.3：同一名称下有多于一条 DMARC 记录时，接收方不会应用其中任何一条。",
      fix: "在 _dmarc.{domain} 只保留一条以 v=DMARC1 开头的 TXT 记录。",
    },
  ),
  "message.dmarc.unusable": t(
    {
      summary: "The DMARC record for {domain} is not usable: {record}",
      why: "The record is there but receivers discard it (v=DMARC1 not first, or no valid p=), so no policy applies.",
      fix: "Fix the record: it must start with v=DMARC1; followed by p=none, quarantine or reject.",
    },
    {
      summary: "{domain} 的 DMARC 记录不可用：{record}",
      why: "记录存在但会被接收方丢弃（v=DMARC1 不在首位，或没有有效的 p=），因此没有策略生效。",
      fix: "修正记录：必须以 v=DMARC1; 开头，随后是 p=none、quarantine 或 reject。",
    },
  ),

  // ---- recorded Authentication-Results ----
  "message.auth-results.differs": t(
    {
      summary: "{authserv} recorded {method}={theirs}, mxray finds {method}={ours} now ({subject})",
      why: "The result changed between delivery and now. For DKIM: the message was modified after {authserv} checked it, or the key was rotated or removed since. For SPF and DMARC: the records changed, or mxray used a different client or sender. Results recorded by servers that are not yours may also be forged (RFC 8601 §5).",
      fix: "Trust only Authentication-Results written by your own servers; compare the DNS records now with the time of delivery.",
    },
    {
      summary: "{authserv} 记录的是 {method}={theirs}，mxray 现在得到 {method}={ours}（{subject}）",
      why: "结果在投递后发生了变化。对 DKIM：邮件在 {authserv} 检查后被修改，或之后密钥已轮换或删除。对 SPF 和 DMARC：记录已变化，或 mxray 使用了不同的客户端或发件人。不是你的服务器写入的结果也可能是伪造的（RFC 8601 §5）。",
      fix: "只信任你自己的服务器写入的 Authentication-Results；将现在的 DNS 记录与投递时进行比较。",
    },
  ),
  "message.auth-results.differs-foreign": t(
    {
      summary:
        "{authserv} (not the final receiver) recorded {method}={theirs}; mxray finds {method}={ours} now ({subject})",
      why: "This Authentication-Results was not written by the organisation that delivered the message last, so it records an earlier hop's view, or it was forged by the sender: RFC 8601 §5 says receivers should ignore or remove such fields.",
      fix: "Trust only Authentication-Results whose authserv-id is your own; configure your MTA to remove foreign ones on arrival.",
    },
    {
      summary:
        "{authserv}（不是最终接收方）记录的是 {method}={theirs}；mxray 现在得到 {method}={ours}（{subject}）",
      why: "这个 Authentication-Results 不是由最后投递邮件的组织写入的，它记录的是更早一跳的结果，或者是发件人伪造的：RFC 8601 §5 要求接收方忽略或删除此类字段。",
      fix: "只信任 authserv-id 属于你自己的 Authentication-Results；让你的 MTA 在收信时删除外来的此类字段。",
    },
  ),
  "message.auth-results.arc-differs": t(
    {
      summary:
        "ARC sealer {authserv} (i={instance}) recorded {method}={theirs}; mxray finds {method}={ours} now ({subject})",
      why: "The ARC-Authentication-Results keep what each intermediary saw when the message reached it. A difference now is expected when that intermediary (a mailing list, a forwarder) changed the message after checking it; a valid ARC chain lets the final receiver trust the earlier result.",
      fix: "",
    },
    {
      summary:
        "ARC 封印者 {authserv}（i={instance}）记录的是 {method}={theirs}；mxray 现在得到 {method}={ours}（{subject}）",
      why: "ARC-Authentication-Results 保存了每个中间环节收到邮件时看到的结果。如果该中间环节（邮件列表、转发者）在检查后修改了邮件，现在出现差异是预期之中的；有效的 ARC 链使最终接收方可以信任先前的结果。",
      fix: "",
    },
  ),
  "message.auth-results.agree": t(
    {
      summary: "{count} of {total} recorded authentication results match what mxray finds now",
      why: "The receiving servers' Authentication-Results agree with the results verified again now.",
      fix: "",
    },
    {
      summary: "记录的 {total} 项认证结果中有 {count} 项与 mxray 现在的结果一致",
      why: "接收服务器写入的 Authentication-Results 与现在重新验证的结果一致。",
      fix: "",
    },
  ),

  // ---- spam filter and list headers ----
  "message.spam.flagged": t(
    {
      summary: "SpamAssassin marked the message as spam: score {score} (threshold {required})",
      why: "Rules that hit: {tests}. Each rule adds points; at the threshold the message is tagged or filed as spam.",
      fix: "Fix what the rules point at: DKIM_* and SPF_* rules mean authentication problems, RDNS_NONE a missing PTR record, BAYES_* the content, RCVD_IN_* a blocklisted sending address.",
    },
    {
      summary: "SpamAssassin 将邮件标为垃圾邮件：得分 {score}（阈值 {required}）",
      why: "命中的规则：{tests}。每条规则加分，达到阈值时邮件会被标记或归入垃圾邮件。",
      fix: "针对规则指出的问题修复：DKIM_* 和 SPF_* 规则表示认证问题，RDNS_NONE 表示缺少 PTR 记录，BAYES_* 与内容有关，RCVD_IN_* 表示发件地址在黑名单中。",
    },
  ),
  "message.spam.clean": t(
    {
      summary: "SpamAssassin score {score} (threshold {required}): not spam",
      why: "Rules that hit: {tests}.",
      fix: "",
    },
    {
      summary: "SpamAssassin 得分 {score}（阈值 {required}）：不是垃圾邮件",
      why: "命中的规则：{tests}。",
      fix: "",
    },
  ),
  "message.list.no-unsubscribe": t(
    {
      summary: "Bulk or list mail without a List-Unsubscribe header",
      why: 'The message looks like list or bulk mail (List-Id or Precedence), but offers no unsubscribe link. Since 2024 Gmail and Yahoo require one-click unsubscribe from bulk senders; recipients otherwise press "Report spam".',
      fix: "Add List-Unsubscribe: <https://...>, <mailto:...> and List-Unsubscribe-Post: List-Unsubscribe=One-Click, and sign both with DKIM.",
    },
    {
      summary: "批量或列表邮件没有 List-Unsubscribe 邮件头",
      why: "邮件看起来是列表或批量邮件（有 List-Id 或 Precedence），却没有提供退订链接。自 2024 年起，Gmail 和 Yahoo 要求批量发件人支持一键退订；否则收件人会点击“举报垃圾邮件”。",
      fix: "添加 List-Unsubscribe: <https://...>, <mailto:...> 和 List-Unsubscribe-Post: List-Unsubscribe=One-Click，并用 DKIM 签名这两个邮件头。",
    },
  ),
  "message.list.no-one-click": t(
    {
      summary: "List-Unsubscribe without one-click unsubscribe ({uris}; Post: {post})",
      why: "One-click unsubscribe (RFC 8058) needs an HTTPS URI in List-Unsubscribe and exactly `List-Unsubscribe-Post: List-Unsubscribe=One-Click`. Gmail and Yahoo require it from bulk senders.",
      fix: "Add an https:// unsubscribe URI that accepts a POST, and the List-Unsubscribe-Post header.",
    },
    {
      summary: "List-Unsubscribe 不支持一键退订（{uris}；Post：{post}）",
      why: "一键退订（RFC 8058）需要 List-Unsubscribe 中有 HTTPS URI，并且恰好有 `List-Unsubscribe-Post: List-Unsubscribe=One-Click`。Gmail 和 Yahoo 要求批量发件人支持它。",
      fix: "添加接受 POST 请求的 https:// 退订 URI，以及 List-Unsubscribe-Post 邮件头。",
    },
  ),
  "message.list.unsigned": t(
    {
      summary: "One-click unsubscribe headers are not covered by a valid DKIM signature",
      why: "RFC 8058 §4: List-Unsubscribe and List-Unsubscribe-Post must be signed by a valid DKIM signature, or receivers will not offer the one-click button (anyone could have added the link).",
      fix: "Add List-Unsubscribe and List-Unsubscribe-Post to the signer's header list (OpenDKIM SignHeaders) and make sure the signature verifies.",
    },
    {
      summary: "一键退订邮件头没有被有效的 DKIM 签名覆盖",
      why: "RFC 8058 §4：List-Unsubscribe 和 List-Unsubscribe-Post 必须由有效的 DKIM 签名覆盖，否则接收方不会显示一键退订按钮（任何人都可能添加该链接）。",
      fix: "把 List-Unsubscribe 和 List-Unsubscribe-Post 加入签名程序的邮件头列表（OpenDKIM 的 SignHeaders），并确保签名验证通过。",
    },
  ),
  "message.list.one-click": t(
    {
      summary: "One-click unsubscribe offered and signed ({uris})",
      why: "List-Unsubscribe has an HTTPS URI, List-Unsubscribe-Post is set and a passing DKIM signature covers both (RFC 8058).",
      fix: "",
    },
    {
      summary: "提供一键退订且已签名（{uris}）",
      why: "List-Unsubscribe 含有 HTTPS URI，设置了 List-Unsubscribe-Post，且两者都被通过验证的 DKIM 签名覆盖（RFC 8058）。",
      fix: "",
    },
  ),
  "message.return-path.missing": t(
    {
      summary: "No Return-Path: the envelope sender is not recorded",
      why: "The final delivery agent adds Return-Path with the MAIL FROM address; a message without it was saved before final delivery, so SPF is checked with the sender from the Received field or --sender.",
      fix: "Give the envelope sender with --sender to check SPF for it.",
    },
    {
      summary: "没有 Return-Path：未记录信封发件人",
      why: "最终投递程序会用 MAIL FROM 地址添加 Return-Path；没有它的邮件是在最终投递之前保存的，因此 SPF 使用 Received 字段中的发件人或 --sender 进行检查。",
      fix: "使用 --sender 指定信封发件人以检查其 SPF。",
    },
  ),
  "message.return-path.null": t(
    {
      summary: "Null Return-Path (<>): a bounce or automatic notification",
      why: "Delivery status notifications and auto-replies use the null sender so they never cause bounces themselves (RFC 5321 §4.5.5); SPF is then checked for the HELO name, and DMARC for {from} relies on DKIM.",
      fix: "",
    },
    {
      summary: "空 Return-Path（<>）：退信或自动通知",
      why: "投递状态通知和自动回复使用空发件人，以免它们自身再产生退信（RFC 5321 §4.5.5）；此时 SPF 检查 HELO 名称，{from} 的 DMARC 只能依靠 DKIM。",
      fix: "",
    },
  ),
  "message.return-path.same": t(
    {
      summary: "Return-Path {returnPath} is in the From domain {from}",
      why: "The envelope sender and the author share the domain, so an SPF pass is aligned for DMARC even under strict alignment.",
      fix: "",
    },
    {
      summary: "Return-Path {returnPath} 属于 From 域名 {from}",
      why: "信封发件人与作者同属一个域名，因此即使在严格对齐下，SPF 通过也能满足 DMARC 对齐。",
      fix: "",
    },
  ),
  "message.return-path.same-org": t(
    {
      summary: "Return-Path domain {rpDomain} and From domain {from} share an organisation",
      why: "SPF is aligned under relaxed alignment (aspf=r, the default) but not under strict alignment (aspf=s).",
      fix: "",
    },
    {
      summary: "Return-Path 域名 {rpDomain} 与 From 域名 {from} 属于同一组织",
      why: "在宽松对齐（aspf=r，默认值）下 SPF 是对齐的，但在严格对齐（aspf=s）下不对齐。",
      fix: "",
    },
  ),
  "message.return-path.differs": t(
    {
      summary: "Return-Path domain {rpDomain} is unrelated to the From domain {from}",
      why: "The envelope sender belongs to another organisation (typical of a mailing service or a forwarder), so SPF can never align for {from}: DMARC depends on an aligned DKIM signature alone.",
      fix: "If you send through a provider, set up a custom bounce (return-path) domain under {from} with it, and sign with d={from}.",
    },
    {
      summary: "Return-Path 域名 {rpDomain} 与 From 域名 {from} 无关",
      why: "信封发件人属于另一个组织（邮件发送服务或转发者的典型情况），因此 SPF 永远无法与 {from} 对齐：DMARC 完全依赖对齐的 DKIM 签名。",
      fix: "如果你通过服务商发信，请在服务商处设置 {from} 下的自定义退信（return-path）域名，并使用 d={from} 签名。",
    },
  ),
};
