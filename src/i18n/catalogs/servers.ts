import type { Catalog, MessageText } from "../types.js";

type Entry = { en: MessageText; "zh-CN": MessageText };
const m = (en: [string, string, string], zh: [string, string, string]): Entry => ({
  en: { summary: en[0], why: en[1], fix: en[2] },
  "zh-CN": { summary: zh[0], why: zh[1], fix: zh[2] },
});

/** Ports: the connect matrix of every mail host address. */
const ports: Catalog = {
  "ports.matrix": m(
    [
      "Ports of {target}: open {open}; closed {closed}; filtered {filtered}; unreachable {unreachable}",
      "What answers on each mail port, as a sending server or a mail client would see it from here.",
      "",
    ],
    [
      "{target} 的端口：开放 {open}；关闭 {closed}；被过滤 {filtered}；不可达 {unreachable}",
      "从本机看各邮件端口的应答情况，与发信服务器或邮件客户端所见一致。",
      "",
    ],
  ),
  "ports.smtp.closed": m(
    [
      "Port 25 is closed on {address}: the connection was refused ({code})",
      "Nothing listens on port 25 at this address. Other servers deliver mail to port 25 only; they will retry and finally bounce mail for this host.",
      "Start the MTA and make it listen on {address}:25 (Postfix: inet_interfaces and master.cf `smtp inet`), or remove this address from the MX host's A/AAAA records.",
    ],
    [
      "{address} 的 25 端口关闭：连接被拒绝（{code}）",
      "该地址的 25 端口无服务监听。其他服务器只向 25 端口投递邮件，它们会重试，最终将发往该主机的邮件退回。",
      "启动 MTA 并让其监听 {address}:25（Postfix：inet_interfaces 与 master.cf 中的 `smtp inet`），或从 MX 主机的 A/AAAA 记录中删除该地址。",
    ],
  ),
  "ports.smtp.filtered": m(
    [
      "Port 25 on {address} does not answer: no reply within {ms} ms (filtered)",
      "Packets to port 25 are dropped, typically by a firewall or a provider that blocks port 25. Senders wait for each attempt to time out, then defer; mail is delayed and finally bounced.",
      "Allow inbound TCP 25 to {address} in the host firewall, the cloud security group and the provider's network; check from outside with `nc -vz {address} 25`. If mxray runs on a network that blocks outbound port 25, test from elsewhere.",
    ],
    [
      "{address} 的 25 端口无应答：{ms} 毫秒内没有回应（被过滤）",
      "发往 25 端口的数据包被丢弃，通常是防火墙或屏蔽 25 端口的服务商所为。发信方每次都要等到超时，然后推迟投递；邮件会延迟并最终被退回。",
      "在主机防火墙、云安全组和服务商网络中放行到 {address} 的入站 TCP 25；从外部用 `nc -vz {address} 25` 验证。若运行 mxray 的网络屏蔽了出站 25 端口，请换一个网络测试。",
    ],
  ),
  "ports.smtp.unreachable": m(
    [
      "Port 25 on {address} is unreachable: {code}",
      "An ICMP error came back (no route, host unreachable, or a firewall rejecting with an ICMP message). No sender can reach this address.",
      "Check routing to {address} and firewall rules that reject with icmp-host-unreachable; if the address is obsolete, remove it from DNS.",
    ],
    [
      "{address} 的 25 端口不可达：{code}",
      "收到了 ICMP 错误（无路由、主机不可达，或防火墙以 ICMP 消息拒绝）。任何发信方都无法到达该地址。",
      "检查到 {address} 的路由以及以 icmp-host-unreachable 拒绝的防火墙规则；若该地址已废弃，请从 DNS 中删除。",
    ],
  ),
  "ports.smtp.error": m(
    [
      "Connecting to port 25 on {address} failed: {code}",
      "The connection could not be made for a local or unusual reason, so port 25 could not be judged.",
      "Check that this machine can open outbound connections (`nc -vz {address} 25`) and run mxray again.",
    ],
    [
      "连接 {address} 的 25 端口失败：{code}",
      "由于本地或不常见的原因无法建立连接，因此无法判断 25 端口。",
      "确认本机能发起出站连接（`nc -vz {address} 25`），然后重新运行 mxray。",
    ],
  ),
  "ports.other.filtered": m(
    [
      "Port {port} on {address} does not answer within {ms} ms (filtered)",
      "A firewall drops packets to this port. That may be deliberate; clients that expect the service wait for a timeout instead of getting a quick refusal.",
      "If the service should be offered, open TCP {port} in the firewall; if not, a REJECT rule gives clients a fast, clear answer.",
    ],
    [
      "{address} 的 {port} 端口在 {ms} 毫秒内无应答（被过滤）",
      "防火墙丢弃了发往该端口的数据包。这可能是有意为之；期望该服务的客户端会一直等到超时，而不是迅速得到拒绝。",
      "若应提供该服务，请在防火墙放行 TCP {port}；若不提供，使用 REJECT 规则可让客户端迅速得到明确答复。",
    ],
  ),
  "ports.other.unreachable": m(
    [
      "Port {port} on {address} is unreachable: {code}",
      "An ICMP error came back for this port: a route problem or a firewall rejecting with an ICMP message.",
      "If the service should be offered, check routing and the firewall rules for TCP {port}.",
    ],
    [
      "{address} 的 {port} 端口不可达：{code}",
      "该端口返回了 ICMP 错误：路由问题，或防火墙以 ICMP 消息拒绝。",
      "若应提供该服务，请检查 TCP {port} 的路由与防火墙规则。",
    ],
  ),
  "ports.host.no-address": m(
    [
      "{host} has no IPv4 or IPv6 address, so none of its ports could be tried",
      "A mail host name that resolves to no address cannot receive mail; senders skip it or defer.",
      "Publish A (and AAAA) records for {host}, or point the MX at a name that has them.",
    ],
    [
      "{host} 没有 IPv4 或 IPv6 地址，无法测试任何端口",
      "无法解析出地址的邮件主机名不能接收邮件；发信方会跳过它或推迟投递。",
      "为 {host} 发布 A（以及 AAAA）记录，或让 MX 指向具备这些记录的名称。",
    ],
  ),
  "ports.mx.unreachable": m(
    [
      "No MX address of {domain} accepts connections on port 25 ({tried} tried)",
      "Every mail server of the domain refused, dropped or could not be reached on port 25: no mail can be delivered to {domain} now. Senders queue it and bounce it after their retry period (typically 5 days).",
      "Bring at least one MX back on port 25: check that the MTA runs, listens on the public addresses, and that firewalls allow TCP 25.",
    ],
    [
      "{domain} 的所有 MX 地址均不接受 25 端口连接（共测试 {tried} 个）",
      "该域的每台邮件服务器的 25 端口都拒绝、丢弃或无法到达：目前无法向 {domain} 投递任何邮件。发信方会将邮件排队，并在重试期（通常 5 天）后退回。",
      "至少恢复一台 MX 的 25 端口：确认 MTA 正在运行、监听公网地址，且防火墙放行 TCP 25。",
    ],
  ),
};

