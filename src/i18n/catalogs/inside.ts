import type { Catalog, MessageText } from "../types.js";

type Entry = { en: MessageText; "zh-CN": MessageText };
const m = (en: [string, string, string], zh: [string, string, string]): Entry => ({
  en: { summary: en[0], why: en[1], fix: en[2] },
  "zh-CN": { summary: zh[0], why: zh[1], fix: zh[2] },
});

/** `mxray logs`: Postfix and Exim log analysis. */
const logs: Catalog = {
  "logs.summary": m(
    [
      "{lines} mail log lines ({first} – {last}): {received} received, {delivered} delivered, {deferred} deferred, {bounced} bounced, {rejected} rejected",
      "The grand totals of the log, counted the way pflogsumm counts them.",
      "",
    ],
    [
      "{lines} 行邮件日志（{first} – {last}）：接收 {received}，投递 {delivered}，推迟 {deferred}，退信 {bounced}，拒收 {rejected}",
      "日志的总计，计数方式与 pflogsumm 相同。",
      "",
    ],
  ),
  "logs.input.empty": m(
    [
      "No Postfix or Exim lines among the {lines} lines read ({other} from other programs, {unrecognized} unrecognised)",
      "Nothing in the input looks like a mail server log, so there is nothing to report. The wrong file, or a log written in a format mxray does not read.",
      "Give the mail log itself: /var/log/mail.log or /var/log/maillog (syslog), the file named by Postfix's maillog_file, `journalctl -u postfix -o short-iso | mxray logs -`, or Exim's mainlog.",
    ],
    [
      "读取的 {lines} 行中没有 Postfix 或 Exim 日志（其他程序 {other} 行，无法识别 {unrecognized} 行）",
      "输入内容看起来都不是邮件服务器日志，因此无从报告。可能是文件选错了，或日志格式 mxray 不支持。",
      "请提供邮件日志本身：/var/log/mail.log 或 /var/log/maillog（syslog）、Postfix maillog_file 指定的文件、`journalctl -u postfix -o short-iso | mxray logs -`，或 Exim 的 mainlog。",
    ],
  ),
  "logs.input.skipped": m(
    [
      "{skipped} of {total} lines skipped: {binary} binary, {truncated} truncated, {overlong} overlong, {unrecognized} without a known timestamp",
      "These lines could not be read as log lines, so the counts leave them out. Binary garbage and truncated lines usually come from a crash, a full disk or a log copied while it was written.",
      "Look at the skipped lines (grep -naP '[\\x00-\\x08]' FILE finds binary ones). If the disk was full or the host crashed, the totals of that period are incomplete.",
    ],
    [
      "{total} 行中跳过了 {skipped} 行：二进制 {binary}，截断 {truncated}，过长 {overlong}，时间戳无法识别 {unrecognized}",
      "这些行无法作为日志行读取，统计中不包含它们。二进制垃圾和截断行通常来自崩溃、磁盘写满，或在写入过程中复制了日志。",
      "检查被跳过的行（grep -naP '[\\x00-\\x08]' FILE 可找出二进制行）。若曾磁盘写满或主机崩溃，该时段的统计并不完整。",
    ],
  ),
  "logs.reject.relay-denied": m(
    [
      "{count} relay attempts refused (Relay access denied, {code}); clients: {clients}",
      "Clients tried to send mail through this server to other domains without authenticating. The server refused, which is right: these are usually spammers probing for an open relay. Refusals for your own users mean their mail client is not authenticating.",
      "Nothing to do for strangers. If your own users appear here, make them submit on port 587 with authentication (smtpd_relay_restrictions = permit_sasl_authenticated, reject_unauth_destination on the submission service).",
    ],
    [
      "拒绝了 {count} 次中继尝试（Relay access denied，{code}）；客户端：{clients}",
      "有客户端未经认证就试图通过本服务器向其他域发信。服务器拒绝是正确的：这通常是垃圾邮件发送者在探测开放中继。若被拒绝的是自己的用户，说明他们的邮件客户端没有进行认证。",
      "对陌生客户端无需处理。若出现自己的用户，请让其通过 587 端口认证后提交（在 submission 服务上设置 smtpd_relay_restrictions = permit_sasl_authenticated, reject_unauth_destination）。",
    ],
  ),
  "logs.reject.unknown-recipient": m(
    [
      "{count} mails refused for unknown recipients ({rule}, {code}); clients: {clients}",
      "Mail arrived for addresses that do not exist here. A few are typos or old addresses; many from one client are a dictionary attack (guessing addresses).",
      "If real addresses are refused, add them to the table named ({rule}). For a dictionary attack, rate-limit or block the client (postscreen, smtpd_client_connection_rate_limit, fail2ban).",
    ],
    [
      "{count} 封邮件因收件人不存在而被拒收（{rule}，{code}）；客户端：{clients}",
      "有邮件发往本服务器上不存在的地址。少量通常是拼写错误或旧地址；同一客户端大量出现则是字典攻击（猜测地址）。",
      "若真实地址被拒，请将其加入所指的表（{rule}）。若是字典攻击，请对该客户端限速或封禁（postscreen、smtpd_client_connection_rate_limit、fail2ban）。",
    ],
  ),
  "logs.reject.unknown-sender-domain": m(
    [
      "{count} mails refused because the sender's domain does not exist (reject_unknown_sender_domain, {code})",
      "The envelope sender's domain has no MX or address record, so a bounce could never be returned. This catches much forged spam. A legitimate sender appears here only if their DNS is broken or was briefly unreachable.",
      "Nothing to do unless a real partner is refused: then check their domain (dig MX domain) and tell them. If your own resolver fails, fix it: temporary DNS failures give 450, not 550.",
    ],
    [
      "{count} 封邮件因发件人域名不存在而被拒收（reject_unknown_sender_domain，{code}）",
      "信封发件人的域名没有 MX 或地址记录，退信永远无法送达。这能拦截大量伪造的垃圾邮件。合法发件人只有在其 DNS 故障或短暂不可达时才会出现在这里。",
      "除非真实合作方被拒，否则无需处理：若是，请检查其域名（dig MX 域名）并通知对方。若是本机解析器故障，请修复：临时 DNS 故障应返回 450，而不是 550。",
    ],
  ),
  "logs.reject.unknown-recipient-domain": m(
    [
      "{count} mails refused because the recipient's domain does not exist (reject_unknown_recipient_domain, {code})",
      "The recipient's domain has no DNS records; the mail could not have been delivered.",
      "Usually a typo by the sender; nothing to do.",
    ],
    [
      "{count} 封邮件因收件人域名不存在而被拒收（reject_unknown_recipient_domain，{code}）",
      "收件人域名没有任何 DNS 记录，邮件本来就无法投递。",
      "通常是发件人拼写错误，无需处理。",
    ],
  ),
  "logs.reject.dnsbl": m(
    [
      "{count} connections refused by the blocklist {rule} ({code}); clients: {clients}",
      "The client's address is listed on this DNS blocklist, so its mail was refused. That is the blocklist doing its job; a listed address of a real partner means their server sent spam or sits in a dynamic range.",
      "Check a refused partner at the list's lookup page and ask them to get delisted; to accept them anyway, add an allow entry before the DNSBL check (check_client_access or postscreen_access_list).",
    ],
    [
      "{count} 个连接被黑名单 {rule} 拒绝（{code}）；客户端：{clients}",
      "客户端地址被列入该 DNS 黑名单，因此其邮件被拒。这是黑名单在正常工作；若真实合作方被列入，说明其服务器发过垃圾邮件或位于动态地址段。",
      "在黑名单的查询页面检查被拒的合作方，并请其申请移除；如需仍然接收，在 DNSBL 检查之前加入放行条目（check_client_access 或 postscreen_access_list）。",
    ],
  ),
  "logs.reject.spf": m(
    [
      "{count} mails refused by an SPF check: {rule}",
      "The sending server is not allowed by the sender domain's SPF record, so the mail was refused as likely forged.",
      "If a legitimate sender is refused, their SPF record lacks this server: ask them to add it. Forwarded mail fails SPF by nature; accept known forwarders before the SPF check.",
    ],
    [
      "{count} 封邮件被 SPF 检查拒收：{rule}",
      "发件域名的 SPF 记录不允许该发信服务器，邮件因疑似伪造而被拒。",
      "若合法发件人被拒，说明其 SPF 记录缺少该服务器，请对方补上。转发邮件天然无法通过 SPF；请在 SPF 检查之前放行已知的转发者。",
    ],
  ),
  "logs.reject.helo": m(
    [
      "{count} mails refused for their HELO name: {rule} ({code}); clients: {clients}",
      "The client greeted with a name that is not a fully-qualified, resolvable host name (such as `localhost` or a bare word). Real mail servers greet with their own FQDN; bots often do not.",
      "Nothing to do for bots. If a legitimate server is refused, ask its administrator to set a proper HELO name (Postfix: smtp_helo_name / myhostname), or exempt it with check_helo_access.",
    ],
    [
      "{count} 封邮件因 HELO 名称被拒收：{rule}（{code}）；客户端：{clients}",
      "客户端问候时使用的不是完整、可解析的主机名（如 `localhost` 或单个词）。正规邮件服务器用自己的 FQDN 问候，僵尸程序往往不会。",
      "对僵尸程序无需处理。若合法服务器被拒，请其管理员设置正确的 HELO 名称（Postfix：smtp_helo_name / myhostname），或用 check_helo_access 为其豁免。",
    ],
  ),
  "logs.reject.client-rdns": m(
    [
      "{count} connections refused for missing or mismatched reverse DNS: {rule}",
      "The client's IP address has no PTR name, or the name does not resolve back to it. Many spam sources lack reverse DNS; so do some misconfigured real servers.",
      "If a legitimate sender is refused, ask them to publish matching PTR and A records, or exempt them with check_client_access.",
    ],
    [
      "{count} 个连接因缺少或不匹配的反向解析被拒：{rule}",
      "客户端 IP 没有 PTR 名称，或该名称不能解析回此 IP。许多垃圾邮件来源没有反向解析；一些配置不当的真实服务器也是如此。",
      "若合法发件人被拒，请对方发布相互匹配的 PTR 与 A 记录，或用 check_client_access 为其豁免。",
    ],
  ),
  "logs.reject.non-fqdn": m(
    [
      "{count} mails refused for an address that is not fully qualified: {rule}",
      "An envelope address lacked a domain part (user instead of user@example.com). Real servers always send full addresses.",
      "If a local application is refused, configure it to send full addresses, or submit through sendmail/pickup.",
    ],
    [
      "{count} 封邮件因地址不完整被拒收：{rule}",
      "信封地址缺少域名部分（user 而不是 user@example.com）。正规服务器总是发送完整地址。",
      "若被拒的是本地应用，请配置其发送完整地址，或通过 sendmail/pickup 提交。",
    ],
  ),
  "logs.reject.pipelining": m(
    [
      "{count} clients refused for improper command pipelining",
      "The client sent commands before the server answered, which only spam software does (reject_unauth_pipelining).",
      "Nothing to do.",
    ],
    [
      "{count} 个客户端因不当的命令流水线被拒",
      "客户端在服务器应答之前就发送了命令，只有垃圾邮件软件会这样做（reject_unauth_pipelining）。",
      "无需处理。",
    ],
  ),
  "logs.reject.size": m(
    [
      "{count} mails refused as too large (message_size_limit, {code})",
      "The message was bigger than the server accepts. Senders get a bounce and often do not understand why.",
      "Raise message_size_limit (and mailbox_size_limit / virtual_mailbox_limit) if your users need larger attachments; 25–50 MB is common.",
    ],
    [
      "{count} 封邮件因过大被拒收（message_size_limit，{code}）",
      "邮件大小超过了服务器允许的上限。发件人会收到退信，且常常不明白原因。",
      "如果用户需要更大的附件，请提高 message_size_limit（以及 mailbox_size_limit / virtual_mailbox_limit）；常见取值为 25–50 MB。",
    ],
  ),
  "logs.reject.greylist": m(
    [
      "{count} deliveries temporarily refused by greylisting",
      "Greylisting asks unknown senders to retry later; real servers do, most spam bots do not. It delays first contact by minutes.",
      "Nothing to do; allowlist important partners if the delay hurts.",
    ],
    [
      "{count} 次投递被灰名单暂时拒绝",
      "灰名单要求陌生发件方稍后重试；真实服务器会重试，大多数垃圾邮件程序不会。首次联系会延迟几分钟。",
      "无需处理；若延迟有影响，可将重要合作方加入白名单。",
    ],
  ),
  "logs.reject.access": m(
    [
      "{count} mails refused by an access rule: {rule}",
      "A check_*_access table entry refused these clients, senders or recipients.",
      "Review the access tables if expected mail is refused.",
    ],
    [
      "{count} 封邮件被访问规则拒收：{rule}",
      "check_*_access 表中的条目拒绝了这些客户端、发件人或收件人。",
      "若有预期的邮件被拒，请检查访问表。",
    ],
  ),
  "logs.reject.content": m(
    [
      "{count} mails refused by content checks ({rule})",
      "header_checks or body_checks matched these messages and refused them.",
      "Check that the matching rule is intended; a too broad regular expression refuses good mail.",
    ],
    [
      "{count} 封邮件被内容检查拒收（{rule}）",
      "header_checks 或 body_checks 匹配并拒绝了这些邮件。",
      "确认匹配的规则符合预期；过于宽泛的正则表达式会拒收正常邮件。",
    ],
  ),
  "logs.reject.milter": m(
    [
      "{count} mails refused by a milter: {rule}",
      "A content filter connected as a milter (rspamd, OpenDKIM, OpenDMARC, SpamAssassin...) refused these messages.",
      "Check the milter's own log for the reason if good mail is refused.",
    ],
    [
      "{count} 封邮件被 milter 拒收：{rule}",
      "以 milter 方式接入的内容过滤器（rspamd、OpenDKIM、OpenDMARC、SpamAssassin 等）拒绝了这些邮件。",
      "若正常邮件被拒，请查看该 milter 自身的日志了解原因。",
    ],
  ),
  "logs.reject.recipient-rejected": m(
    [
      "{count} recipients refused: {rule} ({code}); clients: {clients}",
      "A recipient restriction or transport refused these recipients at RCPT time.",
      "If the refusal is not intended, find the restriction that produces this text (postconf -n | grep restrictions) and adjust it.",
    ],
    [
      "{count} 个收件人被拒绝：{rule}（{code}）；客户端：{clients}",
      "收件人限制或传输配置在 RCPT 阶段拒绝了这些收件人。",
      "若并非有意拒绝，请找出产生此文本的限制（postconf -n | grep restrictions）并调整。",
    ],
  ),
  "logs.reject.sender-rejected": m(
    [
      "{count} senders refused: {rule} ({code})",
      "A sender restriction refused these envelope senders.",
      "If the refusal is not intended, check smtpd_sender_restrictions and the access tables it names.",
    ],
    [
      "{count} 个发件人被拒绝：{rule}（{code}）",
      "发件人限制拒绝了这些信封发件人。",
      "若并非有意拒绝，请检查 smtpd_sender_restrictions 及其引用的访问表。",
    ],
  ),
  "logs.reject.other": m(
    [
      "{count} rejects: {rule} ({code})",
      "Refusals that fit none of the usual groups.",
      "Read the example line and find the restriction that produces it.",
    ],
    ["{count} 次拒收：{rule}（{code}）", "不属于常见类别的拒绝。", "阅读示例日志行，找出产生它的限制规则。"],
  ),
  "logs.deferral.unreachable": m(
    [
      "{count} deliveries deferred: {host} refused or could not be reached (dsn {dsn})",
      "The receiving server did not accept the TCP connection (connection refused, no route). Mail waits in the queue and is retried until maximal_queue_lifetime, then bounces.",
      "Check that {host} is the right MX and is up (`nc -vz host 25`); if the recipient's MX is permanently dead, tell the recipient; if every destination fails, outbound port 25 is blocked by your provider or firewall.",
    ],
    [
      "{count} 次投递被推迟：{host} 拒绝连接或不可达（dsn {dsn}）",
      "接收服务器没有接受 TCP 连接（连接被拒、无路由）。邮件留在队列中，一直重试到 maximal_queue_lifetime，然后退信。",
      "确认 {host} 是正确的 MX 且在线（`nc -vz host 25`）；若收件方的 MX 长期宕机，请通知收件人；若所有目标都失败，说明服务商或防火墙封锁了出站 25 端口。",
    ],
  ),
  "logs.deferral.timeout": m(
    [
      "{count} deliveries deferred: timeouts or lost connections with {host} (dsn {dsn})",
      "The remote server was reached but the conversation timed out or was cut: an overloaded server, tarpitting, a firewall dropping packets, or an MTU problem with large messages.",
      "Retry happens automatically; if one destination always times out, check the path (traceroute -T -p 25) and whether it tarpits you because of your reputation.",
    ],
    [
      "{count} 次投递被推迟：与 {host} 通信超时或连接中断（dsn {dsn}）",
      "远端服务器可达，但会话超时或被中断：服务器过载、延时惩罚（tarpit）、防火墙丢包，或大邮件遇到 MTU 问题。",
      "系统会自动重试；若某个目标总是超时，请检查链路（traceroute -T -p 25），以及对方是否因你的信誉而延时惩罚。",
    ],
  ),
  "logs.deferral.tls": m(
    [
      "{count} deliveries deferred by TLS with {host}: {example} (dsn {dsn})",
      "The TLS policy for this destination (DANE, MTA-STS, or smtp_tls_security_level = verify/secure/encrypt) requires an authenticated or encrypted connection, and the server's certificate or TLS offer did not satisfy it. The mail waits rather than going out insecurely.",
      "If the destination's certificate is expired or does not match its TLSA records, tell its administrator; if the policy is yours (smtp_tls_policy_maps), check it is still right. Do not lower the policy to push the mail through without understanding why.",
    ],
    [
      "{count} 次投递因与 {host} 的 TLS 问题被推迟：{example}（dsn {dsn}）",
      "该目标的 TLS 策略（DANE、MTA-STS，或 smtp_tls_security_level = verify/secure/encrypt）要求经过认证或加密的连接，而服务器的证书或 TLS 能力不满足要求。邮件宁可等待也不会以不安全方式发出。",
      "若目标的证书过期或与其 TLSA 记录不符，请通知其管理员；若策略是你自己设置的（smtp_tls_policy_maps），请确认它仍然正确。不要在不明原因的情况下降低策略强行发送。",
    ],
  ),
  "logs.deferral.dns": m(
    [
      "{count} deliveries deferred by DNS lookup failures for {host} (dsn {dsn})",
      "The MX or address lookup of the destination failed temporarily (SERVFAIL, timeout). Either the destination's DNS is broken or your own resolver is.",
      "Test your resolver (dig MX domain @127.0.0.1); if only this domain fails, its DNS (or DNSSEC) is broken: tell its administrator.",
    ],
    [
      "{count} 次投递因 {host} 的 DNS 查询失败被推迟（dsn {dsn}）",
      "目标的 MX 或地址查询临时失败（SERVFAIL、超时）。要么对方的 DNS 故障，要么本机的解析器故障。",
      "测试本机解析器（dig MX 域名 @127.0.0.1）；若只有该域名失败，说明其 DNS（或 DNSSEC）有问题，请通知其管理员。",
    ],
  ),
  "logs.deferral.remote-temporary": m(
    [
      "{count} deliveries deferred by {host} with a temporary error: {example}",
      "The remote server answered with a 4xx code: greylisting, rate limiting, a full mailbox or a temporary local problem on its side. It will usually accept a later retry.",
      "Nothing to do unless it persists past a few hours; for rate limits, lower the concurrency to that destination (smtp_destination_concurrency_limit, a transport with rate delay).",
    ],
    [
      "{count} 次投递被 {host} 以临时错误推迟：{example}",
      "远端服务器返回 4xx：灰名单、限速、邮箱已满，或其本地临时故障。稍后重试通常会被接受。",
      "除非持续数小时，否则无需处理；若是限速，请降低对该目标的并发（smtp_destination_concurrency_limit，或设置 rate delay 的专用传输）。",
    ],
  ),
  "logs.deferral.mailbox": m(
    [
      "{count} deliveries deferred: mailbox full or over quota at {host}",
      "The recipient's mailbox is over its quota.",
      "For local users, raise the quota or ask them to clean up; for remote ones, nothing to do.",
    ],
    [
      "{count} 次投递被推迟：{host} 上的邮箱已满或超出配额",
      "收件人邮箱超出配额。",
      "本地用户请提高配额或让其清理邮箱；远端用户则无需处理。",
    ],
  ),
  "logs.deferral.local": m(
    [
      "{count} deliveries deferred by a local problem: {example} (dsn {dsn})",
      "The server itself could not deliver: a transport is unavailable, a lookup table is missing, or a local delivery agent failed. Every message of that kind waits until it is fixed.",
      "Read the warnings of the same time (mxray logs lists them), fix the failing table or service, then `postqueue -f`.",
    ],
    [
      "{count} 次投递因本地问题被推迟：{example}（dsn {dsn}）",
      "服务器自身无法投递：某个传输不可用、查找表缺失，或本地投递代理失败。此类邮件都会等待，直到问题修复。",
      "查看同一时间的警告（mxray logs 会列出），修复出错的表或服务，然后执行 `postqueue -f`。",
    ],
  ),
  "logs.deferral.other": m(
    [
      "{count} deliveries deferred for {host}: {example} (dsn {dsn})",
      "Delivery to this destination failed temporarily and will be retried.",
      "Read the example reason; if it persists, contact the destination's administrator.",
    ],
    [
      "{count} 次投递到 {host} 被推迟：{example}（dsn {dsn}）",
      "投递到该目标暂时失败，系统会重试。",
      "阅读示例原因；若持续发生，请联系目标的管理员。",
    ],
  ),
  "logs.bounce.group": m(
    [
      "{count} recipients bounced via {relay}: {reason}",
      "These deliveries failed permanently and the sender got a non-delivery report.",
      "Unknown users are the sender's problem; refusals by a remote server for policy (relay, spam, authentication) mean your server or its reputation needs attention; local errors mean a transport or table here is wrong.",
    ],
    [
      "{count} 个收件人经 {relay} 退信：{reason}",
      "这些投递永久失败，发件人收到了未投递报告。",
      "用户不存在是发件人的问题；远端服务器以策略原因（中继、垃圾邮件、认证）拒绝说明你的服务器或其信誉需要处理；本地错误说明此处某个传输或表配置有误。",
    ],
  ),
  "logs.connection.scan": m(
    [
      "{count} connections from hosts without reverse DNS dropped right after connecting (top: {top}, {clients} clients): port scanning",
      '"lost connection after CONNECT from unknown" in bulk means something opened TCP port 25 and left without saying a word: port scanners and bots checking which hosts run a mail server. It is not a fault of your server.',
      "Nothing to fix. To reduce noise, put postscreen in front of smtpd, or rate-limit with smtpd_client_connection_rate_limit / fail2ban.",
    ],
    [
      "{count} 个来自无反向解析主机的连接在建立后立即断开（最多：{top}，共 {clients} 个客户端）：端口扫描",
      '大量 "lost connection after CONNECT from unknown" 表示有程序打开 TCP 25 端口后一言不发就离开：这是端口扫描器和僵尸程序在探测哪些主机运行邮件服务器，并非服务器故障。',
      "无需修复。如需减少噪声，可在 smtpd 前部署 postscreen，或用 smtpd_client_connection_rate_limit / fail2ban 限速。",
    ],
  ),
  "logs.connection.lost": m(
    [
      "{count} connections lost after {stage}",
      "Clients dropped the connection in the middle of the SMTP conversation. After EHLO or AUTH it is usually a bot; after DATA or END-OF-MESSAGE, a client that gave up sending: slow links, a timeout on its side, or a message too big for its patience.",
      "After DATA: check message_size_limit and whether your milters or content filters answer slowly (smtpd_proxy_timeout, milter timeouts).",
    ],
    [
      "{count} 个连接在 {stage} 之后中断",
      "客户端在 SMTP 会话中途断开了连接。在 EHLO 或 AUTH 之后通常是僵尸程序；在 DATA 或 END-OF-MESSAGE 之后则是客户端放弃发送：链路缓慢、对方超时，或邮件过大。",
      "若在 DATA 之后：检查 message_size_limit，以及 milter 或内容过滤器是否响应过慢（smtpd_proxy_timeout、milter 超时）。",
    ],
  ),
  "logs.connection.timeout": m(
    [
      "{count} SMTP sessions timed out after {stage}",
      "Clients stopped talking and smtpd closed the session at smtpd_timeout. Many after CONNECT or EHLO are bots; after DATA, slow senders or network trouble.",
      "If legitimate senders time out in DATA, check the network path and content filter latency.",
    ],
    [
      "{count} 个 SMTP 会话在 {stage} 之后超时",
      "客户端停止发送，smtpd 在 smtpd_timeout 到期后关闭了会话。在 CONNECT 或 EHLO 之后大量出现多为僵尸程序；在 DATA 之后则是发件方缓慢或网络问题。",
      "若合法发件方在 DATA 阶段超时，请检查网络链路和内容过滤器的延迟。",
    ],
  ),
  "logs.tls.handshake-failed": m(
    [
      "{count} TLS handshakes failed (most often: {reason})",
      "A client (or a remote server) and this server could not agree on TLS: no shared protocol or cipher, a certificate problem, or a scanner probing. Real senders then usually retry without TLS, or defer.",
      "If many legitimate peers fail, check smtpd_tls_protocols / smtpd_tls_ciphers are not too strict for them, and that the certificate chain is complete (openssl s_client -starttls smtp).",
    ],
    [
      "{count} 次 TLS 握手失败（最常见：{reason}）",
      "客户端（或远端服务器）与本服务器未能就 TLS 达成一致：没有共同的协议或加密套件、证书问题，或是扫描器在探测。真实发件方随后通常会不加密重试，或推迟投递。",
      "若大量合法对端失败，请确认 smtpd_tls_protocols / smtpd_tls_ciphers 对它们不过严，并确认证书链完整（openssl s_client -starttls smtp）。",
    ],
  ),
  "logs.sasl.brute-force": m(
    [
      "{count} failed SASL logins from {client} (users tried: {users}): password guessing",
      "One client failing authentication again and again is a brute-force attack on your users' passwords. A successful guess turns your server into a spam relay under a real account.",
      "Block the client (fail2ban with the postfix-sasl filter, or a firewall rule), keep smtpd_tls_auth_only = yes, enforce strong passwords, and check whether any attempt succeeded (grep sasl_username in the log).",
    ],
    [
      "来自 {client} 的 SASL 登录失败 {count} 次（尝试的用户：{users}）：密码猜测",
      "同一客户端反复认证失败就是对用户密码的暴力破解。一旦猜中，攻击者就能以真实账户把你的服务器变成垃圾邮件中继。",
      "封禁该客户端（fail2ban 的 postfix-sasl 过滤器，或防火墙规则），保持 smtpd_tls_auth_only = yes，强制使用强密码，并检查是否有尝试成功（在日志中 grep sasl_username）。",
    ],
  ),
  "logs.sasl.failures": m(
    [
      "{count} failed SASL logins from {clients} clients",
      "A few failures are users mistyping passwords or clients with an old saved password.",
      "Nothing to do unless one account keeps failing: then the user's mail client holds a stale password.",
    ],
    [
      "{clients} 个客户端共 {count} 次 SASL 登录失败",
      "少量失败通常是用户输错密码，或客户端保存了旧密码。",
      "无需处理，除非某个账户持续失败：那说明该用户的邮件客户端保存了过期密码。",
    ],
  ),
  "logs.postscreen.activity": m(
    [
      "postscreen: {events}",
      "postscreen screens clients before smtpd: PREGREET (talking before the banner) and DNSBL hits are bots it kept away; PASS NEW/OLD are clients it let through.",
      "Nothing to do; a rising share of PASS NEW from blocklisted ranges means the DNSBL threshold is too high.",
    ],
    [
      "postscreen：{events}",
      "postscreen 在 smtpd 之前筛查客户端：PREGREET（在欢迎语之前就发言）和 DNSBL 命中是被挡住的僵尸程序；PASS NEW/OLD 是放行的客户端。",
      "无需处理；若来自黑名单地址段的 PASS NEW 比例上升，说明 DNSBL 阈值过高。",
    ],
  ),
  "logs.tls.inbound-plaintext": m(
    [
      "{plain} of {total} messages received over SMTP came without TLS ({percent} %)",
      "These messages crossed the network unencrypted. Port 25 cannot require TLS from the whole Internet, but a high share often means STARTTLS is not offered or fails.",
      "Make sure smtpd_tls_security_level = may with a valid certificate on port 25, and encrypt on submission ports (587/465).",
    ],
    [
      "通过 SMTP 接收的 {total} 封邮件中有 {plain} 封未使用 TLS（{percent}%）",
      "这些邮件以明文穿越网络。25 端口无法要求整个互联网都使用 TLS，但比例过高往往说明未提供 STARTTLS 或握手失败。",
      "确保 25 端口设置 smtpd_tls_security_level = may 并使用有效证书，提交端口（587/465）强制加密。",
    ],
  ),
  "logs.tls.old-protocol": m(
    [
      "{count} TLS sessions used an obsolete protocol ({protocols})",
      "TLS 1.0 and 1.1 are deprecated (RFC 8996) and have known weaknesses.",
      "Set smtpd_tls_protocols = >=TLSv1.2 and smtp_tls_protocols = >=TLSv1.2 unless you must talk to very old systems.",
    ],
    [
      "{count} 个 TLS 会话使用了过时协议（{protocols}）",
      "TLS 1.0 和 1.1 已被弃用（RFC 8996），存在已知缺陷。",
      "除非必须与非常老旧的系统通信，否则设置 smtpd_tls_protocols = >=TLSv1.2 和 smtp_tls_protocols = >=TLSv1.2。",
    ],
  ),
  "logs.delay.slow": m(
    [
      "Deliveries via {relay} are slow: p50 {p50} s, p90 {p90} s, max {max} s over {count} messages (limit {limit} s)",
      "Most mail through this relay waited a long time: retries after deferrals, a slow content filter, or a congested queue.",
      "Look at the delays= field (before queue / in queue / connection / transmission) of these deliveries to see where the time goes; mxray queue shows what is waiting now.",
    ],
    [
      "经 {relay} 的投递较慢：{count} 封邮件中 p50 {p50} 秒，p90 {p90} 秒，最大 {max} 秒（阈值 {limit} 秒）",
      "经由该中继的大部分邮件等待了很长时间：推迟后的重试、内容过滤器缓慢，或队列拥堵。",
      "查看这些投递的 delays= 字段（入队前 / 队列中 / 建立连接 / 传输）以了解时间花在哪里；mxray queue 可显示当前等待中的邮件。",
    ],
  ),
  "logs.queue.expired": m(
    [
      "{count} messages expired in the queue and were returned to their senders",
      "They could not be delivered within maximal_queue_lifetime; senders got a bounce after days of waiting.",
      "Find the destinations in the deferral groups above and fix what keeps them failing.",
    ],
    [
      "{count} 封邮件在队列中过期并被退回发件人",
      "它们未能在 maximal_queue_lifetime 内投递；发件人在等待数天后收到退信。",
      "在上面的推迟分组中找到这些目标，修复导致其持续失败的问题。",
    ],
  ),
  "logs.held": m(
    [
      "Messages held: {rules} by HOLD rules, {admin} by an administrator (postsuper -h); still held: {ids}",
      "Held mail stays in the hold queue and is never delivered until released.",
      "Review them with `postcat -q ID`; release with `postsuper -H ID` or delete with `postsuper -d ID`.",
    ],
    [
      "被暂扣的邮件：HOLD 规则 {rules} 封，管理员（postsuper -h）{admin} 封；仍在暂扣中：{ids}",
      "被暂扣的邮件留在 hold 队列中，释放之前永远不会投递。",
      "用 `postcat -q ID` 查看；用 `postsuper -H ID` 释放，或用 `postsuper -d ID` 删除。",
    ],
  ),
  "logs.diagnostic.fatal": m(
    [
      "{count} fatal errors from {daemon}: {text}",
      "A Postfix daemon stopped on this error; the service it provides fails until it is fixed (master restarts it and it dies again).",
      "Fix the cause named in the message (a missing file, a bad parameter, permissions), then `postfix check` and `postfix reload`.",
    ],
    [
      "{daemon} 出现 {count} 次致命错误：{text}",
      "Postfix 守护进程因该错误退出；在修复之前它提供的服务都会失败（master 会重启它，但它会再次退出）。",
      "修复消息中指出的原因（文件缺失、参数错误、权限问题），然后执行 `postfix check` 和 `postfix reload`。",
    ],
  ),
  "logs.diagnostic.panic": m(
    [
      "{count} panics from {daemon}: {text}",
      "A Postfix daemon hit an internal inconsistency and aborted.",
      "Check disk space and file system health, then report it to the Postfix mailing list with the log lines.",
    ],
    [
      "{daemon} 出现 {count} 次 panic：{text}",
      "Postfix 守护进程遇到内部不一致并中止。",
      "检查磁盘空间和文件系统状态，然后将相关日志行报告到 Postfix 邮件列表。",
    ],
  ),
  "logs.diagnostic.error": m(
    [
      "{count} errors from {daemon}: {text}",
      "Postfix reported an error that affects its work.",
      "Read the message and fix the named cause.",
    ],
    [
      "{daemon} 出现 {count} 次错误：{text}",
      "Postfix 报告了影响其工作的错误。",
      "阅读消息并修复所指出的原因。",
    ],
  ),
  "logs.master.throttling": m(
    [
      "A Postfix service is throttled: {text} ({count} times)",
      "master(8) stops starting a daemon that keeps failing at startup: the service (often smtpd, so all inbound mail) is down until the cause is fixed.",
      "Run `postfix check`, read the fatal error just before this line, fix it and `postfix reload`.",
    ],
    [
      "Postfix 服务被限流：{text}（{count} 次）",
      "master(8) 会停止启动一个在启动时反复失败的守护进程：该服务（通常是 smtpd，即所有入站邮件）在修复前处于停止状态。",
      "执行 `postfix check`，阅读此行之前的致命错误，修复后执行 `postfix reload`。",
    ],
  ),
  "logs.table.folded": m(
    [
      "Some tables hit their memory bound and were folded: {tables}",
      "To keep memory bounded on huge logs, the smallest rows of these tables were summed into a remainder; the totals are still exact.",
      "Raise --table-size if you need every row.",
    ],
    [
      "部分表达到内存上限并被折叠：{tables}",
      "为在超大日志上保持内存有界，这些表中最小的行被合并为余项；总计仍然精确。",
      "如需每一行，请调大 --table-size。",
    ],
  ),
  "logs.split.approximated": m(
    [
      "{count} events after a part boundary were counted without their message's earlier lines",
      "The file was read in {parts} parts at once. Lines of a message or session that began in an earlier part are set aside and replayed against it; past {limit} such lines per part, the rest were counted as if the message's start was not in the log, so sizes, senders and deferred-message counts of those messages may be off.",
      "Run with --jobs 1 to read the file in one pass.",
    ],
    [
      "{count} 个位于分段边界之后的事件在缺少其邮件先前日志行的情况下被统计",
      "该文件被分为 {parts} 段同时读取。始于先前分段的邮件或会话的日志行会被暂存并在该分段上重放；每段超过 {limit} 行后，其余行按“日志中没有该邮件开头”的方式统计，因此这些邮件的大小、发件人和延迟邮件计数可能有偏差。",
      "使用 --jobs 1 以单遍读取该文件。",
    ],
  ),
};

