import type { Catalog } from "../types.js";

/** Findings of the DNS-record areas: MX, reverse DNS, DNSSEC, DANE records, TLS-RPT, BIMI, DNSBL. */
export const dnsRecordsMessages: Catalog = {
  // ---- MX ----------------------------------------------------------------------------------
  "mx.present": {
    en: {
      summary: "{domain} has {count} MX host(s): {hosts}",
      why: "Senders deliver to these hosts in order of preference (lowest first).",
      fix: "",
    },
    "zh-CN": {
      summary: "{domain} 有 {count} 个 MX 主机：{hosts}",
      why: "发件方按优先级（数值小者优先）依次投递到这些主机。",
      fix: "",
    },
  },
  "mx.single": {
    en: {
      summary: "{domain} has a single MX host ({host})",
      why: "One MX is valid, and senders retry for days when it is down, so no mail is lost by that alone; a second MX (or an address record set with several servers) only helps if it can really deliver to the mailboxes.",
      fix: "Nothing is required. For redundancy add a second MX host that can accept and deliver the same mail, e.g. `@ MX 20 mx2.{domain}.`.",
    },
    "zh-CN": {
      summary: "{domain} 只有一个 MX 主机（{host}）",
      why: "只有一个 MX 是合法的；该主机宕机时发件方会重试数天，单凭这一点不会丢信。只有能真正投递到邮箱的第二台 MX 才能提高可用性。",
      fix: "不是必须修改。如需冗余，可增加一台能接收并投递同样邮件的备用 MX，例如 `@ MX 20 mx2.{domain}.`。",
    },
  },
  "mx.implicit": {
    en: {
      summary:
        "{domain} has no MX record; mail goes to its own address ({addresses}) by the implicit MX rule",
      why: "RFC 5321 §5.1 lets senders fall back to the domain's A/AAAA records when there is no MX, but this is a legacy rule: some senders and spam filters treat a domain without MX as unable to receive mail, and the web server at that address may not accept mail at all.",
      fix: "Publish an explicit MX record for the host that receives mail, e.g. `{domain}. MX 10 mail.{domain}.`; if the domain must not receive mail, publish a null MX (`MX 0 .`) instead.",
    },
    "zh-CN": {
      summary: "{domain} 没有 MX 记录；按隐式 MX 规则，邮件将投递到该域名自身的地址（{addresses}）",
      why: "RFC 5321 §5.1 允许在没有 MX 时回退到域名的 A/AAAA 记录，但这是遗留规则：部分发件方和反垃圾过滤器会把没有 MX 的域名视为不能收信，而该地址上的 Web 服务器也可能根本不接收邮件。",
      fix: "为实际收信的主机发布明确的 MX 记录，例如 `{domain}. MX 10 mail.{domain}.`；如果该域名不应收信，请改为发布空 MX（`MX 0 .`）。",
    },
  },
  "mx.none": {
    en: {
      summary: "{domain} cannot receive mail: it has no MX record and no A/AAAA address",
      why: "Without MX and without an address record there is nowhere to deliver (RFC 5321 §5.1): senders bounce mail to this domain.",
      fix: "Publish an MX record pointing to your mail server, e.g. `{domain}. MX 10 mail.{domain}.` with an A record for that host. If the domain should not receive mail, say so explicitly with a null MX: `{domain}. MX 0 .`.",
    },
    "zh-CN": {
      summary: "{domain} 无法收信：既没有 MX 记录，也没有 A/AAAA 地址",
      why: "既无 MX 又无地址记录时，邮件无处可投（RFC 5321 §5.1），发往该域名的邮件会被退回。",
      fix: "发布指向邮件服务器的 MX 记录，例如 `{domain}. MX 10 mail.{domain}.`，并为该主机添加 A 记录。若该域名不应收信，请用空 MX 明确声明：`{domain}. MX 0 .`。",
    },
  },
  "mx.domain.nxdomain": {
    en: {
      summary: "The domain {domain} does not exist (NXDOMAIN)",
      why: "The DNS says the name does not exist at all, so no mail can be delivered to it and its senders fail every DNS-based check.",
      fix: "Check the spelling of the domain. If it is yours, check its registration and delegation (NS records at the parent zone).",
    },
    "zh-CN": {
      summary: "域名 {domain} 不存在（NXDOMAIN）",
      why: "DNS 表明该名称根本不存在，因此无法向其投递邮件，使用该域名的发件方也无法通过任何基于 DNS 的检查。",
      fix: "请检查域名拼写。若是您的域名，请检查注册状态和委派（上级区域中的 NS 记录）。",
    },
  },
  "mx.null": {
    en: {
      summary: "{domain} publishes a null MX (MX 0 .): it accepts no mail",
      why: "RFC 7505 null MX tells senders at once that the domain never receives mail, so they bounce immediately instead of retrying. This is right for domains that only send or are not used for mail.",
      fix: "Nothing to do if the domain should not receive mail. If it should, replace the null MX with real MX records.",
    },
    "zh-CN": {
      summary: "{domain} 发布了空 MX（MX 0 .）：不接收任何邮件",
      why: "RFC 7505 空 MX 告诉发件方该域名从不收信，发件方会立即退信而不是反复重试。适用于只发信或不用于邮件的域名。",
      fix: "如果该域名确实不应收信，无需处理；如果应当收信，请用真实的 MX 记录替换空 MX。",
    },
  },
  "mx.null.malformed": {
    en: {
      summary: "The null MX of {domain} is not in the standard form (preferences: {preferences})",
      why: 'RFC 7505 §3 defines the null MX as a single MX record with preference 0 and target "."; other forms may not be recognised as "no mail" by every sender.',
      fix: "Publish exactly one record: `{domain}. MX 0 .`.",
    },
    "zh-CN": {
      summary: "{domain} 的空 MX 不是标准形式（优先级：{preferences}）",
      why: 'RFC 7505 §3 规定空 MX 是唯一一条优先级为 0、目标为 "." 的 MX 记录；其他形式不一定被所有发件方识别为“不收信”。',
      fix: "只发布一条记录：`{domain}. MX 0 .`。",
    },
  },
  "mx.null.mixed": {
    en: {
      summary: "{domain} mixes a null MX (MX 0 .) with {count} other MX record(s)",
      why: "RFC 7505 §3: a domain that advertises a null MX MUST NOT advertise any other MX. Senders may take the null MX and bounce every message, or ignore it; the behaviour is undefined.",
      fix: "Decide: if the domain receives mail, delete the `MX 0 .` record; if it does not, delete the other MX records.",
    },
    "zh-CN": {
      summary: "{domain} 同时发布了空 MX（MX 0 .）和 {count} 条其他 MX 记录",
      why: "RFC 7505 §3 规定：发布空 MX 的域名不得再发布其他 MX。发件方可能按空 MX 处理而退回全部邮件，也可能忽略它，行为不确定。",
      fix: "二选一：若该域名收信，删除 `MX 0 .` 记录；若不收信，删除其他 MX 记录。",
    },
  },
  "mx.duplicate": {
    en: {
      summary: "MX host {host} is listed more than once (preferences {preferences})",
      why: "The same host under several preferences adds nothing: senders try it once per attempt, and the duplicate only hides what the intended backup was.",
      fix: "Keep one MX record per host; if a backup was intended, point the second record at a different server.",
    },
    "zh-CN": {
      summary: "MX 主机 {host} 被列出多次（优先级 {preferences}）",
      why: "同一主机以不同优先级重复出现没有任何作用：发件方每次尝试只会连接一次，重复记录反而掩盖了原本想要的备用服务器。",
      fix: "每台主机只保留一条 MX 记录；如果本意是设置备用 MX，请让第二条记录指向另一台服务器。",
    },
  },
  "mx.hosts.truncated": {
    en: {
      summary: "{domain} lists {count} MX hosts; only the first {checked} were examined",
      why: "mxray bounds its work against very large or hostile record sets. So many MX hosts is unusual and slows every sender.",
      fix: "Reduce the MX set to the servers that really receive mail.",
    },
    "zh-CN": {
      summary: "{domain} 列出了 {count} 个 MX 主机，只检查了前 {checked} 个",
      why: "mxray 对过大或恶意的记录集限制工作量。如此多的 MX 主机并不常见，并会拖慢每个发件方。",
      fix: "把 MX 记录精简为真正收信的服务器。",
    },
  },
  "mx.hosts.same-address": {
    en: {
      summary: "All MX hosts of {domain} ({hosts}) point to the same address: {addresses}",
      why: "The MX set looks redundant but is one server: when it is down, no backup takes the mail (senders will still queue and retry for days).",
      fix: "Nothing is required. If redundancy was the goal, give the backup MX its own server, ideally in another network.",
    },
    "zh-CN": {
      summary: "{domain} 的所有 MX 主机（{hosts}）都指向同一地址：{addresses}",
      why: "这组 MX 看似有冗余，实际上只有一台服务器：它宕机时没有备用服务器接收邮件（发件方仍会排队并重试数天）。",
      fix: "不是必须修改。如果目的是冗余，请让备用 MX 使用独立的服务器，最好位于另一个网络中。",
    },
  },
  "mx.target.cname": {
    en: {
      summary: "MX target {host} is a CNAME ({chain})",
      why: "RFC 2181 §10.3 forbids an MX pointing to an alias, and RFC 5321 §5.1 leaves senders free to reject it. Many MTAs follow it anyway, but some fail, and DANE and MTA-STS name matching get harder.",
      fix: "Point the MX record at the canonical host name (the end of the chain) and keep the alias for other uses.",
    },
    "zh-CN": {
      summary: "MX 目标 {host} 是一个 CNAME（{chain}）",
      why: "RFC 2181 §10.3 禁止 MX 指向别名，RFC 5321 §5.1 也允许发件方拒绝这种配置。许多 MTA 仍会跟随别名，但有些会失败，DANE 与 MTA-STS 的名称匹配也会更复杂。",
      fix: "让 MX 记录直接指向规范主机名（别名链的终点），别名留作其他用途。",
    },
  },
  "mx.target.address-literal": {
    en: {
      summary: "MX target {host} is an IP address written as a name",
      why: "An MX target must be a host name (RFC 7505 §3, RFC 5321 §5.1), never an address. A name like 192.0.2.1.example.com usually comes from writing the address without a trailing dot in a zone file; senders then look up a name that should not exist.",
      fix: "Create a host name with an A/AAAA record for the server (e.g. `mail IN A 192.0.2.1`) and point the MX at it: `MX 10 mail.example.com.`.",
    },
    "zh-CN": {
      summary: "MX 目标 {host} 是写成名称形式的 IP 地址",
      why: "MX 目标必须是主机名（RFC 7505 §3、RFC 5321 §5.1），不能是地址。形如 192.0.2.1.example.com 的名称通常是因为在区域文件中写地址时漏掉了末尾的点，发件方会去查询一个本不该存在的名称。",
      fix: "为服务器建立一个带 A/AAAA 记录的主机名（例如 `mail IN A 192.0.2.1`），并让 MX 指向它：`MX 10 mail.example.com.`。",
    },
  },
  "mx.target.no-address": {
    en: {
      summary: "MX target {host} has no A or AAAA record",
      why: "Senders cannot connect to a host without an address; they skip it, and if no MX host has one, mail to the domain bounces or stays queued.",
      fix: "Add an A (and AAAA, if the server has IPv6) record for {host}, or point the MX at a host that has one.",
    },
    "zh-CN": {
      summary: "MX 目标 {host} 没有 A 或 AAAA 记录",
      why: "发件方无法连接没有地址的主机，只能跳过它；若所有 MX 主机都没有地址，发往该域名的邮件会被退回或滞留队列。",
      fix: "为 {host} 添加 A 记录（服务器有 IPv6 时再加 AAAA），或让 MX 指向有地址的主机。",
    },
  },
  "mx.unreachable": {
    en: {
      summary: "No MX host of {domain} has an address: the domain cannot receive mail",
      why: "Every MX target lacks A/AAAA records, so senders have nowhere to connect; mail to the domain will bounce after the retry period.",
      fix: "Give the MX hosts A/AAAA records, or point the MX records at hosts that have them.",
    },
    "zh-CN": {
      summary: "{domain} 的所有 MX 主机都没有地址：该域名无法收信",
      why: "每个 MX 目标都缺少 A/AAAA 记录，发件方无处可连，邮件将在重试期满后被退回。",
      fix: "为 MX 主机添加 A/AAAA 记录，或让 MX 记录指向有地址的主机。",
    },
  },
  "mx.address.not-public": {
    en: {
      summary: "MX host {host} resolves to {address}, a non-public address ({range})",
      why: "Senders on the Internet cannot reach private, loopback, link-local or reserved addresses; they fail or, worse, connect to a machine in their own network. Split-horizon DNS that leaks internal addresses shows up this way too.",
      fix: "Publish the server's public address in the public zone (the address the MX host is reachable at from outside), and keep internal addresses in the internal view only.",
    },
    "zh-CN": {
      summary: "MX 主机 {host} 解析到 {address}，这是非公网地址（{range}）",
      why: "互联网上的发件方无法访问私有、环回、链路本地或保留地址，投递会失败，甚至会连到发件方自己网络中的机器。内外网分离 DNS 泄露内部地址时也会出现这种情况。",
      fix: "在公网区域中发布服务器的公网地址（从外部可访问 MX 主机的地址），内部地址只保留在内部视图中。",
    },
  },

  // ---- reverse DNS ------------------------------------------------------------------------
  "ptr.confirmed": {
    en: {
      summary: "{address} has a forward-confirmed PTR: {name}",
      why: "The PTR name resolves back to the same address (FCrDNS), which receivers check on connecting servers.",
      fix: "",
    },
    "zh-CN": {
      summary: "{address} 的 PTR 经正向确认：{name}",
      why: "PTR 名称能解析回同一地址（FCrDNS），收件方会对连接进来的服务器做这项检查。",
      fix: "",
    },
  },
  "ptr.missing": {
    en: {
      summary: "{address} (MX {hosts}) has no PTR record",
      why: "An MX host usually also sends mail, and many receivers (Gmail, Outlook, most spam filters) reject or penalise senders whose address has no reverse DNS.",
      fix: "Ask whoever controls the address block (your hosting or ISP) to set the PTR of {address} to the server's host name, and make sure that name resolves back to {address}.",
    },
    "zh-CN": {
      summary: "{address}（MX {hosts}）没有 PTR 记录",
      why: "MX 主机通常也负责发信，而许多收件方（Gmail、Outlook 以及大多数反垃圾过滤器）会拒收或降低没有反向解析的发件地址的信誉。",
      fix: "请地址段的管理者（主机商或 ISP）把 {address} 的 PTR 设置为服务器主机名，并确认该主机名能解析回 {address}。",
    },
  },
  "ptr.multiple": {
    en: {
      summary: "{address} has several PTR records: {names}",
      why: "Receivers usually look at one PTR only, chosen at random; several names make FCrDNS and HELO checks unpredictable (RFC 1912 §2.1 advises one).",
      fix: "Keep a single PTR naming the mail server, the same name it uses in HELO/EHLO.",
    },
    "zh-CN": {
      summary: "{address} 有多条 PTR 记录：{names}",
      why: "收件方通常只随机取一条 PTR，多个名称会让 FCrDNS 和 HELO 检查结果不可预测（RFC 1912 §2.1 建议只设一条）。",
      fix: "只保留一条指向邮件服务器的 PTR，并与其 HELO/EHLO 使用的名称一致。",
    },
  },
  "ptr.not-confirmed": {
    en: {
      summary: "PTR of {address} ({names}) does not resolve back to it (found: {found})",
      why: "Forward-confirmed reverse DNS fails: the PTR name does not have {address} among its addresses. Receivers treat such a sender like one without reverse DNS.",
      fix: "Either add {address} to the A/AAAA records of the PTR name, or change the PTR to a name that resolves to {address}.",
    },
    "zh-CN": {
      summary: "{address} 的 PTR（{names}）不能解析回该地址（实际解析为：{found}）",
      why: "正向确认的反向解析（FCrDNS）失败：PTR 名称的地址中不包含 {address}。收件方会把这样的发件方视同没有反向解析。",
      fix: "在 PTR 名称的 A/AAAA 记录中加入 {address}，或把 PTR 改为能解析到 {address} 的名称。",
    },
  },
  "ptr.name.generic": {
    en: {
      summary: "PTR name of {address} looks generic: {name}",
      why: "Names that embed the address or words like dynamic, dsl or pool are what ISPs give to home and dynamic connections. Many receivers and blocklists (Spamhaus PBL-style policies, large mailbox providers) reject or penalise mail from such names.",
      fix: "Ask the owner of the address block to set the PTR of {address} to your mail server's own name (e.g. mail.example.com), the name it also uses in HELO/EHLO and that resolves back to {address}.",
    },
    "zh-CN": {
      summary: "{address} 的 PTR 名称看起来是通用名称：{name}",
      why: "包含 IP 地址或 dynamic、dsl、pool 等字样的名称，通常是 ISP 分配给家庭宽带和动态地址的。许多收件方和黑名单（如 Spamhaus PBL 类策略、大型邮箱服务商）会拒收或降低此类名称发出邮件的信誉。",
      fix: "请地址段的所有者把 {address} 的 PTR 设置为您邮件服务器自己的名称（例如 mail.example.com），该名称应与 HELO/EHLO 一致并能解析回 {address}。",
    },
  },
  "ptr.name.differs": {
    en: {
      summary: "PTR name of {address} is {name}, not the MX name ({hosts})",
      why: "This is fine when the PTR is forward-confirmed; it only matters if the server announces a HELO name that matches neither, which some receivers score.",
      fix: "Optionally make the PTR, the HELO/EHLO name and the MX name the same host name.",
    },
    "zh-CN": {
      summary: "{address} 的 PTR 名称是 {name}，而不是 MX 名称（{hosts}）",
      why: "只要 PTR 经过正向确认，这就没有问题；只有当服务器的 HELO 名称与两者都不一致时，部分收件方才会据此扣分。",
      fix: "可选：让 PTR、HELO/EHLO 名称和 MX 名称使用同一个主机名。",
    },
  },

  // ---- DNSSEC -----------------------------------------------------------------------------
  "dnssec.validated": {
    en: {
      summary: "Answers for {name} are DNSSEC-validated (zone {zone})",
      why: "The resolver {resolver} set the AD flag: it validated the signatures up to its trust anchor. This verdict depends on that resolver validating; a non-validating resolver never sets AD.",
      fix: "",
    },
    "zh-CN": {
      summary: "{name} 的应答已通过 DNSSEC 验证（区域 {zone}）",
      why: "解析器 {resolver} 设置了 AD 标志，表示它已沿信任锚验证了签名。此结论依赖于该解析器执行验证；不做验证的解析器永远不会设置 AD。",
      fix: "",
    },
  },
  "dnssec.unsigned": {
    en: {
      summary: "{name} is not protected by DNSSEC (zone {zone} has no DS and no DNSKEY)",
      why: "Without DNSSEC, MX, TLSA and address answers can be forged on the path, and DANE cannot be used for this domain's mail servers. Judged through resolver {resolver}: the absence of DS and DNSKEY is what it returned.",
      fix: "Enable DNSSEC signing at your DNS provider for {zone}, then publish the DS record at the registrar.",
    },
    "zh-CN": {
      summary: "{name} 未受 DNSSEC 保护（区域 {zone} 既无 DS 也无 DNSKEY）",
      why: "没有 DNSSEC，MX、TLSA 和地址应答可能在传输路径上被伪造，该域名的邮件服务器也无法使用 DANE。此结论基于解析器 {resolver} 返回的结果：它没有返回 DS 和 DNSKEY。",
      fix: "在 DNS 服务商处为 {zone} 启用 DNSSEC 签名，然后在注册商处发布 DS 记录。",
    },
  },
  "dnssec.not-validated": {
    en: {
      summary: "Zone {zone} is signed (DS and DNSKEY exist) but answers for {name} were not validated",
      why: "The resolver {resolver} did not set the AD flag. Most often the resolver simply does not validate, and then this says nothing about the zone; with a validating resolver it means the answers could not be proven secure.",
      fix: "Run the check again through a validating resolver (for example a local Unbound: --resolver 127.0.0.1). If it still shows no AD, check the zone with `delv {name}` or an online DNSSEC analyser.",
    },
    "zh-CN": {
      summary: "区域 {zone} 已签名（存在 DS 和 DNSKEY），但 {name} 的应答未经验证",
      why: "解析器 {resolver} 没有设置 AD 标志。最常见的原因是该解析器根本不做验证，此时这一结果不说明区域有问题；若解析器确实在验证，则说明这些应答无法被证明是安全的。",
      fix: "通过一个会做验证的解析器重新检查（例如本地 Unbound：--resolver 127.0.0.1）。若仍无 AD，请用 `delv {name}` 或在线 DNSSEC 分析工具检查该区域。",
    },
  },
  "dnssec.bogus": {
    en: {
      summary: "DNSSEC validation of {name} fails (zone {zone} is probably bogus)",
      why: "The parent publishes a DS for {zone}, yet the resolver {resolver} answers SERVFAIL for it: that is how a validating resolver reports signatures that do not match the DS (expired signatures, a key rollover gone wrong, a stale DS). Every validating resolver on the Internet then fails too, so mail to this domain is delayed or lost. The verdict assumes {resolver} validates.",
      fix: "Check the chain with `delv {name}` or an online DNSSEC analyser; make the DS at the registrar match the zone's current key-signing key, and re-sign the zone if signatures expired.",
    },
    "zh-CN": {
      summary: "{name} 的 DNSSEC 验证失败（区域 {zone} 很可能处于 bogus 状态）",
      why: "上级区域为 {zone} 发布了 DS，但解析器 {resolver} 对其返回 SERVFAIL：这正是验证型解析器在签名与 DS 不匹配（签名过期、密钥轮换出错、DS 过时）时的表现。互联网上所有验证型解析器也都会失败，发往该域名的邮件会被延迟或丢失。此结论以 {resolver} 执行验证为前提。",
      fix: "用 `delv {name}` 或在线 DNSSEC 分析工具检查信任链；使注册商处的 DS 与区域当前的 KSK 一致，若签名已过期请重新签名区域。",
    },
  },
  "dnssec.indeterminate": {
    en: {
      summary: "The DNSSEC status of {name} could not be determined ({status})",
      why: "A lookup failed and no DS in the parent shows whether the zone is signed, so mxray cannot tell a broken signature from a broken server. Judged through resolver {resolver}.",
      fix: "Check that the authoritative servers of {name} answer (dig +dnssec {name} SOA @server), then run again.",
    },
    "zh-CN": {
      summary: "无法确定 {name} 的 DNSSEC 状态（{status}）",
      why: "查询失败，且上级区域没有 DS 能说明该区域是否签名，因此 mxray 无法区分签名故障与服务器故障。此结论基于解析器 {resolver}。",
      fix: "确认 {name} 的权威服务器能正常应答（dig +dnssec {name} SOA @server），然后重新检查。",
    },
  },
  "dnssec.dnskey.missing": {
    en: {
      summary: "Zone {zone} has a DS in its parent but no DNSKEY",
      why: "Validating resolvers expect the zone to be signed with the key the DS names; finding no DNSKEY, they treat every answer from {zone} as bogus (SERVFAIL). Seen through resolver {resolver}, which apparently does not validate.",
      fix: "Either sign the zone again with the key the DS refers to, or remove the DS record at the registrar.",
    },
    "zh-CN": {
      summary: "区域 {zone} 在上级区域有 DS，但自身没有 DNSKEY",
      why: "验证型解析器要求该区域使用 DS 所指的密钥签名；找不到 DNSKEY 时，会把 {zone} 的所有应答视为 bogus（SERVFAIL）。此结果来自解析器 {resolver}，它看来没有执行验证。",
      fix: "用 DS 所指的密钥重新签名该区域，或在注册商处删除 DS 记录。",
    },
  },
  "dnssec.ds.missing": {
    en: {
      summary: "Zone {zone} is signed (DNSKEY) but its parent has no DS record",
      why: "Without a DS in the parent the chain of trust is broken: resolvers treat the zone as unsigned, so the signatures protect nothing and DANE cannot be used.",
      fix: "Publish the DS record of {zone}'s key-signing key at your registrar (your DNS provider shows it, or `keymgr`/`dnssec-dsfromkey` computes it).",
    },
    "zh-CN": {
      summary: "区域 {zone} 已签名（有 DNSKEY），但上级区域没有 DS 记录",
      why: "上级区域没有 DS，信任链就断了：解析器会把该区域当作未签名，签名起不到保护作用，也无法使用 DANE。",
      fix: "在注册商处发布 {zone} 的 KSK 对应的 DS 记录（DNS 服务商会提供，也可用 `keymgr`/`dnssec-dsfromkey` 计算）。",
    },
  },

  "dnssec.algorithm.weak": {
    en: {
      summary: "Zone {zone} is signed with an outdated algorithm: {algorithms}",
      why: "RFC 8624 §3.1 says zones must no longer be signed with these algorithms (SHA-1 and older). Validating resolvers that have dropped SHA-1 treat the zone as unsigned, so DNSSEC and DANE silently stop protecting it.",
      fix: "Roll the zone to ECDSAP256SHA256 (13) or ED25519 (15), or at least RSASHA256 (8), with an algorithm rollover (RFC 6781 §4.1.4), then replace the DS at the registrar.",
    },
    "zh-CN": {
      summary: "区域 {zone} 使用过时的签名算法：{algorithms}",
      why: "RFC 8624 §3.1 规定区域不应再使用这些算法（SHA-1 及更旧的算法）签名。已停用 SHA-1 的验证型解析器会把该区域当作未签名，DNSSEC 和 DANE 会在不知不觉中失去保护作用。",
      fix: "通过算法轮换（RFC 6781 §4.1.4）把区域改为 ECDSAP256SHA256（13）或 ED25519（15），至少也应是 RSASHA256（8），然后在注册商处更换 DS。",
    },
  },
  "dnssec.ds.digest-weak": {
    en: {
      summary: "The DS records of {zone} use only a deprecated digest: {digests}",
      why: "RFC 8624 §3.3: SHA-1 (and GOST) DS digests must not be used any more; resolvers that reject them see the delegation as insecure.",
      fix: "Publish a DS with digest type 2 (SHA-256) at the registrar, then remove the SHA-1 one.",
    },
    "zh-CN": {
      summary: "{zone} 的 DS 记录只使用了已弃用的摘要算法：{digests}",
      why: "RFC 8624 §3.3：不应再使用 SHA-1（以及 GOST）摘要的 DS；拒绝这类摘要的解析器会把该委派视为不安全。",
      fix: "在注册商处发布摘要类型为 2（SHA-256）的 DS，然后删除 SHA-1 的 DS。",
    },
  },

  // ---- DANE records -------------------------------------------------------------------------
  "dane.tlsa.present": {
    en: {
      summary: "{host} publishes {count} usable TLSA record(s) at {name}: {records}",
      why: "DANE-aware senders authenticate this server's certificate with these DNSSEC-signed records (RFC 7672).",
      fix: "",
    },
    "zh-CN": {
      summary: "{host} 在 {name} 发布了 {count} 条可用的 TLSA 记录：{records}",
      why: "支持 DANE 的发件方会用这些经 DNSSEC 签名的记录验证该服务器的证书（RFC 7672）。",
      fix: "",
    },
  },
  "dane.tlsa.none": {
    en: {
      summary: "No TLSA record for {host} ({name}): DANE is not used",
      why: "Without TLSA records, senders use opportunistic TLS that an active attacker can strip or intercept. DANE needs a DNSSEC-signed zone for the MX host.",
      fix: "If the MX host's zone is DNSSEC-signed, publish `_25._tcp.{host}. TLSA 3 1 1 <SHA-256 of the server's public key>` (and a second record for the next key before rolling it).",
    },
    "zh-CN": {
      summary: "{host} 没有 TLSA 记录（{name}）：未使用 DANE",
      why: "没有 TLSA 记录时，发件方只能使用机会性 TLS，主动攻击者可以剥离或拦截它。DANE 要求 MX 主机所在区域已签名 DNSSEC。",
      fix: "如果 MX 主机所在区域已启用 DNSSEC，请发布 `_25._tcp.{host}. TLSA 3 1 1 <服务器公钥的 SHA-256>`（换密钥前先为新密钥再发布一条）。",
    },
  },
  "dane.tlsa.invalid": {
    en: {
      summary: "Malformed TLSA record for {host}: {record} ({problems})",
      why: "RFC 6698 §2.1 fixes the usage (0-3), selector (0-1) and matching type (0-2) fields and the data length of each matching type (32 bytes for SHA-256, 64 for SHA-512). Senders treat a malformed record as unusable; if all are, DANE cannot authenticate the server.",
      fix: "Regenerate the record from the server's certificate, e.g. with `ldns-dane create {host} 25 3 1 1` or `openssl x509 -pubkey | openssl pkey -pubin -outform DER | sha256sum`.",
    },
    "zh-CN": {
      summary: "{host} 的 TLSA 记录格式错误：{record}（{problems}）",
      why: "RFC 6698 §2.1 规定了证书用途（0-3）、选择器（0-1）、匹配类型（0-2）的取值，以及各匹配类型的数据长度（SHA-256 为 32 字节，SHA-512 为 64 字节）。发件方会把格式错误的记录视为不可用；若全部不可用，DANE 就无法验证服务器。",
      fix: "根据服务器证书重新生成记录，例如 `ldns-dane create {host} 25 3 1 1`，或 `openssl x509 -pubkey | openssl pkey -pubin -outform DER | sha256sum`。",
    },
  },
  "dane.tlsa.usage-pkix": {
    en: {
      summary: "TLSA record {record} for {host} uses {usage}, which SMTP ignores",
      why: "RFC 7672 §3.1.3: SMTP clients treat PKIX-TA(0) and PKIX-EE(1) records as unusable, because there is no agreed set of public CAs for MTA-to-MTA mail.",
      fix: "Use DANE-EE(3) (`3 1 1`, the server's public key) or DANE-TA(2) (`2 1 1`, your issuing CA's key) instead.",
    },
    "zh-CN": {
      summary: "{host} 的 TLSA 记录 {record} 使用 {usage}，SMTP 会忽略它",
      why: "RFC 7672 §3.1.3 规定 SMTP 客户端将 PKIX-TA(0) 和 PKIX-EE(1) 记录视为不可用，因为 MTA 之间的邮件传输没有公认的公共 CA 集合。",
      fix: "改用 DANE-EE(3)（`3 1 1`，服务器公钥）或 DANE-TA(2)（`2 1 1`，签发 CA 的公钥）。",
    },
  },
  "dane.tlsa.unusable": {
    en: {
      summary: "None of the {count} TLSA record(s) of {host} is usable for SMTP",
      why: "RFC 7672 §2.2: when TLSA records exist but none is usable, DANE senders still insist on TLS but cannot authenticate the server, so DANE protects nothing.",
      fix: "Publish at least one well-formed DANE-EE(3) or DANE-TA(2) record matching the server's certificate.",
    },
    "zh-CN": {
      summary: "{host} 的 {count} 条 TLSA 记录没有一条可用于 SMTP",
      why: "RFC 7672 §2.2：存在 TLSA 记录但都不可用时，DANE 发件方仍会强制使用 TLS，却无法验证服务器，DANE 起不到保护作用。",
      fix: "至少发布一条格式正确、与服务器证书匹配的 DANE-EE(3) 或 DANE-TA(2) 记录。",
    },
  },
  "dane.tlsa.insecure": {
    en: {
      summary: "TLSA records of {host} are not DNSSEC-validated, so senders ignore them",
      why: "DANE works only with DNSSEC-authenticated TLSA records (RFC 6698 §4.1, RFC 7672 §2.2): an unsigned TLSA could be forged. The resolver {resolver} did not set AD; if it does not validate, run again through one that does.",
      fix: "Sign the zone of {host} with DNSSEC and publish its DS at the registrar; until then the TLSA records have no effect.",
    },
    "zh-CN": {
      summary: "{host} 的 TLSA 记录未经 DNSSEC 验证，发件方会忽略它们",
      why: "DANE 只认经 DNSSEC 验证的 TLSA 记录（RFC 6698 §4.1、RFC 7672 §2.2），未签名的 TLSA 可能被伪造。解析器 {resolver} 没有设置 AD；若它不做验证，请换用会验证的解析器重新检查。",
      fix: "为 {host} 所在区域启用 DNSSEC 并在注册商处发布 DS；在此之前，这些 TLSA 记录不起作用。",
    },
  },
  "dane.tlsa.lookup-failed": {
    en: {
      summary: "TLSA lookup for {host} failed ({status}): DANE senders will defer mail",
      why: "RFC 7672 §2.2: when the MX host's zone is signed and the TLSA query fails (as opposed to proving there is no record), DANE senders cannot tell an attack from an outage and defer delivery to this host.",
      fix: "Make the authoritative servers answer `{name} TLSA` correctly (NOERROR with data or a signed NODATA/NXDOMAIN); some old DNS servers and firewalls drop unknown record types.",
    },
    "zh-CN": {
      summary: "{host} 的 TLSA 查询失败（{status}）：DANE 发件方会推迟投递",
      why: "RFC 7672 §2.2：当 MX 主机所在区域已签名而 TLSA 查询失败（而不是证明记录不存在）时，DANE 发件方无法区分攻击与故障，会推迟向该主机投递。",
      fix: "确保权威服务器能正确应答 `{name} TLSA`（返回数据，或经签名的 NODATA/NXDOMAIN）；一些老旧 DNS 服务器和防火墙会丢弃未知类型的查询。",
    },
  },
  "dane.chain.insecure": {
    en: {
      summary: "TLSA records of {host} are signed, but these answers are not: {insecure}",
      why: "RFC 7672 §2.2.1-2.2.2: senders apply DANE only when the MX records and the MX host's address records are DNSSEC-secure too; otherwise an attacker could redirect mail to a host without TLSA.",
      fix: "Sign the zones that hold the MX records and the MX host's A/AAAA records, and publish their DS records.",
    },
    "zh-CN": {
      summary: "{host} 的 TLSA 记录已签名，但以下应答未签名：{insecure}",
      why: "RFC 7672 §2.2.1-2.2.2：只有当 MX 记录和 MX 主机的地址记录也经 DNSSEC 保护时，发件方才会启用 DANE；否则攻击者可以把邮件引向一个没有 TLSA 的主机。",
      fix: "为存放 MX 记录和 MX 主机 A/AAAA 记录的区域启用 DNSSEC，并发布对应的 DS 记录。",
    },
  },

  // ---- TLS-RPT ----------------------------------------------------------------------------
  "tlsrpt.ok": {
    en: {
      summary: "TLS-RPT is set up for {domain}; reports go to {rua}",
      why: "Senders report TLS and MTA-STS/DANE failures to these addresses daily (RFC 8460).",
      fix: "",
    },
    "zh-CN": {
      summary: "{domain} 已配置 TLS-RPT，报告发送至 {rua}",
      why: "发件方会每天把 TLS 及 MTA-STS/DANE 失败情况报告到这些地址（RFC 8460）。",
      fix: "",
    },
  },
  "tlsrpt.missing": {
    en: {
      summary: "{domain} has no TLS-RPT record",
      why: "Without `_smtp._tls` TXT, senders cannot tell you when TLS to your MX fails, so MTA-STS or DANE problems go unnoticed until mail is lost.",
      fix: 'Publish `_smtp._tls.{domain}. TXT "v=TLSRPTv1; rua=mailto:tlsrpt@{domain}"`.',
    },
    "zh-CN": {
      summary: "{domain} 没有 TLS-RPT 记录",
      why: "没有 `_smtp._tls` TXT 记录，发件方就无法在连接您的 MX 出现 TLS 故障时通知您，MTA-STS 或 DANE 的问题会一直被忽视，直到邮件丢失。",
      fix: '发布 `_smtp._tls.{domain}. TXT "v=TLSRPTv1; rua=mailto:tlsrpt@{domain}"`。',
    },
  },
  "tlsrpt.multiple": {
    en: {
      summary: "{domain} has {count} TLS-RPT records",
      why: "RFC 8460 §3: if there is not exactly one v=TLSRPTv1 record, senders MUST assume TLS-RPT is not implemented, so no reports are sent.",
      fix: "Merge them into one record; several destinations go into one rua= separated by commas.",
    },
    "zh-CN": {
      summary: "{domain} 有 {count} 条 TLS-RPT 记录",
      why: "RFC 8460 §3：若 v=TLSRPTv1 记录不是恰好一条，发件方必须视为未实现 TLS-RPT，因此不会发送任何报告。",
      fix: "合并为一条记录；多个接收地址写在同一个 rua= 中，用逗号分隔。",
    },
  },
  "tlsrpt.syntax": {
    en: {
      summary: "The TLS-RPT record of {domain} has a syntax error at: {text}",
      why: "RFC 8460 §3: the record must start with `v=TLSRPTv1;` followed by `name=value` fields separated by semicolons; senders discard records they cannot parse.",
      fix: "Rewrite it in the form `v=TLSRPTv1; rua=mailto:tlsrpt@{domain}`.",
    },
    "zh-CN": {
      summary: "{domain} 的 TLS-RPT 记录存在语法错误，位置：{text}",
      why: "RFC 8460 §3：记录必须以 `v=TLSRPTv1;` 开头，后接以分号分隔的 `name=value` 字段；发件方会丢弃无法解析的记录。",
      fix: "改写为 `v=TLSRPTv1; rua=mailto:tlsrpt@{domain}` 的形式。",
    },
  },
  "tlsrpt.rua.missing": {
    en: {
      summary: "The TLS-RPT record of {domain} has no rua= destination",
      why: "rua= is the only required field (RFC 8460 §3): without it senders have nowhere to send reports.",
      fix: "Add `rua=mailto:tlsrpt@{domain}` (or an https: URL that accepts reports).",
    },
    "zh-CN": {
      summary: "{domain} 的 TLS-RPT 记录没有 rua= 接收地址",
      why: "rua= 是唯一的必填字段（RFC 8460 §3），没有它发件方无处发送报告。",
      fix: "添加 `rua=mailto:tlsrpt@{domain}`（或一个可接收报告的 https: 地址）。",
    },
  },
  "tlsrpt.rua.scheme": {
    en: {
      summary: "TLS-RPT destination {text} of {domain} uses an unsupported scheme",
      why: "RFC 8460 §3 defines only mailto: and https: destinations; senders skip any other.",
      fix: "Use `mailto:address` or `https://host/path`.",
    },
    "zh-CN": {
      summary: "{domain} 的 TLS-RPT 接收地址 {text} 使用了不支持的协议",
      why: "RFC 8460 §3 只定义了 mailto: 和 https: 两种接收地址，其他地址会被发件方跳过。",
      fix: "使用 `mailto:地址` 或 `https://主机/路径`。",
    },
  },
  "tlsrpt.rua.invalid": {
    en: {
      summary: "TLS-RPT destination {text} of {domain} is not a valid URI",
      why: "A mailto: URI needs a mailbox (local@domain) and an https: URI a host; senders cannot deliver reports to a malformed one.",
      fix: "Correct the URI, e.g. `rua=mailto:tlsrpt@{domain}`.",
    },
    "zh-CN": {
      summary: "{domain} 的 TLS-RPT 接收地址 {text} 不是有效的 URI",
      why: "mailto: URI 需要邮箱地址（local@domain），https: URI 需要主机名；格式错误时发件方无法投递报告。",
      fix: "更正该 URI，例如 `rua=mailto:tlsrpt@{domain}`。",
    },
  },

  // ---- BIMI -------------------------------------------------------------------------------
  "bimi.ok": {
    en: {
      summary: "BIMI record of {domain}: logo {location}, mark certificate {authority}",
      why: "Mailbox providers that support BIMI can show this logo next to authenticated mail.",
      fix: "",
    },
    "zh-CN": {
      summary: "{domain} 的 BIMI 记录：标志 {location}，商标证书 {authority}",
      why: "支持 BIMI 的邮箱服务商可以在通过认证的邮件旁显示该标志。",
      fix: "",
    },
  },
  "bimi.missing": {
    en: {
      summary: "{domain} has no BIMI record",
      why: "BIMI is optional: it lets mailbox providers show your logo next to authenticated mail.",
      fix: 'Optional: once DMARC is at quarantine or reject, publish `default._bimi.{domain}. TXT "v=BIMI1; l=https://.../logo.svg; a=https://.../vmc.pem"`.',
    },
    "zh-CN": {
      summary: "{domain} 没有 BIMI 记录",
      why: "BIMI 是可选的：它让邮箱服务商在通过认证的邮件旁显示您的标志。",
      fix: '可选：在 DMARC 达到 quarantine 或 reject 后，发布 `default._bimi.{domain}. TXT "v=BIMI1; l=https://.../logo.svg; a=https://.../vmc.pem"`。',
    },
  },
  "bimi.declined": {
    en: {
      summary: "{domain} declines BIMI (empty l=)",
      why: "A declination record says the domain publishes no logo on purpose.",
      fix: "",
    },
    "zh-CN": {
      summary: "{domain} 声明不使用 BIMI（l= 为空）",
      why: "拒绝记录表示该域名有意不发布标志。",
      fix: "",
    },
  },
  "bimi.multiple": {
    en: {
      summary: "{domain} has {count} BIMI records",
      why: "With more than one v=BIMI1 record at the selector, receivers cannot choose and show no logo.",
      fix: "Keep exactly one BIMI record at `default._bimi.{domain}`.",
    },
    "zh-CN": {
      summary: "{domain} 有 {count} 条 BIMI 记录",
      why: "同一选择器下存在多条 v=BIMI1 记录时，收件方无法选择，将不显示任何标志。",
      fix: "在 `default._bimi.{domain}` 只保留一条 BIMI 记录。",
    },
  },
  "bimi.syntax": {
    en: {
      summary: "The BIMI record of {domain} is malformed at: {text}",
      why: "The record must start with `v=BIMI1` and continue with `tag=value` pairs separated by semicolons, each tag once; receivers ignore a record they cannot parse.",
      fix: "Rewrite it as `v=BIMI1; l=https://.../logo.svg; a=https://.../vmc.pem`.",
    },
    "zh-CN": {
      summary: "{domain} 的 BIMI 记录格式错误，位置：{text}",
      why: "记录必须以 `v=BIMI1` 开头，后接以分号分隔、每个只出现一次的 `tag=value`；收件方会忽略无法解析的记录。",
      fix: "改写为 `v=BIMI1; l=https://.../logo.svg; a=https://.../vmc.pem`。",
    },
  },
  "bimi.location.missing": {
    en: {
      summary: "The BIMI record of {domain} has no l= (logo location)",
      why: "l= is required: it says where the SVG logo is. An empty `l=` is only meaningful as a declination.",
      fix: "Add `l=https://<host>/logo.svg`, the HTTPS URL of an SVG Tiny Portable/Secure logo.",
    },
    "zh-CN": {
      summary: "{domain} 的 BIMI 记录缺少 l=（标志地址）",
      why: "l= 是必填项，指明 SVG 标志的位置；空的 `l=` 只表示拒绝使用 BIMI。",
      fix: "添加 `l=https://<主机>/logo.svg`，即 SVG Tiny Portable/Secure 格式标志的 HTTPS 地址。",
    },
  },
  "bimi.location.not-https": {
    en: {
      summary: "The BIMI logo {text} of {domain} is not served over HTTPS",
      why: "BIMI requires the logo location to be an https: URL; receivers do not fetch http: logos.",
      fix: "Serve the logo over HTTPS and update l= accordingly.",
    },
    "zh-CN": {
      summary: "{domain} 的 BIMI 标志 {text} 不是通过 HTTPS 提供的",
      why: "BIMI 要求标志地址必须是 https: URL，收件方不会获取 http: 标志。",
      fix: "通过 HTTPS 提供标志，并相应更新 l=。",
    },
  },
  "bimi.location.invalid": {
    en: {
      summary: "The BIMI logo location {text} of {domain} is not a valid URL",
      why: "Receivers cannot fetch a logo from a malformed URL.",
      fix: "Correct l= to a full URL such as `https://{domain}/bimi/logo.svg`.",
    },
    "zh-CN": {
      summary: "{domain} 的 BIMI 标志地址 {text} 不是有效的 URL",
      why: "收件方无法从格式错误的 URL 获取标志。",
      fix: "把 l= 改为完整的 URL，例如 `https://{domain}/bimi/logo.svg`。",
    },
  },
  "bimi.location.not-svg": {
    en: {
      summary: "The BIMI logo {text} of {domain} does not look like an SVG file",
      why: "BIMI logos must be SVG Tiny Portable/Secure; PNG, JPEG or full SVG files are rejected by receivers.",
      fix: "Convert the logo to SVG Tiny PS and publish it with a .svg URL.",
    },
    "zh-CN": {
      summary: "{domain} 的 BIMI 标志 {text} 看起来不是 SVG 文件",
      why: "BIMI 标志必须是 SVG Tiny Portable/Secure 格式，PNG、JPEG 或普通 SVG 会被收件方拒绝。",
      fix: "把标志转换为 SVG Tiny PS 格式，并以 .svg 地址发布。",
    },
  },
  "bimi.authority.missing": {
    en: {
      summary: "The BIMI record of {domain} has no mark certificate (a=)",
      why: "The largest mailbox providers (Gmail, Apple Mail) show a BIMI logo only when a Verified or Common Mark Certificate proves the right to use it.",
      fix: "Obtain a VMC or CMC from a certificate authority that issues them and add `a=https://<host>/vmc.pem`.",
    },
    "zh-CN": {
      summary: "{domain} 的 BIMI 记录没有商标证书（a=）",
      why: "主要的邮箱服务商（Gmail、Apple Mail）只有在 VMC 或 CMC 商标证书证明有权使用该标志时才会显示 BIMI 标志。",
      fix: "向签发 VMC/CMC 的证书机构申请证书，并添加 `a=https://<主机>/vmc.pem`。",
    },
  },
  "bimi.authority.not-https": {
    en: {
      summary: "The BIMI mark certificate {text} of {domain} is not served over HTTPS",
      why: "The a= location must be an https: URL; receivers do not fetch it otherwise.",
      fix: "Serve the PEM file over HTTPS and update a=.",
    },
    "zh-CN": {
      summary: "{domain} 的 BIMI 商标证书 {text} 不是通过 HTTPS 提供的",
      why: "a= 必须是 https: URL，否则收件方不会获取。",
      fix: "通过 HTTPS 提供该 PEM 文件，并更新 a=。",
    },
  },
  "bimi.authority.invalid": {
    en: {
      summary: "The BIMI mark certificate location {text} of {domain} is not a valid URL",
      why: "Receivers cannot fetch the certificate from a malformed URL, so the logo is not shown.",
      fix: "Correct a= to the full https: URL of the PEM file.",
    },
    "zh-CN": {
      summary: "{domain} 的 BIMI 商标证书地址 {text} 不是有效的 URL",
      why: "收件方无法从格式错误的 URL 获取证书，因此不会显示标志。",
      fix: "把 a= 改为 PEM 文件完整的 https: 地址。",
    },
  },
  "bimi.dmarc.missing": {
    en: {
      summary: "{domain} publishes BIMI but has no DMARC record",
      why: "BIMI requires a DMARC policy at enforcement (quarantine or reject); without DMARC no receiver shows the logo.",
      fix: 'Publish `_dmarc.{domain}. TXT "v=DMARC1; p=quarantine; rua=mailto:dmarc@{domain}"`, then move to p=reject once reports show all your mail passes.',
    },
    "zh-CN": {
      summary: "{domain} 发布了 BIMI，但没有 DMARC 记录",
      why: "BIMI 要求 DMARC 策略处于强制状态（quarantine 或 reject）；没有 DMARC，任何收件方都不会显示标志。",
      fix: '发布 `_dmarc.{domain}. TXT "v=DMARC1; p=quarantine; rua=mailto:dmarc@{domain}"`，待报告显示所有邮件均通过后再改为 p=reject。',
    },
  },
  "bimi.dmarc.not-enforced": {
    en: {
      summary: "BIMI for {domain} will not be shown: DMARC at {record} is p={p}, sp={sp}, pct={pct}",
      why: "BIMI requires DMARC enforcement: p=quarantine or p=reject (and sp, if set, not none) applied to 100% of mail. Receivers ignore the BIMI record otherwise.",
      fix: "Raise the DMARC policy to p=quarantine or p=reject with pct=100 (or no pct=) once DMARC reports show your legitimate mail passes.",
    },
    "zh-CN": {
      summary: "{domain} 的 BIMI 不会被显示：{record} 的 DMARC 为 p={p}、sp={sp}、pct={pct}",
      why: "BIMI 要求 DMARC 处于强制状态：p=quarantine 或 p=reject（如设置 sp，也不能为 none），并作用于 100% 的邮件；否则收件方会忽略 BIMI 记录。",
      fix: "在 DMARC 报告显示合法邮件均能通过后，把策略提升为 p=quarantine 或 p=reject，并设置 pct=100（或不写 pct=）。",
    },
  },

  // ---- DNSBL ------------------------------------------------------------------------------
  "dnsbl.clean": {
    en: {
      summary: "{address} is not listed in {count} blocklist(s): {zones}",
      why: "Every list answered NXDOMAIN for this address.",
      fix: "",
    },
    "zh-CN": {
      summary: "{address} 未被 {count} 个黑名单收录：{zones}",
      why: "每个黑名单都对该地址返回了 NXDOMAIN。",
      fix: "",
    },
  },
  "dnsbl.listed": {
    en: {
      summary: "{address} is listed in {zone} ({codes}): {reason}",
      why: "Receivers that use this list reject or junk mail sent from this address; if the MX host also sends mail, your outgoing mail suffers.",
      fix: "Find and fix the cause (compromised account, open relay, missing PTR, dynamic address), then request delisting through the list's lookup page (often named in the reason).",
    },
    "zh-CN": {
      summary: "{address} 被 {zone} 列入黑名单（{codes}）：{reason}",
      why: "使用该黑名单的收件方会拒收或将来自该地址的邮件归为垃圾邮件；若 MX 主机也负责发信，外发邮件会受影响。",
      fix: "先找出并解决原因（账号被盗、开放中继、缺少 PTR、动态地址等），再通过该黑名单的查询页面（原因中常会给出）申请移除。",
    },
  },
  "dnsbl.listed.unreliable": {
    en: {
      summary: "{address} appears in {zone} ({codes}), but that list lists everything",
      why: "The list fails its RFC 5782 self-test (it lists 127.0.0.1), so its answers mean nothing: it may be defunct or answering every query.",
      fix: "Stop using {zone} (remove it from --dnsbl and from your mail servers' configuration).",
    },
    "zh-CN": {
      summary: "{address} 出现在 {zone} 中（{codes}），但该黑名单会收录所有地址",
      why: "该黑名单未通过 RFC 5782 自检（它收录了 127.0.0.1），其应答毫无意义：它可能已停止维护，或对所有查询都返回命中。",
      fix: "停止使用 {zone}（从 --dnsbl 以及邮件服务器配置中删除）。",
    },
  },
  "dnsbl.refused": {
    en: {
      summary: "{zone} refused to answer for {address} ({codes})",
      why: 'The list answered with a code that means "query refused" (Spamhaus uses 127.255.255.x for queries through public resolvers or over the free limit): whether the address is listed is unknown.',
      fix: "Query through your own resolver (not a public one such as 8.8.8.8), or use the list's registered data feed.",
    },
    "zh-CN": {
      summary: "{zone} 拒绝回答 {address} 的查询（{codes}）",
      why: "该黑名单返回了表示“拒绝查询”的代码（Spamhaus 对经由公共解析器或超出免费额度的查询返回 127.255.255.x），因此无法得知该地址是否被收录。",
      fix: "通过自己的解析器查询（不要用 8.8.8.8 这类公共解析器），或使用该黑名单的注册数据服务。",
    },
  },
  "dnsbl.unexpected": {
    en: {
      summary: "{zone} gave an unexpected answer for {address}: {codes}",
      why: "DNSBL answers are addresses in 127.0.0.0/8 (RFC 5782 §2.1). Anything else usually means the list's domain has expired or been taken over and now answers everything.",
      fix: "Check that {zone} is still operated; remove it from your configuration if not.",
    },
    "zh-CN": {
      summary: "{zone} 对 {address} 返回了异常应答：{codes}",
      why: "DNSBL 的应答应是 127.0.0.0/8 内的地址（RFC 5782 §2.1）。其他地址通常说明该黑名单的域名已过期或被他人接管，正在对所有查询作答。",
      fix: "确认 {zone} 是否仍在运营；若已停止，请从配置中删除。",
    },
  },
  "dnsbl.lookup-failed": {
    en: {
      summary: "Could not check {address} in {zone}: {status}",
      why: 'The lookup failed, so whether the address is listed is unknown; this is not "not listed".',
      fix: "Run again; if it persists, the list or the resolver path to it is down.",
    },
    "zh-CN": {
      summary: "无法在 {zone} 中检查 {address}：{status}",
      why: "查询失败，因此无法得知该地址是否被收录；这不等于“未收录”。",
      fix: "请重试；若持续失败，说明该黑名单或到它的解析路径出现故障。",
    },
  },
  "dnsbl.zone.lists-everything": {
    en: {
      summary: "Blocklist {zone} lists 127.0.0.1, which no working list does",
      why: "RFC 5782 §5 requires every list to leave 127.0.0.1 unlisted; a list that lists it answers every query positively (often a defunct list), and would block all mail.",
      fix: "Remove {zone} from --dnsbl and from your mail servers' configuration.",
    },
    "zh-CN": {
      summary: "黑名单 {zone} 收录了 127.0.0.1，正常的黑名单不会这样",
      why: "RFC 5782 §5 要求所有黑名单都不得收录 127.0.0.1；收录它的黑名单会对任何查询返回命中（通常是已停运的黑名单），会拦截所有邮件。",
      fix: "从 --dnsbl 以及邮件服务器配置中删除 {zone}。",
    },
  },
  "dnsbl.zone.no-ipv6": {
    en: {
      summary: "Blocklist {zone} does not cover IPv6; IPv6 addresses were not judged there",
      why: 'The list does not list the IPv6 test entry ::FFFF:7F00:2 (RFC 5782 §5), so its NXDOMAIN for an IPv6 address does not mean "not listed".',
      fix: "Add a list that covers IPv6 (for example the IPv6-capable zone of your provider) if your MX hosts have IPv6 addresses.",
    },
    "zh-CN": {
      summary: "黑名单 {zone} 不覆盖 IPv6，未在其中评估 IPv6 地址",
      why: "该黑名单没有收录 IPv6 测试条目 ::FFFF:7F00:2（RFC 5782 §5），因此它对 IPv6 地址返回的 NXDOMAIN 并不代表“未收录”。",
      fix: "如果 MX 主机有 IPv6 地址，请另加一个覆盖 IPv6 的黑名单（例如服务商提供的支持 IPv6 的区域）。",
    },
  },
  "dnsbl.zone.test-missing": {
    en: {
      summary: "Blocklist {zone} does not list its test address 127.0.0.2",
      why: 'RFC 5782 §5 requires every list to list 127.0.0.2 so that users can test it; a list that does not is misconfigured, defunct or not a DNSBL, and its "not listed" answers mean nothing.',
      fix: "Check the zone name of the list (a typo gives NXDOMAIN for everything), or remove it.",
    },
    "zh-CN": {
      summary: "黑名单 {zone} 没有收录测试地址 127.0.0.2",
      why: "RFC 5782 §5 要求所有黑名单都收录 127.0.0.2 以便用户测试；不收录它的黑名单配置有误、已停运或根本不是 DNSBL，其“未收录”的结果没有意义。",
      fix: "检查黑名单的区域名称（拼错会对所有查询返回 NXDOMAIN），或将其删除。",
    },
  },
};