/** SMTP sessions: banner, EHLO, STARTTLS, AUTH, VRFY/EXPN, failures. */
const smtp: Catalog = {
  "smtp.connect.failed": m(
    [
      "Could not connect to {address}:{port}: {state} ({code})",
      "No SMTP dialogue was possible, so nothing else about this server could be checked.",
      "Check that the MTA listens on {address}:{port} and that firewalls let TCP {port} through (`nc -vz {address} {port}`).",
    ],
    [
      "无法连接 {address}:{port}：{state}（{code}）",
      "无法进行 SMTP 对话，因此无法检查该服务器的其他方面。",
      "确认 MTA 在 {address}:{port} 上监听，且防火墙放行 TCP {port}（`nc -vz {address} {port}`）。",
    ],
  ),
  "smtp.session.skipped": m(
    [
      "SMTP session to {address}:{port} skipped: the server already rate-limited mxray twice",
      "After two 421 replies or dropped sessions, mxray stops opening connections to this address so as not to be blocked. What was not asked is unknown, not missing.",
      "Run mxray again later, or from an address the server trusts, to see the rest.",
    ],
    [
      "已跳过到 {address}:{port} 的 SMTP 会话：该服务器已两次对 mxray 限速",
      "在两次 421 应答或会话被断开后，mxray 不再向该地址发起连接，以免被封禁。未询问的内容属于未知，而非缺失。",
      "稍后或从服务器信任的地址再次运行 mxray，以查看其余部分。",
    ],
  ),
  "smtp.tls.implicit.ok": m(
    [
      "Implicit TLS works on port {port}: {protocol}, {cipher} (certificate verified: {verified})",
      "Port {port} starts TLS at once (RFC 8314), so credentials and mail never cross the network in clear. The certificate itself is judged by the TLS checks.",
      "",
    ],
    [
      "{port} 端口的隐式 TLS 正常：{protocol}，{cipher}（证书验证：{verified}）",
      "{port} 端口一连接就开始 TLS（RFC 8314），凭据和邮件绝不会以明文传输。证书本身由 TLS 检查评估。",
      "",
    ],
  ),
  "smtp.tls.implicit.failed": m(
    [
      "The TLS handshake on port {port} failed: {error}",
      "Port {port} is meant for implicit TLS (RFC 8314): clients start with a TLS handshake. This one failed, so no client can submit mail here. A plaintext SMTP daemon on 465 gives exactly this error.",
      "Configure port {port} for implicit TLS (Postfix master.cf: `submissions inet ... -o smtpd_tls_wrappermode=yes`) with a valid certificate, then test with `openssl s_client -connect {address}:{port}`.",
    ],
    [
      "{port} 端口的 TLS 握手失败：{error}",
      "{port} 端口用于隐式 TLS（RFC 8314）：客户端一连接就开始 TLS 握手。握手失败意味着任何客户端都无法在此提交邮件。若 465 端口运行的是明文 SMTP，就会出现这种错误。",
      "将 {port} 端口配置为隐式 TLS（Postfix master.cf：`submissions inet ... -o smtpd_tls_wrappermode=yes`）并使用有效证书，然后用 `openssl s_client -connect {address}:{port}` 测试。",
    ],
  ),
  "smtp.banner.ok": m(
    ["Banner after {ms} ms: {text}", "The server greets promptly and is ready to receive mail.", ""],
    ["{ms} 毫秒后收到问候：{text}", "服务器及时问候，已准备好接收邮件。", ""],
  ),
  "smtp.banner.slow": m(
    [
      "The banner came only after {ms} ms (more than {limit} ms): {text}",
      "A delayed greeting is a tarpit, a postscreen greet pause, greylisting at connect, or an overloaded server (slow DNS lookups of the client are a classic cause). Real MTAs wait up to 5 minutes (RFC 5321 §4.5.3.2), but impatient clients and monitoring give up, and every delivery is slowed.",
      "If it is not deliberate, look for slow reverse DNS lookups on the server (a dead resolver in /etc/resolv.conf), process limits reached (Postfix: default_process_limit), or a postscreen/greet delay longer than intended.",
    ],
    [
      "问候语在 {ms} 毫秒后才到达（超过 {limit} 毫秒）：{text}",
      "问候延迟可能来自 tarpit、postscreen 问候前等待、连接时的灰名单，或服务器过载（客户端反向 DNS 查询缓慢是常见原因）。正规 MTA 最多等待 5 分钟（RFC 5321 §4.5.3.2），但缺乏耐心的客户端和监控会放弃，且每次投递都会变慢。",
      "若非有意为之，请检查服务器上的反向 DNS 查询是否缓慢（/etc/resolv.conf 中有失效的解析器）、是否达到进程上限（Postfix：default_process_limit），或 postscreen/问候延迟是否比预期更长。",
    ],
  ),
  "smtp.banner.greet-pause": m(
    [
      "The banner came in two parts: the first line after {first} ms, the complete greeting after {ms} ms: {text}",
      "A greeting held back on purpose (Postfix postscreen's pregreet test, or a similar greet pause) catches spam bots that talk before the server has finished. It is deliberate and legitimate senders wait, but each connection costs them these seconds; clients that speak early are rejected.",
      "Nothing to do if this is intended. To shorten it, lower postscreen_greet_wait, or whitelist known senders (postscreen_access_list, postscreen_dnsbl_whitelist_threshold).",
    ],
    [
      "问候语分两次到达：第一行在 {first} 毫秒后，完整问候在 {ms} 毫秒后：{text}",
      "有意延迟的问候（Postfix postscreen 的提前发言测试或类似的问候暂停）可以识别在服务器说完之前就发言的垃圾邮件机器人。这是有意为之，正常发信方会等待，但每次连接都要多花这几秒；提前发言的客户端会被拒绝。",
      "若为有意设置则无需处理。若想缩短，可调低 postscreen_greet_wait，或将已知发信方加入白名单（postscreen_access_list、postscreen_dnsbl_whitelist_threshold）。",
    ],
  ),
  "smtp.banner.timeout": m(
    [
      "No banner from {address}:{port}: {message}",
      "The connection opened but the server never greeted. That is a tarpit, an overloaded or hung MTA, a server that waits for the client to speak first (not SMTP), or a banner delay longer than mxray's time limit. Senders will wait and then defer.",
      "Check that the MTA is healthy (process limits, logs) and that nothing in front of it (load balancer, IPS) holds connections. Try a longer limit: `mxray smtp {address}:{port} --timeout 30`.",
    ],
    [
      "{address}:{port} 没有发送问候语：{message}",
      "连接已建立，但服务器始终没有问候。这可能是 tarpit、过载或卡死的 MTA、等待客户端先发言的服务（不是 SMTP），或问候延迟超过了 mxray 的时间限制。发信方会等待后推迟投递。",
      "确认 MTA 状态正常（进程上限、日志），且前端设备（负载均衡、IPS）没有扣住连接。可延长时限重试：`mxray smtp {address}:{port} --timeout 30`。",
    ],
  ),
  "smtp.banner.dropped": m(
    [
      "{address}:{port} closed the connection before any banner: {message}",
      "A server that hangs up at once is usually limiting connections (per-client limits, an IPS, a blocklist at the firewall) or crashing on each connection. This is evidence of rate limiting or failure, not of a missing feature.",
      "Look at the MTA log at the time of the test for the reason (Postfix: `warning: ... too many connections`, `fatal:` lines); run again later or from another address.",
    ],
    [
      "{address}:{port} 在发送问候前就关闭了连接：{message}",
      "服务器一连上就挂断，通常是在限制连接（每客户端上限、IPS、防火墙黑名单），或每次连接都崩溃。这是限速或故障的证据，而非功能缺失。",
      "查看测试时的 MTA 日志以找出原因（Postfix：`warning: ... too many connections`、`fatal:` 行）；稍后或换个地址再试。",
    ],
  ),
  "smtp.banner.invalid": m(
    [
      "{address}:{port} did not answer with an SMTP banner ({kind}): {message}",
      "The service on this port is not an SMTP server, or it is broken: it sent {sample}. Mail senders treat this as a failed connection.",
      "Check what really listens here (`ss -ltnp 'sport = :{port}'`); make sure port {port} is served by the MTA, not by another program or a misconfigured proxy.",
    ],
    [
      "{address}:{port} 的应答不是 SMTP 问候（{kind}）：{message}",
      "该端口上的服务不是 SMTP 服务器，或者已损坏：它发送了 {sample}。发信方会将其视为连接失败。",
      "检查实际在此监听的程序（`ss -ltnp 'sport = :{port}'`）；确保 {port} 端口由 MTA 提供，而不是其他程序或配置错误的代理。",
    ],
  ),
  "smtp.banner.busy": m(
    [
      "{address}:{port} answered 421 at connect: {text}",
      '421 means "service not available, closing": the server is overloaded or limits this client (too many connections, rate limits, postscreen). It is evidence of rate limiting, not of a missing feature; real senders will retry later.',
      "If this is not deliberate, check the MTA's connection limits and load. mxray backs off after a 421; run it again later.",
    ],
    [
      "{address}:{port} 在连接时返回 421：{text}",
      '421 表示"服务不可用，正在关闭"：服务器过载或在限制此客户端（连接数过多、限速、postscreen）。这是限速的证据，而非功能缺失；真实的发信方会稍后重试。',
      "若非有意为之，请检查 MTA 的连接上限与负载。mxray 在收到 421 后会退避；请稍后再运行。",
    ],
  ),
  "smtp.banner.refused": m(
    [
      "{address}:{port} refuses service at connect (554): {text}",
      "A 554 banner means the server will not talk to this client at all, often because the client address is on a blocklist or not allowed. If that is mxray's address, other findings for this server are unknown, not failures.",
      "If real senders get this too, the server rejects all mail: check the MTA's client restrictions. If only mxray's network is refused, test from another address.",
    ],
    [
      "{address}:{port} 在连接时拒绝服务（554）：{text}",
      "554 问候表示服务器完全不与此客户端通信，通常因为客户端地址在黑名单中或不被允许。若是 mxray 的地址被拒，该服务器的其他检查结果属于未知，而非失败。",
      "若真实发信方也遇到此情况，说明服务器拒收所有邮件：请检查 MTA 的客户端限制。若只有 mxray 所在网络被拒，请换一个地址测试。",
    ],
  ),
  "smtp.banner.unexpected": m(
    [
      "{address}:{port} greeted with an unexpected code: {text}",
      "RFC 5321 allows only 220 (ready) or 554 (refused) as a greeting (421 when closing). Senders will not go on.",
      "Check the MTA or the proxy in front of it; the greeting must be `220 host.name ESMTP`.",
    ],
    [
      "{address}:{port} 的问候代码异常：{text}",
      "RFC 5321 只允许 220（就绪）或 554（拒绝）作为问候（关闭时为 421）。发信方不会继续。",
      "检查 MTA 或其前端代理；问候应为 `220 host.name ESMTP`。",
    ],
  ),
  "smtp.banner.name.match": m(
    [
      "The banner names {bannerName}, which matches the MX name or the PTR ({ptr})",
      "The greeting, the MX name and the reverse DNS agree, as receivers and anti-spam checks expect.",
      "",
    ],
    [
      "问候语中的主机名 {bannerName} 与 MX 名称或 PTR（{ptr}）一致",
      "问候语、MX 名称与反向 DNS 一致，符合接收方和反垃圾检查的预期。",
      "",
    ],
  ),
  "smtp.banner.name.mismatch": m(
    [
      "The banner names {bannerName}, neither the host name {host} nor the PTR ({ptr})",
      "RFC 5321 §4.3.1 says the greeting gives the server's own name. A different name does not stop mail, but it confuses diagnosis and some anti-spam scoring compares banner, HELO and PTR names.",
      "Set the banner name to the host's FQDN (Postfix: myhostname, smtpd_banner = $myhostname ESMTP), and make the PTR of the address name it too.",
    ],
    [
      "问候语中的主机名为 {bannerName}，既不是主机名 {host}，也不是 PTR（{ptr}）",
      "RFC 5321 §4.3.1 规定问候语应给出服务器自己的名称。名称不一致不会阻止邮件，但会妨碍排查，一些反垃圾评分也会比较问候、HELO 与 PTR 名称。",
      "将问候语中的名称设为主机的 FQDN（Postfix：myhostname，smtpd_banner = $myhostname ESMTP），并让该地址的 PTR 也指向此名称。",
    ],
  ),
  "smtp.ehlo.capabilities": m(
    [
      "EHLO extensions: {capabilities}",
      "What the server announces after EHLO decides what senders may use: TLS, message size, 8-bit and UTF-8 mail, pipelining, delivery status notifications.",
      "",
    ],
    [
      "EHLO 扩展：{capabilities}",
      "服务器在 EHLO 后宣告的扩展决定了发信方可用的功能：TLS、邮件大小、8 位与 UTF-8 邮件、流水线、投递状态通知。",
      "",
    ],
  ),
  "smtp.ehlo.missing-extensions": m(
    [
      "The MX does not announce {missing}",
      "Modern MTAs offer these: PIPELINING (RFC 2920) saves round trips, 8BITMIME (RFC 6152) avoids re-encoding, ENHANCEDSTATUSCODES (RFC 2034) makes bounces readable, SMTPUTF8 (RFC 6531) accepts internationalised addresses. Without them mail still flows, slower or with more bounces for non-ASCII addresses.",
      "Enable them in the MTA (Postfix offers all four by default; check smtpd_discard_ehlo_keywords), or check that no proxy in front strips them.",
    ],
    [
      "该 MX 未宣告 {missing}",
      "现代 MTA 都提供这些扩展：PIPELINING（RFC 2920）减少往返，8BITMIME（RFC 6152）避免重新编码，ENHANCEDSTATUSCODES（RFC 2034）让退信更易读，SMTPUTF8（RFC 6531）接受国际化地址。缺少它们邮件仍可传递，但更慢，非 ASCII 地址的退信也更多。",
      "在 MTA 中启用它们（Postfix 默认提供全部四项；检查 smtpd_discard_ehlo_keywords），或确认前端代理没有删除它们。",
    ],
  ),
  "smtp.size.small": m(
    [
      "The server accepts messages only up to {mb} MB (SIZE {size})",
      "Messages with ordinary attachments (often 10–25 MB after encoding) are refused before they are sent, and their senders get bounces.",
      "Raise the limit (Postfix: message_size_limit, default 10240000; many providers accept 25–50 MB), together with the mailbox size limit.",
    ],
    [
      "服务器只接受不超过 {mb} MB 的邮件（SIZE {size}）",
      "带普通附件的邮件（编码后常为 10–25 MB）会在发送前被拒绝，发件人会收到退信。",
      "提高上限（Postfix：message_size_limit，默认 10240000；很多服务商接受 25–50 MB），并同时调整邮箱大小上限。",
    ],
  ),
  "smtp.ehlo.refused": m(
    [
      "EHLO was refused ({ehlo}); only HELO works",
      "Without EHLO there are no extensions: no STARTTLS (mail travels in clear), no SIZE, no 8BITMIME, no SMTPUTF8. Every modern MTA speaks ESMTP.",
      "Enable ESMTP in the MTA, or remove the proxy or filter that rejects EHLO (some old firewalls' SMTP 'fixup' does this).",
    ],
    [
      "EHLO 被拒绝（{ehlo}）；只有 HELO 可用",
      "没有 EHLO 就没有任何扩展：没有 STARTTLS（邮件以明文传输）、没有 SIZE、8BITMIME、SMTPUTF8。所有现代 MTA 都支持 ESMTP。",
      '在 MTA 中启用 ESMTP，或移除拒绝 EHLO 的代理或过滤器（某些旧防火墙的 SMTP "fixup" 功能会这样做）。',
    ],
  ),
  "smtp.helo.refused": m(
    [
      "Both EHLO and HELO were refused for the name {name}: {helo}",
      "The server accepted no greeting from mxray, so no mail transaction could be tested. It may reject address literals or names it cannot resolve.",
      "Run again with a resolvable FQDN for this machine: `--ehlo host.example.net`. If real senders are refused too, check the MTA's HELO restrictions.",
    ],
    [
      "EHLO 与 HELO（名称 {name}）均被拒绝：{helo}",
      "服务器不接受 mxray 的任何问候，因此无法测试邮件事务。它可能拒绝地址字面量或无法解析的名称。",
      "使用本机可解析的 FQDN 再次运行：`--ehlo host.example.net`。若真实发信方也被拒，请检查 MTA 的 HELO 限制。",
    ],
  ),
  "smtp.starttls.missing": m(
    [
      "Port {port} does not offer STARTTLS",
      "Without STARTTLS every message (and on submission ports every password) crosses the network in clear, readable and modifiable on the path. MTA-STS and DANE cannot protect this server, and large providers mark such mail as not encrypted.",
      "Enable TLS with a certificate for the MX name (Postfix: smtpd_tls_security_level = may, smtpd_tls_chain_files = /path/key.pem,/path/fullchain.pem), reload, and check with `openssl s_client -starttls smtp -connect {address}:{port}`.",
    ],
    [
      "{port} 端口不提供 STARTTLS",
      "没有 STARTTLS，每封邮件（在提交端口上还有每个密码）都以明文在网络上传输，途经之处都可读取和篡改。MTA-STS 和 DANE 无法保护该服务器，大型服务商会把这类邮件标记为未加密。",
      "使用与 MX 名称相符的证书启用 TLS（Postfix：smtpd_tls_security_level = may，smtpd_tls_chain_files = /path/key.pem,/path/fullchain.pem），重新加载后用 `openssl s_client -starttls smtp -connect {address}:{port}` 检查。",
    ],
  ),
  "smtp.starttls.refused": m(
    [
      "STARTTLS is announced but refused: {reply}",
      "The server offers TLS in EHLO and then refuses it, usually because its certificate or key cannot be loaded. Senders fall back to plaintext, or defer if they require TLS (MTA-STS, DANE).",
      "Look in the MTA log for the TLS error at startup or at this connection (Postfix: `warning: TLS library problem`, `cannot load certificate`) and fix the certificate/key paths and permissions.",
    ],
    [
      "STARTTLS 已宣告但被拒绝：{reply}",
      "服务器在 EHLO 中提供 TLS，随后却拒绝，通常是因为无法加载证书或私钥。发信方会退回明文，若要求 TLS（MTA-STS、DANE）则推迟投递。",
      "在 MTA 日志中查找启动时或本次连接的 TLS 错误（Postfix：`warning: TLS library problem`、`cannot load certificate`），并修正证书/私钥路径和权限。",
    ],
  ),
  "smtp.starttls.failed": m(
    [
      "The TLS handshake after STARTTLS failed: {error}",
      "The server agreed to start TLS but the handshake did not complete. Senders that require TLS defer; others may retry in plaintext or give up on this server.",
      "Test with `openssl s_client -starttls smtp -connect {address}:{port}` and read the MTA log for the TLS error (protocol or cipher mismatch, broken key, missing certificate).",
    ],
    [
      "STARTTLS 之后的 TLS 握手失败：{error}",
      "服务器同意开始 TLS，但握手未能完成。要求 TLS 的发信方会推迟投递；其他发信方可能以明文重试或放弃该服务器。",
      "用 `openssl s_client -starttls smtp -connect {address}:{port}` 测试，并查看 MTA 日志中的 TLS 错误（协议或加密套件不匹配、密钥损坏、缺少证书）。",
    ],
  ),
  "smtp.starttls.ok": m(
    [
      "STARTTLS works: {protocol}, {cipher} (certificate verified: {verified})",
      "Mail to this server can be encrypted in transit. The certificate and the TLS settings are judged by the TLS checks.",
      "",
    ],
    [
      "STARTTLS 正常：{protocol}，{cipher}（证书验证：{verified}）",
      "发往该服务器的邮件在传输中可以加密。证书与 TLS 设置由 TLS 检查评估。",
      "",
    ],
  ),
  "smtp.starttls.leftover": m(
    [
      'The server sent {bytes} bytes after "220 Ready to start TLS" and before the handshake',
      "RFC 3207 §5 forbids data between the 220 and the handshake. A server or middlebox that buffers plaintext across the switch is open to STARTTLS command injection (CVE-2011-0411 class): an attacker's plaintext commands are run inside the encrypted session.",
      "Update the MTA or remove the middlebox (SMTP 'inspection' on firewalls) that injects data; a correct server discards its input buffer at STARTTLS.",
    ],
    [
      '服务器在"220 Ready to start TLS"之后、握手之前发送了 {bytes} 字节',
      "RFC 3207 §5 禁止在 220 与握手之间传输数据。在切换时缓存明文的服务器或中间设备易受 STARTTLS 命令注入攻击（CVE-2011-0411 一类）：攻击者的明文命令会在加密会话中执行。",
      '升级 MTA，或移除注入数据的中间设备（防火墙的 SMTP "检查"功能）；正确的服务器在 STARTTLS 时会清空输入缓冲。',
    ],
  ),
  "smtp.starttls.ehlo-failed": m(
    [
      "EHLO after STARTTLS failed: {reply}",
      "RFC 3207 §4.2 requires the client to greet again inside TLS. If that fails, no mail can be sent over TLS.",
      "Check the MTA log for the error at this point (often a TLS-only restriction that misfires).",
    ],
    [
      "STARTTLS 之后的 EHLO 失败：{reply}",
      "RFC 3207 §4.2 要求客户端在 TLS 内重新问候。若失败，则无法通过 TLS 发送邮件。",
      "检查 MTA 日志中此时的错误（通常是仅限 TLS 的限制规则出错）。",
    ],
  ),
  "smtp.starttls.ehlo-changed": m(
    [
      "After STARTTLS the extensions changed: added {added}; removed {removed}",
      "Servers often offer AUTH only inside TLS (as they should) and stop offering STARTTLS. This shows what a client sees before and after encryption.",
      "",
    ],
    [
      "STARTTLS 之后扩展有变化：新增 {added}；移除 {removed}",
      "服务器常常只在 TLS 内提供 AUTH（理应如此），并不再提供 STARTTLS。此处显示客户端在加密前后看到的内容。",
      "",
    ],
  ),
  "smtp.auth.before-tls": m(
    [
      "AUTH ({mechanisms}) is offered on port {port} before STARTTLS",
      "Clients can authenticate before encrypting; a misconfigured or downgraded client then sends its password in clear. RFC 8314 asks submission servers to require TLS before AUTH.",
      "Offer AUTH only after TLS (Postfix: smtpd_tls_auth_only = yes; on 587: -o smtpd_tls_security_level=encrypt).",
    ],
    [
      "{port} 端口在 STARTTLS 之前就提供 AUTH（{mechanisms}）",
      "客户端可以在加密之前认证；配置错误或被降级的客户端会以明文发送密码。RFC 8314 要求提交服务器在 AUTH 之前强制 TLS。",
      "仅在 TLS 之后提供 AUTH（Postfix：smtpd_tls_auth_only = yes；587 端口：-o smtpd_tls_security_level=encrypt）。",
    ],
  ),
  "smtp.auth.plaintext-without-tls": m(
    [
      "Port {port} offers password authentication ({mechanisms}) with no TLS at all",
      "PLAIN and LOGIN send the password itself, base64-encoded. Without TLS anyone on the path reads every user's password.",
      "Enable TLS on this port and offer AUTH only after it (Postfix: smtpd_tls_auth_only = yes), or stop offering AUTH here and use port 465/587 with TLS.",
    ],
    [
      "{port} 端口在完全没有 TLS 的情况下提供密码认证（{mechanisms}）",
      "PLAIN 和 LOGIN 直接发送密码本身（仅作 base64 编码）。没有 TLS，途经路径上的任何人都能读取每个用户的密码。",
      "在该端口启用 TLS 并仅在其后提供 AUTH（Postfix：smtpd_tls_auth_only = yes），或在此停止提供 AUTH，改用带 TLS 的 465/587 端口。",
    ],
  ),
  "smtp.auth.without-tls": m(
    [
      "Port {port} offers AUTH ({mechanisms}) with no TLS",
      "Challenge-response mechanisms do not send the password in clear, but the session (and the mail) is still unencrypted and open to tampering.",
      "Enable TLS on this port and offer AUTH only after it.",
    ],
    [
      "{port} 端口在没有 TLS 的情况下提供 AUTH（{mechanisms}）",
      "挑战-应答机制不以明文发送密码，但会话（以及邮件）仍未加密，可能被篡改。",
      "在该端口启用 TLS，并仅在其后提供 AUTH。",
    ],
  ),
  "smtp.vrfy.enumeration": m(
    [
      "VRFY tells existing users from unknown ones: postmaster → {known}; {user} → {unknown}",
      "Anyone can list valid addresses with VRFY and then target them with spam, phishing or password guessing (RFC 5321 §7.3).",
      "Disable VRFY (Postfix: disable_vrfy_command = yes; Exim: no acl_smtp_vrfy accept; Sendmail: PrivacyOptions=goaway).",
    ],
    [
      "VRFY 能区分存在与不存在的用户：postmaster → {known}；{user} → {unknown}",
      "任何人都能用 VRFY 列出有效地址，再用垃圾邮件、钓鱼或密码猜测攻击它们（RFC 5321 §7.3）。",
      "禁用 VRFY（Postfix：disable_vrfy_command = yes；Exim：不要 accept acl_smtp_vrfy；Sendmail：PrivacyOptions=goaway）。",
    ],
  ),
  "smtp.vrfy.discloses": m(
    [
      "VRFY confirms addresses: postmaster → {known}",
      "A 250 answer to VRFY confirms that a mailbox exists, which helps harvesters build address lists (RFC 5321 §7.3).",
      "Disable VRFY (Postfix: disable_vrfy_command = yes) or make it answer 252 for every address.",
    ],
    [
      "VRFY 会确认地址：postmaster → {known}",
      "VRFY 返回 250 即确认邮箱存在，这会帮助地址收集者建立地址列表（RFC 5321 §7.3）。",
      "禁用 VRFY（Postfix：disable_vrfy_command = yes），或让它对所有地址都返回 252。",
    ],
  ),
  "smtp.vrfy.enabled": m(
    [
      "VRFY is enabled but does not confirm users: {known}",
      '252 means "cannot verify, will try to deliver": it discloses nothing about mailboxes here. Many administrators still turn VRFY off to give scanners nothing.',
      "Optional: disable VRFY (Postfix: disable_vrfy_command = yes).",
    ],
    [
      "VRFY 已启用，但不确认用户：{known}",
      '252 表示"无法验证，但会尝试投递"：此处不透露邮箱信息。许多管理员仍会关闭 VRFY，不给扫描器任何信息。',
      "可选：禁用 VRFY（Postfix：disable_vrfy_command = yes）。",
    ],
  ),
  "smtp.vrfy.disabled": m(
    ["VRFY does not disclose users: {known}", "Address harvesting through VRFY is not possible here.", ""],
    ["VRFY 不泄露用户信息：{known}", "此处无法通过 VRFY 收集地址。", ""],
  ),
  "smtp.expn.enabled": m(
    [
      "EXPN expands addresses: {reply}",
      "EXPN shows the members of mailing lists and aliases to anyone, disclosing internal addresses (RFC 5321 §7.3).",
      "Disable EXPN in the MTA (Sendmail: PrivacyOptions=noexpn; Exim: no acl_smtp_expn accept).",
    ],
    [
      "EXPN 会展开地址：{reply}",
      "EXPN 会向任何人显示邮件列表和别名的成员，泄露内部地址（RFC 5321 §7.3）。",
      "在 MTA 中禁用 EXPN（Sendmail：PrivacyOptions=noexpn；Exim：不要 accept acl_smtp_expn）。",
    ],
  ),
  "smtp.ratelimited": m(
    [
      "The server limited mxray during {phase}: {reply}",
      "A 421 reply means the server is closing the channel (overload, rate limits, too many errors). It is evidence of rate limiting, not of a missing feature: what was not asked after it is unknown.",
      "If this is not deliberate, check the MTA's rate and error limits (Postfix: smtpd_client_connection_rate_limit, smtpd_hard_error_limit). Run mxray again later.",
    ],
    [
      "服务器在 {phase} 阶段限制了 mxray：{reply}",
      "421 应答表示服务器正在关闭通道（过载、限速、错误过多）。这是限速的证据，而非功能缺失：此后未询问的内容属于未知。",
      "若非有意为之，请检查 MTA 的速率与错误上限（Postfix：smtpd_client_connection_rate_limit、smtpd_hard_error_limit）。稍后再运行 mxray。",
    ],
  ),
  "smtp.session.dropped": m(
    [
      "The server closed the connection during {phase}: {message}",
      "A server that hangs up mid-session is usually limiting this client or crashed. This is evidence of rate limiting or failure, not of a missing feature: later steps are unknown.",
      "Look at the MTA log at the time of the test for the reason; run mxray again later.",
    ],
    [
      "服务器在 {phase} 阶段关闭了连接：{message}",
      "会话中途挂断的服务器通常是在限制此客户端，或已崩溃。这是限速或故障的证据，而非功能缺失：之后的步骤属于未知。",
      "查看测试时的 MTA 日志以找出原因；稍后再运行 mxray。",
    ],
  ),
  "smtp.session.failed": m(
    [
      "The SMTP session failed during {phase} ({kind}): {message}",
      "The server stopped answering properly (no reply in time, an overlong line, or something that is not SMTP), so senders fail at this point too. Steps after it were not checked.",
      "Reproduce with `swaks --server {address}:{port} --quit-after RCPT` and look at the MTA log for what happened at this step.",
    ],
    [
      "SMTP 会话在 {phase} 阶段失败（{kind}）：{message}",
      "服务器不再正常应答（超时未回复、行过长，或不是 SMTP），发信方在此也会失败。之后的步骤未被检查。",
      "用 `swaks --server {address}:{port} --quit-after RCPT` 复现，并查看 MTA 日志中该步骤发生了什么。",
    ],
  ),
};