/** `mxray queue`: the mail queue. */
const queue: Catalog = {
  "queue.empty": m(
    ["The mail queue is empty ({source})", "Nothing waits for delivery.", ""],
    ["邮件队列为空（{source}）", "没有等待投递的邮件。", ""],
  ),
  "queue.summary": m(
    [
      "{total} messages queued ({bytes} bytes): {breakdown}; oldest {oldest}",
      "What waits in the queue now, by queue (incoming, active, deferred, hold).",
      "",
    ],
    [
      "队列中有 {total} 封邮件（{bytes} 字节）：{breakdown}；最早的已等待 {oldest}",
      "当前队列中等待的邮件，按队列（incoming、active、deferred、hold）统计。",
      "",
    ],
  ),
  "queue.count.high": m(
    [
      "{total} messages in the queue (threshold {limit})",
      "A large queue means mail is not leaving: a destination or the whole outbound path is failing, or the server is sending spam (a compromised account or form).",
      "Look at the waiting reasons below; if one sender dominates (mxray queue --json: senders), check that account for compromise. `postqueue -f` retries once the cause is fixed.",
    ],
    [
      "队列中有 {total} 封邮件（阈值 {limit}）",
      "队列过大说明邮件发不出去：某个目标或整个出站链路故障，或服务器正在发送垃圾邮件（账户或表单被盗用）。",
      "查看下方的等待原因；若某个发件人占多数（mxray queue --json 中的 senders），请检查该账户是否被盗用。排除原因后用 `postqueue -f` 重试。",
    ],
  ),
  "queue.oldest.near-lifetime": m(
    [
      "Message {id} has waited {age}, {percent} % of maximal_queue_lifetime ({lifetime})",
      "When it reaches the queue lifetime, Postfix gives up and bounces it to its sender.",
      "Fix the reason it waits (postqueue -j shows delay_reason), or tell the sender; `postsuper -d {id}` drops it if it is unwanted.",
    ],
    [
      "邮件 {id} 已等待 {age}，达到 maximal_queue_lifetime（{lifetime}）的 {percent}%",
      "到达队列生存期后，Postfix 将放弃投递并退回给发件人。",
      "修复其等待的原因（postqueue -j 显示 delay_reason），或通知发件人；若不需要，可用 `postsuper -d {id}` 删除。",
    ],
  ),
  "queue.hold": m(
    [
      "{count} messages are on hold",
      "Held messages are never delivered until an administrator releases them; they were held by a HOLD rule, a content filter, or postsuper -h.",
      "Inspect with `postcat -q ID`; release with `postsuper -H ID` or delete with `postsuper -d ID`.",
    ],
    [
      "有 {count} 封邮件处于暂扣状态",
      "被暂扣的邮件在管理员释放之前永远不会投递；它们是被 HOLD 规则、内容过滤器或 postsuper -h 暂扣的。",
      "用 `postcat -q ID` 查看；用 `postsuper -H ID` 释放，或用 `postsuper -d ID` 删除。",
    ],
  ),
  "queue.waiting": m(
    [
      "{count} recipients waiting ({category}): {reason}",
      "These recipients could not be delivered yet and will be retried; the reason is the last delivery attempt's answer.",
      "Group by destination (mxray queue --json: domains) and fix the cause: a dead or refusing MX (unreachable), a TLS policy failure (tls), DNS trouble (dns), a remote temporary refusal (remote-temporary), or a local problem (local). `postqueue -f` retries at once.",
    ],
    [
      "{count} 个收件人等待中（{category}）：{reason}",
      "这些收件人尚未投递成功，系统会重试；原因是最近一次投递尝试的回应。",
      "按目标分组（mxray queue --json 中的 domains）并修复原因：MX 宕机或拒绝连接（unreachable）、TLS 策略失败（tls）、DNS 故障（dns）、远端临时拒绝（remote-temporary）或本地问题（local）。`postqueue -f` 可立即重试。",
    ],
  ),
  "queue.input.unparsed": m(
    [
      "{count} lines of the queue listing ({format}) were not understood",
      "They were left out of the counts.",
      "Give the raw output of `postqueue -j` (preferred), `postqueue -p`, `mailq` or `exim -bp`.",
    ],
    [
      "队列列表（{format}）中有 {count} 行无法识别",
      "这些行未计入统计。",
      "请提供 `postqueue -j`（推荐）、`postqueue -p`、`mailq` 或 `exim -bp` 的原始输出。",
    ],
  ),
};

