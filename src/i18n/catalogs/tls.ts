import type { Catalog } from "../types.js";

/** TLS, certificates, DANE matching and MTA-STS enforcement findings. */
export const tlsMessages: Catalog = {
  "tls.handshake.ok": {
    en: {
      summary: "{endpoint}: TLS works ({version}, {cipher}, key exchange {kex})",
      why: "A TLS handshake completed with the parameters the server chose for a client that offers everything.",
      fix: "",
    },
    "zh-CN": {
      summary: "{endpoint}：TLS 正常（{version}，{cipher}，密钥交换 {kex}）",
      why: "对提供全部选项的客户端，服务器完成了 TLS 握手，以上为服务器选定的参数。",
      fix: "",
    },
  },
  "tls.starttls.trailing-data": {
    en: {
      summary: "{endpoint} sent {bytes} bytes after its STARTTLS go-ahead, before the TLS handshake",
      why: "Data sent in plaintext after the STARTTLS reply is the sign of a server that buffers commands across the TLS upgrade (the STARTTLS command-injection flaw, CVE-2011-0411 and its relatives): an attacker can inject commands that run inside the encrypted session.",
      fix: "Update the mail server software; a correct server discards any buffered plaintext when TLS starts.",
    },
    "zh-CN": {
      summary: "{endpoint} 在 STARTTLS 应答之后、TLS 握手之前又发送了 {bytes} 字节",
      why: "STARTTLS 应答后仍发送明文数据，说明服务器在升级 TLS 时未清空命令缓冲（STARTTLS 命令注入漏洞，CVE-2011-0411 一类）：攻击者可以注入在加密会话中执行的命令。",
      fix: "升级邮件服务器软件；正确的实现会在 TLS 开始时丢弃所有缓冲的明文。",
    },
  },
  "tls.endpoint.no-starttls": {
    en: {
      summary: "{endpoint} does not offer STARTTLS, so its TLS could not be tested",
      why: "Without STARTTLS every message to or from this server travels in plaintext and can be read or changed on the way.",
      fix: "Enable STARTTLS with a certificate for the server's name (Postfix: smtpd_tls_security_level = may, smtpd_tls_chain_files = key + certificate chain).",
    },
    "zh-CN": {
      summary: "{endpoint} 未提供 STARTTLS，无法测试其 TLS",
      why: "没有 STARTTLS，与该服务器往来的每封邮件都以明文传输，途中可被读取或篡改。",
      fix: "启用 STARTTLS，并配置与服务器名称相符的证书（Postfix：smtpd_tls_security_level = may，smtpd_tls_chain_files = 私钥 + 证书链）。",
    },
  },
  "tls.endpoint.preamble-failed": {
    en: {
      summary: "{endpoint}: the dialogue before TLS failed ({reason}: {detail})",
      why: "The server did not get as far as starting TLS, so no TLS parameter could be tested. A 421 or a dropped connection usually means rate limiting or a busy server rather than a missing feature.",
      fix: "Look at the transcript: a greeting other than 220, an error to STARTTLS, or a server that stopped answering. Retry later if the server was busy.",
    },
    "zh-CN": {
      summary: "{endpoint}：TLS 之前的会话失败（{reason}：{detail}）",
      why: "服务器未进行到启动 TLS 的阶段，因此无法测试任何 TLS 参数。421 或连接被断开通常表示限速或服务器繁忙，而不是缺少功能。",
      fix: "查看会话记录：问候码不是 220、STARTTLS 返回错误，或服务器不再应答。若服务器繁忙，请稍后重试。",
    },
  },
  "tls.handshake.failed": {
    en: {
      summary: "{endpoint}: the TLS handshake failed ({reason}: {detail})",
      why: "The server accepted STARTTLS (or listens for TLS) but no handshake completed with a client that offers every version and cipher suite. Senders then either fall back to plaintext or, with DANE or MTA-STS, defer the mail.",
      fix: "Check the server's TLS configuration and logs: certificate and key files readable and matching, protocol and cipher settings not empty, and that the port really speaks TLS.",
    },
    "zh-CN": {
      summary: "{endpoint}：TLS 握手失败（{reason}：{detail}）",
      why: "服务器接受了 STARTTLS（或在该端口监听 TLS），但即使客户端提供所有版本和密码套件，握手仍未完成。发件方会退回明文发送，或在启用 DANE、MTA-STS 时推迟投递。",
      fix: "检查服务器的 TLS 配置和日志：证书与私钥文件可读且相互匹配、协议和密码套件设置不为空，并确认该端口确实使用 TLS。",
    },
  },
  "tls.version.insufficient": {
    en: {
      summary: "{endpoint} accepts {versions}, rated insufficient",
      why: "SSLv3 is prohibited (RFC 7568, POODLE); TLS 1.0 and 1.1 are deprecated (RFC 8996) and rated insufficient by the NCSC guidelines: they rely on SHA-1 and CBC constructions with known attacks. On port 25 a sender that can only speak them still gets encryption, so this weighs less there than on the submission and mailbox ports.",
      fix: "Allow TLS 1.2 and 1.3 only (Postfix: smtpd_tls_protocols = >=TLSv1.2 and smtpd_tls_mandatory_protocols = >=TLSv1.2; Dovecot: ssl_min_protocol = TLSv1.2).",
    },
    "zh-CN": {
      summary: "{endpoint} 接受 {versions}，评级为“不足”",
      why: "SSLv3 已被禁止（RFC 7568，POODLE）；TLS 1.0 和 1.1 已被弃用（RFC 8996），NCSC 指南将其评为“不足”：它们依赖 SHA-1 和存在已知攻击的 CBC 结构。在 25 端口上，只支持这些版本的发件方仍能获得加密，因此其影响小于提交端口和邮箱端口。",
      fix: "只允许 TLS 1.2 和 1.3（Postfix：smtpd_tls_protocols = >=TLSv1.2 及 smtpd_tls_mandatory_protocols = >=TLSv1.2；Dovecot：ssl_min_protocol = TLSv1.2）。",
    },
  },
  "tls.version.no-tls13": {
    en: {
      summary: "{endpoint} does not support TLS 1.3",
      why: "TLS 1.2 is still sufficient, but TLS 1.3 is rated good: a faster handshake, only forward-secret key exchange and AEAD ciphers, and the certificate is encrypted.",
      fix: "Update OpenSSL (1.1.1 or later) and the server software; TLS 1.3 is then on by default unless the protocol settings exclude it.",
    },
    "zh-CN": {
      summary: "{endpoint} 不支持 TLS 1.3",
      why: "TLS 1.2 仍属“足够”，但 TLS 1.3 被评为“良好”：握手更快，只使用前向保密的密钥交换和 AEAD 密码，证书也被加密传输。",
      fix: "升级 OpenSSL（1.1.1 或更高）和服务器软件；只要协议设置未排除，TLS 1.3 默认即会启用。",
    },
  },
  "tls.version.ok": {
    en: {
      summary: "{endpoint} accepts {versions}",
      why: "Only versions rated good or sufficient by the NCSC guidelines are accepted.",
      fix: "",
    },
    "zh-CN": {
      summary: "{endpoint} 接受 {versions}",
      why: "只接受 NCSC 指南评为“良好”或“足够”的版本。",
      fix: "",
    },
  },
  "tls.scan.incomplete": {
    en: {
      summary: "{endpoint}: the TLS scan is incomplete (versions not determined: {versions}; {reason})",
      why: "Some handshakes timed out, were refused by rate limiting, or the scan reached its handshake or time limit; what was not seen is not judged.",
      fix: "Run `mxray tls` against this endpoint alone, with a longer --timeout, when the server is less busy.",
    },
    "zh-CN": {
      summary: "{endpoint}：TLS 扫描不完整（未能确定的版本：{versions}；{reason}）",
      why: "部分握手超时、因限速被拒，或扫描达到了握手次数或时间上限；未观察到的部分不作评估。",
      fix: "在服务器较空闲时，单独用 `mxray tls` 并加大 --timeout 重新扫描该端点。",
    },
  },
  "tls.cipher.insufficient": {
    en: {
      summary: "{endpoint} accepts {count} cipher suites rated insufficient: {ciphers}",
      why: "The NCSC table rates static RSA key exchange (no forward secrecy), SHA-1 CBC suites, anonymous (unauthenticated) suites, 3DES, RC4 and NULL as insufficient. On port 25 opportunistic TLS with any suite still beats plaintext, so there it is a warning; where clients log in it is an error.",
      fix: "Restrict the suites to ECDHE with AES-GCM or ChaCha20-Poly1305 (Postfix: smtpd_tls_ciphers = high, smtpd_tls_exclude_ciphers = aNULL, kRSA, SHA1, CBC; or tls_high_cipherlist set to the Mozilla intermediate list; Dovecot: ssl_cipher_list).",
    },
    "zh-CN": {
      summary: "{endpoint} 接受 {count} 个评级为“不足”的密码套件：{ciphers}",
      why: "NCSC 评级表将静态 RSA 密钥交换（无前向保密）、SHA-1 CBC 套件、匿名（无认证）套件、3DES、RC4 和 NULL 评为“不足”。在 25 端口上，机会性 TLS 使用任何套件都胜过明文，因此只作警告；在客户端登录的端口上则为错误。",
      fix: "将套件限制为使用 AES-GCM 或 ChaCha20-Poly1305 的 ECDHE（Postfix：smtpd_tls_ciphers = high，smtpd_tls_exclude_ciphers = aNULL, kRSA, SHA1, CBC，或将 tls_high_cipherlist 设为 Mozilla intermediate 列表；Dovecot：ssl_cipher_list）。",
    },
  },
  "tls.cipher.phase-out": {
    en: {
      summary: "{endpoint} accepts {count} cipher suites to phase out: {ciphers}",
      why: "The NCSC guidelines rate finite-field DHE, CBC-mode, CAMELLIA and ARIA suites as 'phase out': still acceptable today, to be removed in time.",
      fix: "Plan to offer only ECDHE with AES-GCM or ChaCha20-Poly1305 (and TLS 1.3).",
    },
    "zh-CN": {
      summary: "{endpoint} 接受 {count} 个应逐步淘汰的密码套件：{ciphers}",
      why: "NCSC 指南将有限域 DHE、CBC 模式、CAMELLIA 和 ARIA 套件评为“逐步淘汰”：目前仍可接受，但应适时移除。",
      fix: "计划只提供使用 AES-GCM 或 ChaCha20-Poly1305 的 ECDHE 套件（以及 TLS 1.3）。",
    },
  },
  "tls.cipher.ok": {
    en: {
      summary: "{endpoint}: all {count} accepted cipher suites are rated good or sufficient",
      why: "Every suite the server accepts meets the NCSC table.",
      fix: "",
    },
    "zh-CN": {
      summary: "{endpoint}：接受的全部 {count} 个密码套件均评为“良好”或“足够”",
      why: "服务器接受的每个套件都符合 NCSC 评级表。",
      fix: "",
    },
  },
  "tls.kex.insufficient": {
    en: {
      summary: "{endpoint}: key exchange rated insufficient: {groups}",
      why: "Finite-field Diffie-Hellman below 3072 bits (or with a non-standard group) and unusual elliptic curves are rated insufficient by the NCSC guidelines (2025): a well-funded attacker may break them and decrypt recorded traffic.",
      fix: "Prefer ECDHE with X25519 or P-256/P-384; drop DHE suites, or use an RFC 7919 group of at least 3072 bits (Postfix: smtpd_tls_dh1024_param_file pointing to ffdhe3072.pem, or tls_ffdhe_auto on Postfix 3.8+).",
    },
    "zh-CN": {
      summary: "{endpoint}：密钥交换评级为“不足”：{groups}",
      why: "NCSC 指南（2025）将低于 3072 位（或使用非标准群）的有限域 Diffie-Hellman 以及不常用的椭圆曲线评为“不足”：资源充足的攻击者可能破解它们并解密已记录的流量。",
      fix: "优先使用 X25519 或 P-256/P-384 的 ECDHE；去掉 DHE 套件，或使用至少 3072 位的 RFC 7919 群（Postfix：smtpd_tls_dh1024_param_file 指向 ffdhe3072.pem，或在 Postfix 3.8+ 使用 tls_ffdhe_auto）。",
    },
  },
  "tls.kex.phase-out": {
    en: {
      summary: "{endpoint}: key exchange to phase out: {groups}",
      why: "The NCSC guidelines accept the RFC 7919 finite-field groups of 3072 bits and more, and secp224r1, only as 'phase out'.",
      fix: "Offer ECDHE with X25519, P-256 or P-384 and plan to drop finite-field DHE.",
    },
    "zh-CN": {
      summary: "{endpoint}：应逐步淘汰的密钥交换：{groups}",
      why: "NCSC 指南仅将 3072 位及以上的 RFC 7919 有限域群和 secp224r1 视为“逐步淘汰”。",
      fix: "提供使用 X25519、P-256 或 P-384 的 ECDHE，并计划停用有限域 DHE。",
    },
  },
  "tls.kex.no-forward-secrecy": {
    en: {
      summary: "{endpoint} accepts {count} suites without forward secrecy: {ciphers}",
      why: "With static RSA key exchange, whoever obtains the server's private key later can decrypt every recorded session.",
      fix: "Exclude kRSA suites (Postfix: smtpd_tls_exclude_ciphers = kRSA; OpenSSL cipher string !kRSA).",
    },
    "zh-CN": {
      summary: "{endpoint} 接受 {count} 个不具备前向保密的套件：{ciphers}",
      why: "使用静态 RSA 密钥交换时，日后拿到服务器私钥的人可以解密所有已记录的会话。",
      fix: "排除 kRSA 套件（Postfix：smtpd_tls_exclude_ciphers = kRSA；OpenSSL 密码串 !kRSA）。",
    },
  },
  "tls.cipher.order.client": {
    en: {
      summary:
        "{endpoint} lets the client choose the cipher suite ({version}) although it accepts suites of different ratings",
      why: "NCSC B2-5: when weaker suites are enabled, the server must impose its own order so that capable clients get the best one; otherwise a client's odd preference picks a weak suite.",
      fix: "Enable server cipher preference (Postfix: tls_preempt_cipherlist = yes; Dovecot: ssl_prefer_server_ciphers = yes), or accept only good suites.",
    },
    "zh-CN": {
      summary: "{endpoint} 在 {version} 下由客户端选择密码套件，而其接受的套件评级不一",
      why: "NCSC B2-5：启用了较弱的套件时，服务器必须按自己的顺序选择，让有能力的客户端用上最好的套件；否则客户端的偏好可能选中弱套件。",
      fix: "启用服务器端密码优先（Postfix：tls_preempt_cipherlist = yes；Dovecot：ssl_prefer_server_ciphers = yes），或只接受评级良好的套件。",
    },
  },
  "tls.cipher.order.wrong": {
    en: {
      summary: "{endpoint} ({version}) prefers {preferred} ({preferredRating}) over {over} ({overRating})",
      why: "The server imposes its own order, but puts a worse-rated suite ahead of a better one, so clients that support both get the worse one (NCSC B2-5).",
      fix: "Order the cipher list best first: TLS 1.3 and ECDHE-AEAD suites, then the rest; exclude anonymous suites if the server prefers them.",
    },
    "zh-CN": {
      summary:
        "{endpoint}（{version}）优先选择 {preferred}（{preferredRating}），而非 {over}（{overRating}）",
      why: "服务器按自己的顺序选择，却把评级较差的套件排在较好的之前，同时支持两者的客户端会得到较差的套件（NCSC B2-5）。",
      fix: "按从好到差排列密码列表：先 TLS 1.3 和 ECDHE-AEAD 套件，再其他；若服务器偏好匿名套件，请将其排除。",
    },
  },
  "tls.cert.missing": {
    en: {
      summary: "{endpoint} presented no certificate (negotiated {cipher})",
      why: "Only anonymous suites were used, so the server's identity cannot be verified at all, and DANE or MTA-STS senders cannot deliver.",
      fix: "Configure a certificate and key, and exclude anonymous (aNULL) suites.",
    },
    "zh-CN": {
      summary: "{endpoint} 未出示证书（协商为 {cipher}）",
      why: "只使用了匿名套件，完全无法验证服务器身份，启用 DANE 或 MTA-STS 的发件方也无法投递。",
      fix: "配置证书和私钥，并排除匿名（aNULL）套件。",
    },
  },
  "tls.cert.unparseable": {
    en: {
      summary: "{endpoint}: certificate #{index} of the chain cannot be parsed ({error})",
      why: "A certificate with broken encoding or a malformed extension is rejected by strict clients, and nothing it claims can be relied on.",
      fix: "Reissue the certificate from the CA, or replace the damaged file in the server's chain configuration.",
    },
    "zh-CN": {
      summary: "{endpoint}：证书链中第 {index} 个证书无法解析（{error}）",
      why: "编码损坏或扩展格式错误的证书会被严格的客户端拒绝，其内容也不可信。",
      fix: "向 CA 重新签发证书，或替换服务器证书链配置中损坏的文件。",
    },
  },
  "tls.cert.expired": {
    en: {
      summary: "{endpoint}: the certificate for {host} expired on {notAfter} ({daysAgo} days ago)",
      why: "Clients that verify certificates (MTA-STS senders, DANE-TA, mail clients) refuse the connection. Only a matching DANE-EE record makes DANE senders ignore the dates.",
      fix: "Renew the certificate and reload the server (postfix reload; doveadm reload); automate renewal (ACME) and monitor expiry.",
    },
    "zh-CN": {
      summary: "{endpoint}：{host} 的证书已于 {notAfter} 过期（{daysAgo} 天前）",
      why: "验证证书的客户端（MTA-STS 发件方、DANE-TA、邮件客户端）会拒绝连接。只有匹配的 DANE-EE 记录能让 DANE 发件方忽略有效期。",
      fix: "续期证书并重新加载服务（postfix reload；doveadm reload）；用 ACME 自动续期并监控到期时间。",
    },
  },
  "tls.cert.not-yet-valid": {
    en: {
      summary: "{endpoint}: the certificate for {host} is not valid before {notBefore}",
      why: "Verifying clients refuse a certificate that is not yet valid; often the server's clock or the issuing CA's clock is wrong.",
      fix: "Check the clocks (NTP) and the certificate's start date; install a certificate that is valid now.",
    },
    "zh-CN": {
      summary: "{endpoint}：{host} 的证书在 {notBefore} 之前无效",
      why: "验证证书的客户端会拒绝尚未生效的证书；常见原因是服务器或签发 CA 的时钟错误。",
      fix: "检查时钟（NTP）和证书的生效日期；安装当前有效的证书。",
    },
  },
  "tls.cert.expires-soon": {
    en: {
      summary: "{endpoint}: the certificate for {host} expires in {days} days ({notAfter})",
      why: "Once it expires, verifying senders and mail clients refuse the connection. Renewal usually fails silently when automation is broken.",
      fix: "Renew now and check that the renewal job reloads the mail server afterwards.",
    },
    "zh-CN": {
      summary: "{endpoint}：{host} 的证书将在 {days} 天后（{notAfter}）过期",
      why: "证书过期后，验证证书的发件方和邮件客户端将拒绝连接。自动续期出问题时往往不会有任何提示。",
      fix: "立即续期，并确认续期任务完成后会重新加载邮件服务。",
    },
  },
  "tls.cert.name-mismatch": {
    en: {
      summary: "{endpoint}: the certificate does not name {host} (it names {names})",
      why: "Verifying senders (MTA-STS, DANE-TA) and mail clients check that the certificate carries the MX or server name they connected to; a mismatch makes them refuse. Opportunistic senders deliver anyway.",
      fix: "Issue a certificate whose subjectAltName includes {host}, or point the MX record at a name the certificate covers.",
    },
    "zh-CN": {
      summary: "{endpoint}：证书中没有 {host}（证书名称为 {names}）",
      why: "验证证书的发件方（MTA-STS、DANE-TA）和邮件客户端会检查证书是否包含所连接的 MX 或服务器名称；不符时将拒绝连接。机会性加密的发件方仍会投递。",
      fix: "签发 subjectAltName 包含 {host} 的证书，或让 MX 记录指向证书覆盖的名称。",
    },
  },
  "tls.cert.self-signed": {
    en: {
      summary: "{endpoint}: the certificate is self-signed or chains to an untrusted root ({issuer})",
      why: "No trusted CA vouches for it, so MTA-STS senders and mail clients refuse it. A DANE-EE record can make it acceptable to DANE senders.",
      fix: "Use a certificate from a public CA (e.g. Let's Encrypt), or publish DANE TLSA 3 1 1 for this key if DANE senders are the goal. For a private CA, give mxray --ca FILE.",
    },
    "zh-CN": {
      summary: "{endpoint}：证书为自签名，或链到不受信任的根（{issuer}）",
      why: "没有受信任的 CA 为其背书，MTA-STS 发件方和邮件客户端会拒绝。发布 DANE-EE 记录可让 DANE 发件方接受它。",
      fix: "使用公共 CA（如 Let's Encrypt）签发的证书；若目标是 DANE 发件方，可为该密钥发布 TLSA 3 1 1。若使用私有 CA，请用 --ca FILE 告诉 mxray。",
    },
  },
  "tls.cert.chain-incomplete": {
    en: {
      summary:
        "{endpoint}: the chain is incomplete: the issuer of the last certificate sent ({issuer}) is neither sent nor a trusted root",
      why: "The server sent {sent} certificate(s) and left out an intermediate, or the CA is not trusted here. Clients without that intermediate cached cannot build a path and refuse the connection.",
      fix: "Configure the full chain file (leaf first, then each intermediate; Postfix smtpd_tls_chain_files or smtpd_tls_cert_file with fullchain.pem). For a private CA, give mxray --ca FILE.",
    },
    "zh-CN": {
      summary: "{endpoint}：证书链不完整：最后发送的证书的签发者（{issuer}）既未发送，也不是受信任的根",
      why: "服务器发送了 {sent} 个证书，遗漏了中间证书，或其 CA 在此处不受信任。未缓存该中间证书的客户端无法构建信任路径，会拒绝连接。",
      fix: "配置完整的证书链文件（先叶证书，再依次为中间证书；Postfix 的 smtpd_tls_chain_files 或使用 fullchain.pem 的 smtpd_tls_cert_file）。若使用私有 CA，请用 --ca FILE 告诉 mxray。",
    },
  },
  "tls.cert.untrusted": {
    en: {
      summary: "{endpoint}: the certificate chain could not be verified ({error})",
      why: "Verification against the trusted roots failed, so MTA-STS senders and mail clients refuse the connection.",
      fix: "Look at the verification error and the chain shown; install a chain from a public CA that verifies with `openssl s_client -verify_return_error`.",
    },
    "zh-CN": {
      summary: "{endpoint}：证书链无法验证（{error}）",
      why: "依据受信任根证书的验证失败，MTA-STS 发件方和邮件客户端会拒绝连接。",
      fix: "查看验证错误和所示证书链；安装能通过 `openssl s_client -verify_return_error` 验证的公共 CA 证书链。",
    },
  },
  "tls.cert.chain-order": {
    en: {
      summary: "{endpoint}: the certificates are sent in the wrong order ({order})",
      why: "TLS 1.2 requires each certificate to be followed by its issuer (RFC 5246 §7.4.2); some clients fail to build the path from a shuffled chain.",
      fix: "Put the leaf first, then its issuer, then the next issuer, in the chain file.",
    },
    "zh-CN": {
      summary: "{endpoint}：证书发送顺序错误（{order}）",
      why: "TLS 1.2 要求每个证书后面紧跟其签发者证书（RFC 5246 §7.4.2）；部分客户端无法从乱序的证书链构建路径。",
      fix: "在证书链文件中按叶证书、其签发者、再上一级签发者的顺序排列。",
    },
  },
  "tls.cert.chain-extra": {
    en: {
      summary: "{endpoint} sends {count} certificate(s) that are not part of its chain (positions {indexes})",
      why: "Extra certificates waste bytes in every handshake and often show a chain file assembled from the wrong pieces.",
      fix: "Remove the unrelated certificates from the chain file.",
    },
    "zh-CN": {
      summary: "{endpoint} 发送了 {count} 个不属于其证书链的证书（位置 {indexes}）",
      why: "多余的证书会在每次握手中浪费字节，也常说明证书链文件拼装有误。",
      fix: "从证书链文件中删除无关的证书。",
    },
  },
  "tls.cert.key-insufficient": {
    en: {
      summary: "{endpoint}: the certificate key ({key}) is too weak",
      why: "RSA keys under 2048 bits and unusual curves are rated insufficient: they can be factored or are not widely supported.",
      fix: "Issue a new certificate with RSA 3072+ or ECDSA P-256/P-384.",
    },
    "zh-CN": {
      summary: "{endpoint}：证书密钥（{key}）强度不足",
      why: "低于 2048 位的 RSA 密钥和不常用的曲线被评为“不足”：可能被分解，或未被广泛支持。",
      fix: "使用 RSA 3072 位以上或 ECDSA P-256/P-384 密钥重新签发证书。",
    },
  },
  "tls.cert.key-phase-out": {
    en: {
      summary: "{endpoint}: the certificate key ({key}) is rated 'phase out'",
      why: "The NCSC guidelines (2025) rate RSA 2048 as acceptable for now but to be replaced by RSA 3072+ or ECDSA.",
      fix: "At the next renewal, use ECDSA P-256 (or RSA 3072).",
    },
    "zh-CN": {
      summary: "{endpoint}：证书密钥（{key}）评级为“逐步淘汰”",
      why: "NCSC 指南（2025）认为 RSA 2048 目前尚可接受，但应改用 RSA 3072 以上或 ECDSA。",
      fix: "下次续期时改用 ECDSA P-256（或 RSA 3072）。",
    },
  },
  "tls.cert.extension-unknown-critical": {
    en: {
      summary: "{endpoint}: certificate #{index} carries critical extensions no verifier knows ({oids})",
      why: "RFC 5280 §4.2 requires a verifier to reject a certificate with a critical extension it does not recognise, so every client that checks certificates refuses this one.",
      fix: "Reissue the certificate without the unknown critical extension (or with it marked non-critical).",
    },
    "zh-CN": {
      summary: "{endpoint}：第 {index} 个证书带有验证方无法识别的关键扩展（{oids}）",
      why: "RFC 5280 §4.2 规定，验证方遇到无法识别的关键扩展时必须拒绝该证书，因此所有检查证书的客户端都会拒绝它。",
      fix: "重新签发不含该未知关键扩展（或将其标为非关键）的证书。",
    },
  },
  "tls.cert.extension-malformed": {
    en: {
      summary: "{endpoint}: certificate #{index} has extensions whose content does not decode: {extensions}",
      why: "A known extension with garbage inside is read differently, or rejected, by different TLS libraries; its claims cannot be relied on.",
      fix: "Reissue the certificate from the CA; check the tool or template that added the extension.",
    },
    "zh-CN": {
      summary: "{endpoint}：第 {index} 个证书中有内容无法解码的扩展：{extensions}",
      why: "已知扩展中含有无效内容时，不同的 TLS 库会作不同解读或直接拒绝；其声明不可依赖。",
      fix: "向 CA 重新签发证书，并检查添加该扩展的工具或模板。",
    },
  },
  "tls.cert.signature-weak": {
    en: {
      summary: "{endpoint}: certificate #{index} is signed with {algorithm}",
      why: "SHA-1 and MD5 signatures can be forged (chosen-prefix collisions); verifying clients reject them.",
      fix: "Reissue the certificate (and any intermediate) with a SHA-256 or stronger signature.",
    },
    "zh-CN": {
      summary: "{endpoint}：第 {index} 个证书使用 {algorithm} 签名",
      why: "SHA-1 和 MD5 签名可被伪造（选择前缀碰撞）；验证证书的客户端会拒绝。",
      fix: "使用 SHA-256 或更强的签名算法重新签发该证书（及相关中间证书）。",
    },
  },
  "tls.cert.ok": {
    en: {
      summary:
        "{endpoint}: the certificate for {host} is valid, trusted and matches ({days} days left, {key}, issued by {issuer})",
      why: "The chain verifies against the trusted roots, the name matches and the dates are fine.",
      fix: "",
    },
    "zh-CN": {
      summary: "{endpoint}：{host} 的证书有效、受信任且名称匹配（剩余 {days} 天，{key}，签发者 {issuer}）",
      why: "证书链可依据受信任根证书验证，名称匹配，有效期正常。",
      fix: "",
    },
  },
  "tls.dane.lookup-failed": {
    en: {
      summary: "{endpoint}: the TLSA lookup of {name} failed ({status})",
      why: "For an MX host in a signed zone, DANE senders treat a failed TLSA lookup as a reason to defer mail (RFC 7672 §2.2.1): mail from them stalls until the lookup works.",
      fix: "Check that the zone's servers answer TLSA queries for {name} with valid signatures (dig +dnssec {name} TLSA).",
    },
    "zh-CN": {
      summary: "{endpoint}：查询 {name} 的 TLSA 失败（{status}）",
      why: "对于已签名区域中的 MX 主机，DANE 发件方把 TLSA 查询失败视为推迟投递的理由（RFC 7672 §2.2.1）：其邮件将停滞，直到查询恢复。",
      fix: "确认该区域的服务器能以有效签名应答 {name} 的 TLSA 查询（dig +dnssec {name} TLSA）。",
    },
  },
  "tls.dane.insecure": {
    en: {
      summary:
        "{endpoint}: {count} TLSA record(s) at {name} are not DNSSEC-validated, so DANE does not apply",
      why: "Senders use TLSA records only when the answer is authenticated (RFC 7672 §2.2); without DNSSEC anyone on the path could forge them.",
      fix: "Sign the zone with DNSSEC and publish the DS in the parent, or remove the TLSA records.",
    },
    "zh-CN": {
      summary: "{endpoint}：{name} 的 {count} 条 TLSA 记录未经 DNSSEC 验证，DANE 不生效",
      why: "发件方只在应答经过认证时使用 TLSA 记录（RFC 7672 §2.2）；没有 DNSSEC，路径上的任何人都能伪造这些记录。",
      fix: "为区域启用 DNSSEC 签名并在上级发布 DS，或删除 TLSA 记录。",
    },
  },
  "tls.dane.address-insecure": {
    en: {
      summary:
        "{endpoint}: the address records of {host} are not DNSSEC-validated, so DANE senders will not use its TLSA records",
      why: "RFC 7672 §2.2.2: DANE applies only when the MX host's address records are secure too.",
      fix: "Sign the zone that holds {host} (and any CNAME on the way) with DNSSEC.",
    },
    "zh-CN": {
      summary: "{endpoint}：{host} 的地址记录未经 DNSSEC 验证，DANE 发件方不会使用其 TLSA 记录",
      why: "RFC 7672 §2.2.2：只有当 MX 主机的地址记录同样安全时，DANE 才会生效。",
      fix: "为包含 {host} 的区域（以及途经的 CNAME）启用 DNSSEC 签名。",
    },
  },
  "tls.dane.unusable": {
    en: {
      summary: "{endpoint}: {count} TLSA record(s) at {name} cannot be used for SMTP: {records}",
      why: "PKIX-TA(0) and PKIX-EE(1) are not for SMTP, and records with unknown fields or data of the wrong length are ignored (RFC 7672 §3.1.3). If no usable record is left, DANE senders still require TLS but cannot authenticate the server.",
      fix: "Publish DANE-EE 3 1 1 (the SHA-256 of the server key) and/or DANE-TA 2 1 1 for the issuing CA; remove the unusable records.",
    },
    "zh-CN": {
      summary: "{endpoint}：{name} 的 {count} 条 TLSA 记录不能用于 SMTP：{records}",
      why: "PKIX-TA(0) 和 PKIX-EE(1) 不适用于 SMTP，字段未知或数据长度错误的记录会被忽略（RFC 7672 §3.1.3）。若没有可用记录，DANE 发件方仍要求 TLS，但无法认证服务器。",
      fix: "发布 DANE-EE 3 1 1（服务器公钥的 SHA-256）和/或签发 CA 的 DANE-TA 2 1 1；删除不可用的记录。",
    },
  },
  "tls.dane.no-tls": {
    en: {
      summary: "{endpoint} publishes DNSSEC-validated TLSA records at {name} but TLS failed ({reason})",
      why: "Secure TLSA records promise TLS: DANE senders never fall back to plaintext, so they defer all mail to this server.",
      fix: "Repair STARTTLS and the certificate on this server, or withdraw the TLSA records (wait for their TTL before breaking TLS).",
    },
    "zh-CN": {
      summary: "{endpoint} 在 {name} 发布了经 DNSSEC 验证的 TLSA 记录，但 TLS 失败（{reason}）",
      why: "安全的 TLSA 记录承诺提供 TLS：DANE 发件方不会退回明文，因此会推迟发往此服务器的所有邮件。",
      fix: "修复此服务器的 STARTTLS 和证书，或撤下 TLSA 记录（在改动 TLS 前先等待其 TTL 过期）。",
    },
  },
  "tls.dane.mismatch": {
    en: {
      summary: "{endpoint}: no TLSA record at {name} matches the certificate chain the server presents",
      why: "DANE senders (Postfix, Exim, Microsoft 365 and others) find secure TLSA records, see no match and defer every message to this server. This usually follows a certificate or key renewal without updating TLSA.",
      fix: "Publish a TLSA record for the current key (3 1 1 = SHA-256 of the SPKI: openssl x509 -noout -pubkey | openssl pkey -pubin -outform DER | openssl dgst -sha256), keep the old one until caches expire, then remove it. Records published: {records}",
    },
    "zh-CN": {
      summary: "{endpoint}：{name} 的 TLSA 记录与服务器出示的证书链均不匹配",
      why: "DANE 发件方（Postfix、Exim、Microsoft 365 等）找到安全的 TLSA 记录却无匹配时，会推迟发往此服务器的每封邮件。通常是更换证书或密钥后没有更新 TLSA 所致。",
      fix: "为当前密钥发布 TLSA 记录（3 1 1 = SPKI 的 SHA-256：openssl x509 -noout -pubkey | openssl pkey -pubin -outform DER | openssl dgst -sha256），在缓存过期前保留旧记录，之后再删除。现有记录：{records}",
    },
  },
  "tls.dane.ta-name-mismatch": {
    en: {
      summary: "{endpoint}: a DANE-TA record matches ({matched}) but the certificate does not name {host}",
      why: "With DANE-TA(2) the server certificate must still carry the MX host name (RFC 7672 §3.2.2); DANE senders defer the mail.",
      fix: "Issue the certificate for {host}, or publish a DANE-EE 3 1 1 record for the server key (name checks do not apply to DANE-EE).",
    },
    "zh-CN": {
      summary: "{endpoint}：有 DANE-TA 记录匹配（{matched}），但证书中没有 {host}",
      why: "使用 DANE-TA(2) 时，服务器证书仍须包含 MX 主机名（RFC 7672 §3.2.2）；DANE 发件方会推迟投递。",
      fix: "为 {host} 签发证书，或为服务器密钥发布 DANE-EE 3 1 1 记录（DANE-EE 不检查名称）。",
    },
  },
  "tls.dane.ta-expired": {
    en: {
      summary:
        "{endpoint}: a DANE-TA record matches ({matched}) but the certificate is outside its validity ({notAfter})",
      why: "With DANE-TA(2) the chain is validated with its dates; an expired certificate fails and DANE senders defer the mail.",
      fix: "Renew the certificate, or rely on a DANE-EE 3 1 1 record (dates do not apply to DANE-EE).",
    },
    "zh-CN": {
      summary: "{endpoint}：有 DANE-TA 记录匹配（{matched}），但证书不在有效期内（{notAfter}）",
      why: "使用 DANE-TA(2) 时，证书链会连同有效期一起验证；过期证书无法通过，DANE 发件方会推迟投递。",
      fix: "续期证书，或改用 DANE-EE 3 1 1 记录（DANE-EE 不检查有效期）。",
    },
  },
  "tls.dane.match": {
    en: {
      summary: "{endpoint}: DANE authenticates the server: {matched}",
      why: "A DNSSEC-validated, usable TLSA record matches the presented chain, so DANE senders deliver over authenticated TLS.",
      fix: "",
    },
    "zh-CN": {
      summary: "{endpoint}：DANE 认证通过：{matched}",
      why: "经 DNSSEC 验证的可用 TLSA 记录与出示的证书链匹配，DANE 发件方将通过经认证的 TLS 投递。",
      fix: "",
    },
  },
  "tls.mta-sts.mx-no-tls": {
    en: {
      summary: "{endpoint}: {domain} enforces MTA-STS but TLS to {host} failed ({reason})",
      why: "Under mode: enforce, senders deliver to an MX only over TLS with a valid certificate (RFC 8461 §5); this MX receives nothing from them.",
      fix: "Repair STARTTLS on {host}, or switch the policy to mode: testing while it is fixed.",
    },
    "zh-CN": {
      summary: "{endpoint}：{domain} 强制执行 MTA-STS，但到 {host} 的 TLS 失败（{reason}）",
      why: "mode: enforce 下，发件方只通过带有效证书的 TLS 向 MX 投递（RFC 8461 §5）；该 MX 收不到这些发件方的邮件。",
      fix: "修复 {host} 的 STARTTLS，或在修复期间将策略改为 mode: testing。",
    },
  },
  "tls.mta-sts.mx-invalid": {
    en: {
      summary:
        "{endpoint}: {domain} enforces MTA-STS but the certificate of {host} would be refused: {reasons}",
      why: "Under mode: enforce, senders require a certificate that chains to a trusted root and names the MX host (RFC 8461 §4.2); they will not deliver to this MX.",
      fix: "Install a publicly trusted certificate for {host} (with the full chain), or set mode: testing until it is in place.",
    },
    "zh-CN": {
      summary: "{endpoint}：{domain} 强制执行 MTA-STS，但 {host} 的证书会被拒绝：{reasons}",
      why: "mode: enforce 下，发件方要求证书链到受信任的根并包含 MX 主机名（RFC 8461 §4.2）；它们不会向此 MX 投递。",
      fix: "为 {host} 安装公开受信任的证书（含完整证书链），或在此之前将策略设为 mode: testing。",
    },
  },
  "tls.mta-sts.mx-ok": {
    en: {
      summary:
        "{domain} enforces MTA-STS and every MX checked presents a trusted certificate for its name ({endpoints})",
      why: "MTA-STS senders can deliver to these MX hosts.",
      fix: "",
    },
    "zh-CN": {
      summary: "{domain} 强制执行 MTA-STS，检查过的每个 MX 都出示了与其名称相符的受信任证书（{endpoints}）",
      why: "MTA-STS 发件方可以向这些 MX 主机投递。",
      fix: "",
    },
  },
  "tls.target.no-address": {
    en: {
      summary: "{host} has no address to connect to ({status})",
      why: "Neither an A nor an AAAA record was found, so no TLS connection could be made.",
      fix: "Check the name, or give an IP address with --servername NAME.",
    },
    "zh-CN": {
      summary: "{host} 没有可连接的地址（{status}）",
      why: "未找到 A 或 AAAA 记录，无法建立 TLS 连接。",
      fix: "检查名称，或直接给出 IP 地址并加上 --servername NAME。",
    },
  },
};