/** The open-relay test. */
const relay: Catalog = {
  "smtp.relay.open": m(
    [
      "OPEN RELAY: {address} accepted mail from {from} to the outside recipient {to} ({reply})",
      "The server agreed to relay mail from an outside sender to an outside domain for mxray's address ({local}). Spammers find such servers within hours; the address is then blocklisted and legitimate mail bounces. mxray stopped at RCPT and sent no message. If {local} is one of your own networks, the relay may be allowed only from there: test from outside to be sure.",
      "Only accept mail for your own domains from strangers: Postfix: smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination, with mynetworks limited to your own hosts; Exim: relay_from_hosts; Sendmail: no promiscuous_relay.",
    ],
    [
      "开放中继：{address} 接受了从 {from} 发往外部收件人 {to} 的邮件（{reply}）",
      "服务器同意为 mxray 的地址（{local}）把外部发件人的邮件中继到外部域。垃圾邮件发送者会在数小时内找到这类服务器；随后该地址会被列入黑名单，正常邮件也会被退回。mxray 在 RCPT 阶段停止，没有发送任何邮件。若 {local} 属于你自己的网络，可能只允许从那里中继：请从外部测试以确认。",
      "只为自己的域接收陌生人的邮件：Postfix：smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination，并把 mynetworks 限制为自己的主机；Exim：relay_from_hosts；Sendmail：不要使用 promiscuous_relay。",
    ],
  ),
  "smtp.relay.closed": m(
    [
      "Not an open relay: {tried} relay attempts refused ({reply})",
      "The server refused to relay to the outside recipient {recipient} for an outside sender, in every form mxray tried (plain, percent hack, quoted, source route, bang path). mxray never sent DATA.",
      "",
    ],
    [
      "不是开放中继：{tried} 次中继尝试均被拒绝（{reply}）",
      "服务器拒绝为外部发件人向外部收件人 {recipient} 中继，mxray 尝试的所有形式（普通、百分号技巧、引号、源路由、感叹号路径）均被拒绝。mxray 从未发送 DATA。",
      "",
    ],
  ),
  "smtp.relay.inconclusive.domain": m(
    [
      "Relay test inconclusive: the server refused the test recipient's domain ({reply})",
      "The server checks whether recipient domains exist, and the default test recipient {recipient} is under .invalid, which never exists. That proves nothing about relaying to real domains.",
      "Run again with a recipient in a domain you control that the server is not responsible for: `mxray smtp {address} --relay-test-rcpt you@your-other-domain.example`. mxray stops at RCPT, so nothing is delivered.",
    ],
    [
      "中继测试无定论：服务器拒绝了测试收件人的域（{reply}）",
      "服务器会检查收件人域是否存在，而默认测试收件人 {recipient} 位于永不存在的 .invalid 下。这无法说明它是否会向真实域中继。",
      "使用你能控制、且不由该服务器负责的域中的收件人再次运行：`mxray smtp {address} --relay-test-rcpt you@your-other-domain.example`。mxray 在 RCPT 阶段停止，不会投递任何内容。",
    ],
  ),
  "smtp.relay.inconclusive.sender": m(
    [
      "Relay test inconclusive: the server refused the test senders ({reply})",
      "Every recipient was refused because of the sender address, not because of relaying, so relaying itself was not tested.",
      "Run again from a host whose EHLO name and sender domain resolve (`--ehlo`), or check the relay restrictions by hand with swaks.",
    ],
    [
      "中继测试无定论：服务器拒绝了测试发件人（{reply}）",
      "所有收件人都因发件人地址而被拒，而不是因为中继，因此中继本身未被测试。",
      "从 EHLO 名称与发件人域可解析的主机再次运行（`--ehlo`），或用 swaks 手动检查中继限制。",
    ],
  ),
  "smtp.relay.inconclusive.temporary": m(
    [
      "Relay test inconclusive: only temporary refusals ({reply})",
      "4xx replies (greylisting, a temporary lookup failure) neither accept nor refuse relaying.",
      "Run mxray again in a few minutes; greylisting usually lets the second attempt through.",
    ],
    [
      "中继测试无定论：只有临时拒绝（{reply}）",
      "4xx 应答（灰名单、临时查询失败）既不表示接受也不表示拒绝中继。",
      "几分钟后再次运行 mxray；灰名单通常会放行第二次尝试。",
    ],
  ),
  "smtp.relay.incomplete": m(
    [
      "Relay test incomplete: stopped during {phase} ({reason})",
      "The server rate-limited or dropped the test session before it could tell. This is not evidence that the server relays, nor that it refuses.",
      "Run mxray again later, or test by hand with `swaks --server {address} --to {recipient} --quit-after RCPT`.",
    ],
    [
      "中继测试未完成：在 {phase} 阶段中止（{reason}）",
      "服务器在得出结论前对测试会话限速或断开。这既不能证明服务器会中继，也不能证明它会拒绝。",
      "稍后再次运行 mxray，或用 `swaks --server {address} --to {recipient} --quit-after RCPT` 手动测试。",
    ],
  ),
  "smtp.relay.untested": m(
    [
      "Relay test not possible: every test sender was refused ({reply})",
      "MAIL FROM was refused each time, so no recipient could be tried.",
      "Check why the server refuses the senders (its log says), or test by hand with swaks.",
    ],
    [
      "无法进行中继测试：所有测试发件人均被拒绝（{reply}）",
      "MAIL FROM 每次都被拒绝，因此无法尝试任何收件人。",
      "检查服务器拒绝发件人的原因（见其日志），或用 swaks 手动测试。",
    ],
  ),
};