/** `mxray local`: sockets, Postfix and Dovecot settings, certificates, firewall. */
const local: Catalog = {
  "local.sockets.unavailable": m(
    [
      "/proc/net/tcp could not be read: sockets not examined",
      "This system has no Linux /proc (or it is not mounted), so listening sockets and TCP states are unknown.",
      "Run mxray local on the mail server itself (Linux), or use ss -ltnp there.",
    ],
    [
      "无法读取 /proc/net/tcp：未检查套接字",
      "该系统没有 Linux /proc（或未挂载），因此无法得知监听套接字和 TCP 状态。",
      "请在邮件服务器本机（Linux）上运行 mxray local，或在那里使用 ss -ltnp。",
    ],
  ),
  "local.sockets.listeners": m(
    [
      "{count} mail ports listening: {list}",
      "The mail services this machine offers, with the process that owns each socket.",
      "",
    ],
    ["{count} 个邮件端口正在监听：{list}", "本机提供的邮件服务，以及持有每个套接字的进程。", ""],
  ),
  "local.sockets.no-smtp": m(
    [
      "Nothing listens on port 25",
      "Without a listener on port 25 this machine receives no mail from other servers.",
      "Check that the MTA is running (postfix status) and that master.cf has an `smtp inet` (or address:25) service; inet_interfaces must include the public address.",
    ],
    [
      "25 端口没有任何监听",
      "25 端口无监听时，本机无法接收其他服务器发来的邮件。",
      "确认 MTA 正在运行（postfix status），且 master.cf 中有 `smtp inet`（或 地址:25）服务；inet_interfaces 必须包含公网地址。",
    ],
  ),
  "local.sockets.owners-hidden": m(
    [
      "Owners of some sockets are not visible ({count} processes could not be read)",
      "Without root, /proc/PID/fd of other users' processes cannot be read, so their sockets show no owner.",
      "Run mxray local as root (sudo) to see which process owns each port.",
    ],
    [
      "部分套接字的所有者不可见（{count} 个进程无法读取）",
      "非 root 用户无法读取其他用户进程的 /proc/PID/fd，因此这些套接字没有显示所有者。",
      "以 root（sudo）运行 mxray local 可查看每个端口由哪个进程持有。",
    ],
  ),
  "local.sockets.syn-flood": m(
    [
      "{count} half-open connections (SYN_RECV) on port {port}: a SYN flood? Top sources: {peers}",
      "Many connections stuck in SYN_RECV mean clients send SYN but never complete the handshake: a SYN flood (often with spoofed sources) or a badly broken network path. Legitimate clients may be unable to connect.",
      "Make sure net.ipv4.tcp_syncookies = 1, rate-limit new connections to port {port} in the firewall, and block the sources if they are real.",
    ],
    [
      "端口 {port} 上有 {count} 个半开连接（SYN_RECV）：疑似 SYN 洪水攻击？主要来源：{peers}",
      "大量连接停留在 SYN_RECV，说明客户端发出 SYN 却从不完成握手：SYN 洪水攻击（常伪造源地址）或网络链路严重故障。合法客户端可能无法连接。",
      "确保 net.ipv4.tcp_syncookies = 1，在防火墙中对 {port} 端口的新连接限速，若来源真实则予以封禁。",
    ],
  ),
  "local.sockets.time-wait-peer": m(
    [
      "{count} TIME_WAIT connections with {peer} on port {port}: a mail loop or a client reconnecting in a hurry",
      "Each finished connection leaves a TIME_WAIT entry for a minute; hundreds with one peer mean it opens connection after connection: a mail loop between two servers, a misconfigured application sending one connection per message, or an attack.",
      "Look at the log for {peer} (mxray logs shows connections and rejects); for a loop, check transport and relayhost settings on both sides.",
    ],
    [
      "端口 {port} 上与 {peer} 有 {count} 个 TIME_WAIT 连接：邮件循环或客户端频繁重连",
      "每个结束的连接会保留约一分钟的 TIME_WAIT 条目；与同一对端出现数百个，说明它在不停地建立连接：两台服务器之间的邮件循环、每封邮件一个连接的错误应用配置，或攻击。",
      "在日志中查看 {peer}（mxray logs 会显示连接与拒收）；若是循环，请检查双方的 transport 与 relayhost 设置。",
    ],
  ),
  "local.sockets.port-states": m(
    ["Port {port} ({service}): {states}", "Current TCP connections of this mail port by state.", ""],
    ["端口 {port}（{service}）：{states}", "该邮件端口当前各状态的 TCP 连接数。", ""],
  ),
  "local.postfix.absent": m(
    [
      "Postfix not found (no postconf): configuration not examined",
      "postconf is not installed here, so no Postfix configuration was judged.",
      "Run on the mail server, or give the files: --main-cf main.cf --master-cf master.cf.",
    ],
    [
      "未找到 Postfix（没有 postconf）：未检查配置",
      "本机未安装 postconf，因此没有评估 Postfix 配置。",
      "请在邮件服务器上运行，或提供配置文件：--main-cf main.cf --master-cf master.cf。",
    ],
  ),
  "local.postfix.unreadable": m(
    [
      "The Postfix configuration could not be read: {error}",
      "postconf failed, so the configuration was not judged.",
      "Check --config-dir (it must be the directory holding main.cf, given as an absolute path), or give the files with --main-cf/--master-cf.",
    ],
    [
      "无法读取 Postfix 配置：{error}",
      "postconf 执行失败，因此未评估配置。",
      "检查 --config-dir（必须是包含 main.cf 的目录，使用绝对路径），或用 --main-cf/--master-cf 提供配置文件。",
    ],
  ),
  "local.postfix.summary": m(
    [
      "Postfix configuration read: smtpd services {services}; {explicit} parameters set explicitly",
      "The settings judged below come from main.cf and each service's master.cf -o overrides.",
      "",
    ],
    [
      "已读取 Postfix 配置：smtpd 服务 {services}；显式设置了 {explicit} 个参数",
      "以下评估的设置来自 main.cf 以及各服务在 master.cf 中的 -o 覆盖。",
      "",
    ],
  ),
  "local.postfix.tls.inbound-off": m(
    [
      "{service} offers no STARTTLS (smtpd_tls_security_level is none or empty)",
      "Senders cannot encrypt mail to this service: messages and any credentials cross the network in clear text, and senders with MTA-STS or DANE policies will refuse to deliver.",
      "Set smtpd_tls_security_level = may with a valid certificate (smtpd_tls_chain_files) for port 25, and encrypt on submission services.",
    ],
    [
      "{service} 不提供 STARTTLS（smtpd_tls_security_level 为 none 或为空）",
      "发件方无法加密发往该服务的邮件：邮件及任何凭据都以明文穿越网络，采用 MTA-STS 或 DANE 策略的发件方会拒绝投递。",
      "在 25 端口设置 smtpd_tls_security_level = may 并配置有效证书（smtpd_tls_chain_files），提交服务则强制加密。",
    ],
  ),
  "local.postfix.auth.plaintext": m(
    [
      "{service} allows SASL authentication without TLS (smtpd_tls_auth_only is not yes)",
      "Passwords can be sent in clear text before STARTTLS, where anyone on the path can read them.",
      "Set smtpd_tls_auth_only = yes (or smtpd_tls_security_level = encrypt on this service).",
    ],
    [
      "{service} 允许在未加密时进行 SASL 认证（smtpd_tls_auth_only 不是 yes）",
      "密码可能在 STARTTLS 之前以明文发送，链路上的任何人都能读取。",
      "设置 smtpd_tls_auth_only = yes（或在该服务上设置 smtpd_tls_security_level = encrypt）。",
    ],
  ),
  "local.postfix.tls.old-protocols": m(
    [
      "{service} accepts TLS 1.0/1.1 (smtpd_tls_protocols = {protocols})",
      "TLS 1.0 and 1.1 are deprecated (RFC 8996). On port 25 with opportunistic TLS, allowing them is still better than plaintext for old senders; on submission ports, clients should use TLS 1.2 or later.",
      "Set smtpd_tls_protocols = >=TLSv1.2 (and smtpd_tls_mandatory_protocols) on submission services; on port 25 consider it once old peers are gone.",
    ],
    [
      "{service} 接受 TLS 1.0/1.1（smtpd_tls_protocols = {protocols}）",
      "TLS 1.0 和 1.1 已被弃用（RFC 8996）。在使用机会性 TLS 的 25 端口上，为老旧发件方保留它们仍好过明文；提交端口的客户端则应使用 TLS 1.2 及以上。",
      "在提交服务上设置 smtpd_tls_protocols = >=TLSv1.2（以及 smtpd_tls_mandatory_protocols）；25 端口可在老旧对端淘汰后再调整。",
    ],
  ),
  "local.postfix.relay.open": m(
    [
      "{service} is an open relay: no reject_unauth_destination before a permit (relay: {relay}; recipient: {recipient})",
      "Anyone on the Internet can send mail through this server to any domain. Spammers find open relays within hours; the server's address is then blocklisted everywhere and legitimate mail stops being accepted.",
      "Put reject_unauth_destination (after permit_mynetworks, permit_sasl_authenticated) in smtpd_relay_restrictions, remove any bare `permit` before it, keep mynetworks to your own hosts, then `postfix reload`.",
    ],
    [
      "{service} 是开放中继：在 permit 之前没有 reject_unauth_destination（中继限制：{relay}；收件人限制：{recipient}）",
      "互联网上任何人都能通过该服务器向任意域名发信。垃圾邮件发送者几小时内就会发现开放中继；服务器地址随即被各处拉黑，正常邮件将不再被接收。",
      "在 smtpd_relay_restrictions 中（permit_mynetworks、permit_sasl_authenticated 之后）加入 reject_unauth_destination，删除其前面的任何单独 `permit`，将 mynetworks 限制为自己的主机，然后 `postfix reload`。",
    ],
  ),
  "local.postfix.relay.ok": m(
    [
      "{service} relays only for authorised clients ({relay})",
      "Unauthenticated clients outside mynetworks can only send to this server's own domains.",
      "",
    ],
    [
      "{service} 只为授权客户端中继（{relay}）",
      "mynetworks 以外的未认证客户端只能向本服务器自己的域名发信。",
      "",
    ],
  ),
  "local.postfix.relay.mynetworks-listener": m(
    [
      "{service} relays for every host of {network} ({hosts} addresses), and it listens on {address} inside that network: an open-relay risk",
      "permit_mynetworks lets every client in mynetworks relay without authentication. Here mynetworks is a whole network that contains the service's own listening address, so every other host that reaches it from that network (other machines, containers, a proxy or web application forwarding connections) can send mail anywhere.",
      "Reduce mynetworks to the hosts that really need to relay (often just 127.0.0.1/32 and [::1]/128, or mynetworks_style = host), and make everything else authenticate on port 587.",
    ],
    [
      "{service} 为 {network} 内的所有主机（{hosts} 个地址）中继，而它自己就监听在该网络内的 {address} 上：存在开放中继风险",
      "permit_mynetworks 允许 mynetworks 中的所有客户端无需认证即可中继。这里的 mynetworks 是一个包含该服务自身监听地址的完整网络，因此从该网络访问它的其他主机（其他机器、容器、转发连接的代理或 Web 应用）都能向任意地址发信。",
      "将 mynetworks 缩小到真正需要中继的主机（通常只需 127.0.0.1/32 和 [::1]/128，或 mynetworks_style = host），其他客户端一律在 587 端口认证。",
    ],
  ),
  "local.postfix.relay.mynetworks-wide": m(
    [
      "{service} relays without authentication for the whole network {network} ({hosts} addresses)",
      "Every host in this range may send mail anywhere through this server; one compromised machine there turns it into a spam relay.",
      "Keep mynetworks to the few hosts that need it; make the others authenticate (SASL on port 587).",
    ],
    [
      "{service} 对整个网络 {network}（{hosts} 个地址）无需认证即可中继",
      "该范围内的任何主机都能通过本服务器向任意地址发信；其中一台机器被攻陷，本服务器就会变成垃圾邮件中继。",
      "将 mynetworks 限制为确实需要的少数主机；其他主机须认证（587 端口的 SASL）。",
    ],
  ),
  "local.postfix.port.custom": m(
    [
      "smtpd also listens on a non-standard port: {service} (port {port})",
      "Mail services on other ports than 25, 465 and 587 are sometimes intended (an alternative submission port, a content-filter return) and sometimes forgotten test listeners.",
      "Check the service is wanted and has the same TLS and relay restrictions as the standard ones.",
    ],
    [
      "smtpd 还在非标准端口上监听：{service}（端口 {port}）",
      "25、465、587 以外端口上的邮件服务有时是有意为之（备用提交端口、内容过滤器回注），有时是被遗忘的测试监听。",
      "确认该服务确有需要，且其 TLS 与中继限制与标准端口一致。",
    ],
  ),
  "local.postfix.tls.outbound-off": m(
    [
      "Outgoing mail is never encrypted (smtp_tls_security_level is none or empty)",
      "Postfix will not even try STARTTLS when delivering; every message leaves in clear text, and receivers that require TLS will refuse it.",
      "Set smtp_tls_security_level = may (or dane with a DNSSEC-validating resolver).",
    ],
    [
      "外发邮件从不加密（smtp_tls_security_level 为 none 或为空）",
      "Postfix 投递时甚至不会尝试 STARTTLS；每封邮件都以明文发出，要求 TLS 的接收方会拒收。",
      "设置 smtp_tls_security_level = may（或在有 DNSSEC 验证解析器时设为 dane）。",
    ],
  ),
  "local.postfix.size.unlimited": m(
    [
      "message_size_limit = 0: messages of any size are accepted",
      "A single huge message can fill the queue file system and stop all mail.",
      "Set message_size_limit to a sane bound (25–50 MB), below the free space of the queue file system.",
    ],
    [
      "message_size_limit = 0：接受任意大小的邮件",
      "一封超大邮件就可能占满队列文件系统，导致所有邮件停止。",
      "将 message_size_limit 设为合理上限（25–50 MB），并低于队列文件系统的可用空间。",
    ],
  ),
  "local.postfix.size.small": m(
    [
      "message_size_limit is {mb} MB: larger messages are refused",
      "Attachments grow by a third when encoded; users sending ordinary documents will get bounces.",
      "Raise message_size_limit to 25–50 MB unless the limit is deliberate.",
    ],
    [
      "message_size_limit 为 {mb} MB：更大的邮件会被拒收",
      "附件编码后会增大约三分之一；用户发送普通文档时就会遇到退信。",
      "除非有意限制，否则将 message_size_limit 提高到 25–50 MB。",
    ],
  ),
  "local.postfix.queue-lifetime.short": m(
    [
      "maximal_queue_lifetime = {value}: mail to a temporarily unreachable destination bounces quickly",
      "A destination down for a few hours (maintenance, an outage) makes your users' mail bounce instead of arriving late. RFC 5321 suggests retrying for at least 4–5 days.",
      "Use the default 5d unless you have a reason; bounce_queue_lifetime can stay shorter.",
    ],
    [
      "maximal_queue_lifetime = {value}：发往暂时不可达目标的邮件会很快退信",
      "目标宕机几小时（维护、故障）就会让用户的邮件被退回，而不是延迟到达。RFC 5321 建议至少重试 4–5 天。",
      "除非有理由，请使用默认值 5d；bounce_queue_lifetime 可以更短。",
    ],
  ),
  "local.postfix.queue-lifetime.long": m(
    [
      "maximal_queue_lifetime = {value}: undeliverable mail waits a long time before bouncing",
      "Senders learn very late that their mail did not arrive.",
      "5d is the usual value.",
    ],
    [
      "maximal_queue_lifetime = {value}：无法投递的邮件要等很久才退信",
      "发件人很晚才知道邮件未送达。",
      "常用值为 5d。",
    ],
  ),
  "local.postfix.rate-limits.none": m(
    [
      "No client rate limits (anvil): connection, message and AUTH rates are unlimited; concurrent connections per client {count}",
      "A single client can open connections, send messages or try passwords as fast as it likes; brute-force attacks and floods meet no resistance from Postfix itself.",
      "Consider smtpd_client_connection_rate_limit, smtpd_client_message_rate_limit and smtpd_client_auth_rate_limit (with smtpd_client_event_limit_exceptions for your own networks), or fail2ban.",
    ],
    [
      "没有客户端速率限制（anvil）：连接、邮件和 AUTH 速率均不受限；每个客户端的并发连接数 {count}",
      "单个客户端可以随意快速地建立连接、发送邮件或尝试密码；暴力破解和洪水攻击不会受到 Postfix 本身的任何阻碍。",
      "考虑设置 smtpd_client_connection_rate_limit、smtpd_client_message_rate_limit 和 smtpd_client_auth_rate_limit（用 smtpd_client_event_limit_exceptions 豁免自己的网络），或使用 fail2ban。",
    ],
  ),
  "local.postfix.limits": m(
    [
      "Limits: default_process_limit {process}; smtpd processes {smtpd}; message_size_limit {size}; maximal_queue_lifetime {lifetime}; client rates (conn/msg/auth) {rate}",
      "The limits that bound load and queue behaviour.",
      "",
    ],
    [
      "限制：default_process_limit {process}；smtpd 进程 {smtpd}；message_size_limit {size}；maximal_queue_lifetime {lifetime}；客户端速率（连接/邮件/认证）{rate}",
      "限定负载与队列行为的参数。",
      "",
    ],
  ),
  "local.cert.ok": m(
    [
      "Certificate of {user} valid for {days} more days ({subject}), key matches",
      "The certificate is current and its private key belongs to it.",
      "",
    ],
    ["{user} 的证书还有 {days} 天有效（{subject}），私钥匹配", "证书在有效期内，且私钥与之匹配。", ""],
  ),
  "local.cert.ok-key-unchecked": m(
    [
      "Certificate of {user} valid for {days} more days ({subject}); its private key could not be read to compare",
      "The certificate is current. The key file is not readable by this user (or hidden in the output given), so the pair was not checked.",
      "Run as root to check that the key matches too.",
    ],
    [
      "{user} 的证书还有 {days} 天有效（{subject}）；无法读取其私钥进行比对",
      "证书在有效期内。当前用户无法读取私钥文件（或提供的输出中隐藏了它），因此未检查二者是否匹配。",
      "以 root 运行可一并检查私钥是否匹配。",
    ],
  ),
  "local.cert.expiring": m(
    [
      "Certificate of {user} expires in {days} days ({notAfter}): {file}",
      "When it expires, senders with strict TLS policies (DANE, MTA-STS) and mail clients will refuse to connect.",
      "Renew it now (certbot renew, or your CA), then reload the service; make sure renewal is automatic.",
    ],
    [
      "{user} 的证书将在 {days} 天后过期（{notAfter}）：{file}",
      "证书过期后，采用严格 TLS 策略（DANE、MTA-STS）的发件方和邮件客户端将拒绝连接。",
      "立即续期（certbot renew 或你的 CA），然后重新加载服务；并确保续期是自动的。",
    ],
  ),
  "local.cert.expired": m(
    [
      "Certificate of {user} expired {days} days ago ({notAfter}): {file}",
      "Mail clients refuse it, senders with DANE or MTA-STS policies defer all mail to this server, and opportunistic senders fall back to unauthenticated TLS.",
      "Install a renewed certificate in {file} (and the key), then reload the service.",
    ],
    [
      "{user} 的证书已过期 {days} 天（{notAfter}）：{file}",
      "邮件客户端会拒绝它，采用 DANE 或 MTA-STS 策略的发件方会推迟所有发往本服务器的邮件，机会性发件方则退回到未认证的 TLS。",
      "在 {file} 安装续期后的证书（及私钥），然后重新加载服务。",
    ],
  ),
  "local.cert.key-mismatch": m(
    [
      "The private key {key} does not belong to the certificate {file} ({user})",
      "The TLS handshake fails for every client: the server cannot prove it owns the certificate.",
      "Install the key that was generated with this certificate (compare `openssl x509 -noout -pubkey` with `openssl pkey -pubout`).",
    ],
    [
      "私钥 {key} 与证书 {file} 不匹配（{user}）",
      "所有客户端的 TLS 握手都会失败：服务器无法证明它拥有该证书。",
      "安装与该证书一同生成的私钥（比较 `openssl x509 -noout -pubkey` 与 `openssl pkey -pubout` 的输出）。",
    ],
  ),
  "local.cert.unreadable": m(
    [
      "Certificate of {user} could not be read: {error}",
      "The file named in the configuration is missing or unreadable; the service fails TLS handshakes.",
      "Fix the path or the permissions of {file}.",
    ],
    [
      "无法读取 {user} 的证书：{error}",
      "配置中指定的文件缺失或无法读取；该服务的 TLS 握手会失败。",
      "修正 {file} 的路径或权限。",
    ],
  ),
  "local.dovecot.summary": m(
    ["Dovecot: ssl = {ssl}; listeners {listeners}", "The IMAP/POP3 settings judged below.", ""],
    ["Dovecot：ssl = {ssl}；监听 {listeners}", "以下评估的 IMAP/POP3 设置。", ""],
  ),
  "local.dovecot.unreadable": m(
    [
      "The Dovecot configuration could not be read: {error}",
      "doveconf failed, so Dovecot was not judged.",
      "Give the configuration file with --dovecot-config, or a saved `doveconf -n` with --doveconf.",
    ],
    [
      "无法读取 Dovecot 配置：{error}",
      "doveconf 执行失败，因此未评估 Dovecot。",
      "用 --dovecot-config 指定配置文件，或用 --doveconf 提供保存的 `doveconf -n` 输出。",
    ],
  ),
  "local.dovecot.ssl.off": m(
    [
      "Dovecot has ssl = no: IMAP and POP3 run without encryption",
      "Users' passwords and mail cross the network in clear text.",
      "Set ssl = required with ssl_cert/ssl_key, and offer 993/995.",
    ],
    [
      "Dovecot 设置了 ssl = no：IMAP 和 POP3 不加密运行",
      "用户的密码和邮件都以明文穿越网络。",
      "设置 ssl = required 并配置 ssl_cert/ssl_key，提供 993/995 端口。",
    ],
  ),
  "local.dovecot.plaintext-auth": m(
    [
      "Dovecot allows plaintext authentication without TLS ({setting})",
      "Clients may send passwords in clear text on 143/110.",
      "Set disable_plaintext_auth = yes (Dovecot 2.3) or auth_allow_cleartext = no (2.4).",
    ],
    [
      "Dovecot 允许在未加密时进行明文认证（{setting}）",
      "客户端可能在 143/110 端口以明文发送密码。",
      "设置 disable_plaintext_auth = yes（Dovecot 2.3）或 auth_allow_cleartext = no（2.4）。",
    ],
  ),
  "local.dovecot.tls.old": m(
    [
      "Dovecot accepts old TLS (ssl_min_protocol = {value})",
      "TLS 1.0 and 1.1 are deprecated (RFC 8996).",
      "Set ssl_min_protocol = TLSv1.2.",
    ],
    [
      "Dovecot 接受旧版 TLS（ssl_min_protocol = {value}）",
      "TLS 1.0 和 1.1 已被弃用（RFC 8996）。",
      "设置 ssl_min_protocol = TLSv1.2。",
    ],
  ),
  "local.firewall.rules": m(
    [
      "{count} firewall rules name mail ports",
      "Rules from iptables-save / nft list ruleset that match ports 25, 465, 587, 110, 143, 993, 995 or 2525.",
      "",
    ],
    [
      "有 {count} 条防火墙规则涉及邮件端口",
      "来自 iptables-save / nft list ruleset、匹配 25、465、587、110、143、993、995 或 2525 端口的规则。",
      "",
    ],
  ),
  "local.firewall.inbound-blocked": m(
    [
      "Inbound port {port} is blocked by the firewall (first matching rule: {action})",
      "Clients and other mail servers cannot reach this service from outside.",
      "If the service should be public, add an accept rule for TCP {port} before the blocking one.",
    ],
    [
      "入站 {port} 端口被防火墙阻止（第一条匹配规则：{action}）",
      "客户端和其他邮件服务器无法从外部访问该服务。",
      "若该服务应对外开放，请在阻止规则之前加入放行 TCP {port} 的规则。",
    ],
  ),
  "local.firewall.outbound-blocked": m(
    [
      "Outbound port {port} is blocked by the firewall (first matching rule: {action})",
      "The server cannot deliver mail to other servers: everything stays deferred.",
      "Allow outbound TCP {port} for the MTA's user, or relay through a smarthost on 587.",
    ],
    [
      "出站 {port} 端口被防火墙阻止（第一条匹配规则：{action}）",
      "服务器无法向其他服务器投递邮件：所有邮件都会被推迟。",
      "为 MTA 用户放行出站 TCP {port}，或通过 587 端口的中继主机（smarthost）转发。",
    ],
  ),
  "local.firewall.absent": m(
    [
      "No firewall rules examined (neither iptables-save nor nft is available)",
      "The firewall could not be read here.",
      "Give a saved ruleset with --firewall FILE (iptables-save or nft list ruleset output).",
    ],
    [
      "未检查防火墙规则（iptables-save 和 nft 均不可用）",
      "无法在此读取防火墙。",
      "用 --firewall FILE 提供保存的规则集（iptables-save 或 nft list ruleset 的输出）。",
    ],
  ),
  "local.firewall.unreadable": m(
    [
      "The firewall rules could not be read: {error}",
      "The rules were not judged.",
      "Check the file given with --firewall.",
    ],
    ["无法读取防火墙规则：{error}", "未评估这些规则。", "检查用 --firewall 指定的文件。"],
  ),
};

export const insideMessages: Catalog = { ...logs, ...queue, ...local };