interface MailboxNames {
  name: string;
  stls: string;
  plain: string;
  fixTls: string;
  fixLogin: string;
  zhFixTls: string;
  zhFixLogin: string;
}

/** IMAP and POP3 share their findings; only names and fixes differ. */
function mailbox(p: "imap" | "pop3", n: MailboxNames): Catalog {
  return {
    [`${p}.connect.failed`]: m(
      [
        `Could not connect to ${n.name} at {address}:{port}: {state} ({code})`,
        "No session was possible, so nothing else could be checked.",
        "Check that the server listens there and that firewalls let the port through.",
      ],
      [
        `无法连接 {address}:{port} 上的 ${n.name}：{state}（{code}）`,
        "无法建立会话，因此无法检查其他内容。",
        "确认服务器在此监听，且防火墙放行该端口。",
      ],
    ),
    [`${p}.tls.implicit.ok`]: m(
      [
        `Implicit TLS works on ${n.name} port {port}: {protocol}, {cipher} (certificate verified: {verified})`,
        "Passwords and mail never cross the network in clear on this port. The certificate is judged by the TLS checks.",
        "",
      ],
      [
        `${n.name} {port} 端口的隐式 TLS 正常：{protocol}，{cipher}（证书验证：{verified}）`,
        "在此端口上，密码与邮件绝不会以明文传输。证书由 TLS 检查评估。",
        "",
      ],
    ),
    [`${p}.tls.implicit.failed`]: m(
      [
        `The TLS handshake on ${n.name} port {port} failed: {error}`,
        "Clients connect to this port with TLS from the first byte; the handshake failed, so no client can log in here.",
        `${n.fixTls} Test with \`openssl s_client -connect {address}:{port}\`.`,
      ],
      [
        `${n.name} {port} 端口的 TLS 握手失败：{error}`,
        "客户端从第一个字节起就以 TLS 连接此端口；握手失败意味着任何客户端都无法在此登录。",
        `${n.zhFixTls} 用 \`openssl s_client -connect {address}:{port}\` 测试。`,
      ],
    ),
    [`${p}.greeting.ok`]: m(
      [`${n.name} greeting after {ms} ms: {text}`, "The server is up and answers.", ""],
      [`{ms} 毫秒后收到 ${n.name} 问候：{text}`, "服务器运行正常并有应答。", ""],
    ),
    [`${p}.greeting.refused`]: m(
      [
        `The ${n.name} server refused the session: {text}`,
        "The server turned mxray away at once (overload, limits, or a block on this address); nothing else could be checked.",
        "Look at the server log for the reason; run again later.",
      ],
      [
        `${n.name} 服务器拒绝了会话：{text}`,
        "服务器立即拒绝了 mxray（过载、限制，或封禁了此地址）；无法检查其他内容。",
        "查看服务器日志中的原因；稍后再试。",
      ],
    ),
    [`${p}.greeting.failed`]: m(
      [
        `No valid ${n.name} greeting ({kind}): {message}`,
        `The service on this port did not greet like a ${n.name} server (timeout, closed connection, overlong line or garbage: {sample}); clients fail here too.`,
        "Check what listens on this port and the server's log.",
      ],
      [
        `没有有效的 ${n.name} 问候（{kind}）：{message}`,
        `该端口上的服务没有像 ${n.name} 服务器那样问候（超时、连接关闭、行过长或乱码：{sample}）；客户端在此同样会失败。`,
        "检查在此端口监听的程序以及服务器日志。",
      ],
    ),
    [`${p}.starttls.missing`]: m(
      [
        `${n.name} on port {port} does not offer ${n.stls}`,
        "Without it, clients on this port can only log in and read mail in clear.",
        `${n.fixTls} Or close this port and offer only the implicit-TLS one (RFC 8314).`,
      ],
      [
        `{port} 端口上的 ${n.name} 不提供 ${n.stls}`,
        "没有它，此端口上的客户端只能以明文登录和读取邮件。",
        `${n.zhFixTls} 或者关闭此端口，只提供隐式 TLS 端口（RFC 8314）。`,
      ],
    ),
    [`${p}.starttls.refused`]: m(
      [
        `${n.stls} is offered but refused: {text}`,
        "The server announces TLS and then refuses it, usually because the certificate or key cannot be loaded.",
        "Read the server log for the TLS error and fix the certificate and key settings.",
      ],
      [
        `${n.stls} 已提供但被拒绝：{text}`,
        "服务器宣告支持 TLS 却又拒绝，通常是因为无法加载证书或私钥。",
        "查看服务器日志中的 TLS 错误，并修正证书与私钥设置。",
      ],
    ),
    [`${p}.starttls.failed`]: m(
      [
        `The TLS handshake after ${n.stls} failed: {error}`,
        "Clients that insist on TLS cannot connect; others may fall back to plaintext.",
        "Test with `openssl s_client` and read the server log for the TLS error.",
      ],
      [
        `${n.stls} 之后的 TLS 握手失败：{error}`,
        "坚持使用 TLS 的客户端无法连接；其他客户端可能退回明文。",
        "用 `openssl s_client` 测试，并查看服务器日志中的 TLS 错误。",
      ],
    ),
    [`${p}.starttls.ok`]: m(
      [
        `${n.stls} works: {protocol}, {cipher} (certificate verified: {verified})`,
        "Clients can encrypt the session before logging in.",
        "",
      ],
      [`${n.stls} 正常：{protocol}，{cipher}（证书验证：{verified}）`, "客户端可在登录前加密会话。", ""],
    ),
    [`${p}.starttls.leftover`]: m(
      [
        `The server sent {bytes} bytes after accepting ${n.stls} and before the handshake`,
        "Data across the switch to TLS is the sign of STARTTLS command injection (CVE-2011-0411 class).",
        "Update the server or remove the middlebox that injects data.",
      ],
      [
        `服务器在接受 ${n.stls} 之后、握手之前发送了 {bytes} 字节`,
        "在切换到 TLS 时传输数据是 STARTTLS 命令注入（CVE-2011-0411 一类）的迹象。",
        "升级服务器，或移除注入数据的中间设备。",
      ],
    ),
    [`${p}.login.plaintext`]: m(
      [
        `${n.name} on port {port} allows a password login before TLS (${n.plain})`,
        "A client that does not insist on TLS (or an attacker stripping the STARTTLS offer) sends the user's password in clear. Capabilities: {capabilities}.",
        n.fixLogin,
      ],
      [
        `{port} 端口上的 ${n.name} 允许在 TLS 之前用密码登录（${n.plain}）`,
        "不坚持使用 TLS 的客户端（或剥离了 STARTTLS 宣告的攻击者）会以明文发送用户密码。能力列表：{capabilities}。",
        n.zhFixLogin,
      ],
    ),
    [`${p}.login.tls-only`]: m(
      [
        `${n.name} on port {port} refuses password logins before TLS`,
        "Passwords can only be sent inside TLS here.",
        "",
      ],
      [`{port} 端口上的 ${n.name} 在 TLS 之前拒绝密码登录`, "此处密码只能在 TLS 内发送。", ""],
    ),
    [`${p}.session.dropped`]: m(
      [
        `The ${n.name} server closed the connection during {phase}: {message}`,
        "A server that hangs up mid-session is usually limiting this client; later steps are unknown, not missing.",
        "Run again later and check the server log.",
      ],
      [
        `${n.name} 服务器在 {phase} 阶段关闭了连接：{message}`,
        "会话中途挂断的服务器通常是在限制此客户端；之后的步骤属于未知，而非缺失。",
        "稍后再试，并检查服务器日志。",
      ],
    ),
    [`${p}.session.failed`]: m(
      [
        `The ${n.name} session failed during {phase} ({kind}): {message}`,
        "The server stopped answering properly at this step; clients fail here too.",
        "Reproduce by hand (`openssl s_client` or `curl -v`) and read the server log.",
      ],
      [
        `${n.name} 会话在 {phase} 阶段失败（{kind}）：{message}`,
        "服务器在此步骤不再正常应答；客户端在此同样会失败。",
        "手动复现（`openssl s_client` 或 `curl -v`）并查看服务器日志。",
      ],
    ),
  };
}

const imap = mailbox("imap", {
  name: "IMAP",
  stls: "STARTTLS",
  plain: "no LOGINDISABLED",
  fixTls: "Configure TLS in the IMAP server (Dovecot: ssl = yes, ssl_cert and ssl_key).",
  zhFixTls: "在 IMAP 服务器中配置 TLS（Dovecot：ssl = yes，ssl_cert 与 ssl_key）。",
  fixLogin:
    "Refuse plaintext logins before TLS (Dovecot: disable_plaintext_auth = yes, which announces LOGINDISABLED), or close port 143 and use 993 only.",
  zhFixLogin:
    "在 TLS 之前拒绝明文登录（Dovecot：disable_plaintext_auth = yes，会宣告 LOGINDISABLED），或关闭 143 端口，只使用 993。",
});

const pop3 = mailbox("pop3", {
  name: "POP3",
  stls: "STLS",
  plain: "USER or SASL PLAIN/LOGIN offered",
  fixTls: "Configure TLS in the POP3 server (Dovecot: ssl = yes, ssl_cert and ssl_key).",
  zhFixTls: "在 POP3 服务器中配置 TLS（Dovecot：ssl = yes，ssl_cert 与 ssl_key）。",
  fixLogin:
    "Refuse plaintext logins before TLS (Dovecot: disable_plaintext_auth = yes), or close port 110 and use 995 only.",
  zhFixLogin:
    "在 TLS 之前拒绝明文登录（Dovecot：disable_plaintext_auth = yes），或关闭 110 端口，只使用 995。",
});

/** Every finding of the servers area: ports, SMTP, the relay test, IMAP and POP3. */
export const serversMessages: Catalog = { ...ports, ...smtp, ...relay, ...imap, ...pop3 };
