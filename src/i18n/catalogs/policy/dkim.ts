import type { Catalog } from "../../types.js";

/** DKIM key findings (src/checks/dkim.ts). */
export const dkimMessages: Catalog = {
  "dkim.key.found": {
    en: {
      summary: "DKIM key for selector {selector}: {type}, {bits} bits",
      why: "Receivers fetch this key from {name} to verify signatures made with selector {selector}.",
      fix: "",
    },
    "zh-CN": {
      summary: "选择器 {selector} 的 DKIM 密钥：{type}，{bits} 位",
      why: "接收方从 {name} 获取此密钥，用来验证以选择器 {selector} 生成的签名。",
      fix: "",
    },
  },
  "dkim.selectors.none-found": {
    en: {
      summary: "No DKIM key found for {domain} under the {count} selectors tried",
      why: "Selectors are chosen freely by each signer, so not finding a key under common names proves nothing. Tried: {selectors}.",
      fix: "Give the selector your mail is signed with: look at the s= tag of the DKIM-Signature header in a message you sent, then run again with --selector NAME.",
    },
    "zh-CN": {
      summary: "在尝试的 {count} 个选择器下都没有找到 {domain} 的 DKIM 密钥",
      why: "选择器由签名方自由命名，在常见名称下找不到密钥并不能说明没有 DKIM。已尝试：{selectors}。",
      fix: "请提供您的邮件签名所用的选择器：查看已发送邮件中 DKIM-Signature 头的 s= 标签，然后用 --selector 名称 重新运行。",
    },
  },
  "dkim.selectors.wildcard": {
    en: {
      summary: "A wildcard DKIM key answers for every selector of {domain} (seen at {name})",
      why: "A TXT record at *._domainkey makes any selector resolve to the same key, so guessed selectors all look published and nothing can be learned from them. Verifiers accept signatures under any selector made with that key's private half.",
      fix: "Replace the wildcard with one record per selector actually used for signing.",
    },
    "zh-CN": {
      summary: "{domain} 有通配 DKIM 密钥，任何选择器都会得到应答（在 {name} 上观察到）",
      why: "*._domainkey 上的 TXT 记录会让任意选择器都解析到同一把密钥，因此猜测的选择器看起来都已发布，无法从中得出任何结论。验证方会接受用该密钥对应私钥、以任意选择器生成的签名。",
      fix: "删除通配记录，改为为实际用于签名的每个选择器各发布一条记录。",
    },
  },
  "dkim.key.ed25519-without-rsa": {
    en: {
      summary: "Only ed25519 DKIM keys were found for {domain}, no RSA key",
      why: "Many receivers still cannot verify ed25519 signatures (RFC 8463); for them a message signed only with ed25519 is unsigned. Ed25519 is meant to be used alongside RSA.",
      fix: "Sign every message with an RSA-2048 key as well (a second selector and a second DKIM-Signature), or pass the RSA selector with --selector if it exists.",
    },
    "zh-CN": {
      summary: "{domain} 只找到 ed25519 DKIM 密钥，没有 RSA 密钥",
      why: "许多接收方仍不能验证 ed25519 签名（RFC 8463）；对它们而言，只带 ed25519 签名的邮件等同于未签名。ed25519 应与 RSA 并用。",
      fix: "同时用 2048 位 RSA 密钥为每封邮件签名（使用第二个选择器、添加第二个 DKIM-Signature）；如果 RSA 选择器已存在，请用 --selector 指定它。",
    },
  },
  "dkim.selectors.lookup-failed": {
    en: {
      summary: "DKIM lookups failed for {count} selectors: {selectors}",
      why: "These questions got no usable answer (SERVFAIL, timeout...), which is not the same as no key: if a signing selector is among them, receivers get a temporary error when verifying.",
      fix: "Check that the domain's authoritative servers answer for names under _domainkey (and that DNSSEC signatures there are valid).",
    },
    "zh-CN": {
      summary: "{count} 个选择器的 DKIM 查询失败：{selectors}",
      why: "这些查询没有得到可用的应答（SERVFAIL、超时等），这并不等于没有密钥：如果签名所用的选择器在其中，接收方验证时会遇到临时错误。",
      fix: "确认域名的权威服务器能正常应答 _domainkey 下的名称（若已签名，请确认那里的 DNSSEC 签名有效）。",
    },
  },
  "dkim.selector.missing": {
    en: {
      summary: "No DKIM key at {name} for the selector {selector} you gave ({status})",
      why: 'Receivers cannot verify signatures made with selector {selector}: they fail with "no key for signature" (permerror), and DMARC cannot use DKIM for this mail.',
      fix: 'Publish the public key from your signing system as a TXT record at {name} ("v=DKIM1; k=rsa; p=..."), or fix the selector name in the signer.',
    },
    "zh-CN": {
      summary: "您指定的选择器 {selector} 在 {name} 没有 DKIM 密钥（{status}）",
      why: "接收方无法验证以选择器 {selector} 生成的签名，结果为“找不到签名密钥”（permerror），DMARC 也无法利用这些邮件的 DKIM。",
      fix: '把签名系统的公钥以 TXT 记录发布到 {name}（"v=DKIM1; k=rsa; p=..."），或在签名端修正选择器名称。',
    },
  },
  "dkim.selector.invalid": {
    en: {
      summary: '"{selector}" cannot be a DKIM selector; it was not looked up',
      why: "A selector is one or more DNS labels (letters, digits, '-', '_', separated by dots).",
      fix: "Check the s= tag of a DKIM-Signature header and pass exactly that value to --selector.",
    },
    "zh-CN": {
      summary: '"{selector}" 不是合法的 DKIM 选择器，未进行查询',
      why: "选择器由一个或多个 DNS 标签组成（字母、数字、'-'、'_'，以点分隔）。",
      fix: "查看 DKIM-Signature 头中的 s= 标签，把该值原样传给 --selector。",
    },
  },
  "dkim.record.multiple": {
    en: {
      summary: "{count} DKIM key records at {name}",
      why: "RFC 6376 §3.6.2.2 lets a verifier pick any one of them, so signatures verify or fail depending on which key it picks.",
      fix: "Keep exactly one key record per selector; use a new selector for a new key.",
    },
    "zh-CN": {
      summary: "{name} 上有 {count} 条 DKIM 密钥记录",
      why: "RFC 6376 §3.6.2.2 允许验证方任选其一，签名能否通过取决于它选中了哪把密钥。",
      fix: "每个选择器只保留一条密钥记录；更换密钥时请使用新的选择器。",
    },
  },
  "dkim.record.version-invalid": {
    en: {
      summary: "The DKIM record at {name} has {text}; verifiers ignore the record",
      why: 'RFC 6376 §3.6.1: when v= is present it must be the first tag and exactly "DKIM1", otherwise the record MUST be ignored: signatures with selector {selector} fail.',
      fix: 'Start the record with "v=DKIM1;" or leave v= out.',
    },
    "zh-CN": {
      summary: "{name} 的 DKIM 记录中为 {text}，验证方会忽略该记录",
      why: 'RFC 6376 §3.6.1 规定：v= 若存在，必须是第一个标签且值恰为 "DKIM1"，否则记录必须被忽略，使用选择器 {selector} 的签名将验证失败。',
      fix: '让记录以 "v=DKIM1;" 开头，或者不写 v=。',
    },
  },
  "dkim.record.missing-key": {
    en: {
      summary: "The DKIM record at {name} has no p= tag",
      why: "p= carries the public key; without it the record is not a DKIM key and signatures with selector {selector} cannot be verified.",
      fix: 'Publish the full key record: "v=DKIM1; k=rsa; p=<base64 public key>".',
    },
    "zh-CN": {
      summary: "{name} 的 DKIM 记录缺少 p= 标签",
      why: "p= 承载公钥；缺少它，该记录就不是 DKIM 密钥，使用选择器 {selector} 的签名无法验证。",
      fix: '发布完整的密钥记录："v=DKIM1; k=rsa; p=<base64 公钥>"。',
    },
  },
  "dkim.key.bad-base64": {
    en: {
      summary: "The key in p= at {name} is not valid base64",
      why: "Verifiers cannot decode the key, so every signature with selector {selector} fails (permerror). A key pasted with quotes, line breaks or a missing part usually causes it.",
      fix: "Publish the public key again exactly as the signing software printed it (only A-Z, a-z, 0-9, +, / and = padding; split long keys into several quoted strings of one TXT record).",
    },
    "zh-CN": {
      summary: "{name} 中 p= 的密钥不是有效的 base64",
      why: "验证方无法解码该密钥，使用选择器 {selector} 的所有签名都会失败（permerror）。通常是粘贴时带入了引号、换行或缺失了一部分。",
      fix: "按签名软件输出的原样重新发布公钥（只含 A-Z、a-z、0-9、+、/ 和 = 填充；过长的密钥应拆成同一条 TXT 记录中的多个带引号字符串）。",
    },
  },
  "dkim.key.bad-key": {
    en: {
      summary: "p= at {name} is not a valid {type} public key: {detail}",
      why: "Verifiers cannot load the key, so every signature with selector {selector} fails (permerror). RSA keys are DER SubjectPublicKeyInfo; ed25519 keys (RFC 8463) are the raw 32 bytes.",
      fix: "Regenerate the DNS record from the signing key (e.g. opendkim-genkey, rspamadm dkim_keygen) and publish it unchanged.",
    },
    "zh-CN": {
      summary: "{name} 中 p= 不是有效的 {type} 公钥：{detail}",
      why: "验证方无法载入该密钥，使用选择器 {selector} 的所有签名都会失败（permerror）。RSA 密钥应为 DER 编码的 SubjectPublicKeyInfo；ed25519 密钥（RFC 8463）应为原始的 32 字节。",
      fix: "用签名私钥重新生成 DNS 记录（如 opendkim-genkey、rspamadm dkim_keygen），并原样发布。",
    },
  },
  "dkim.key.unknown-type": {
    en: {
      summary: "Unknown DKIM key type k={value} at {name}",
      why: "Verifiers know k=rsa and k=ed25519 only; with another type they cannot verify signatures with selector {selector}.",
      fix: "Set k=rsa or k=ed25519 to match the signing key.",
    },
    "zh-CN": {
      summary: "{name} 的 DKIM 密钥类型 k={value} 未知",
      why: "验证方只认识 k=rsa 和 k=ed25519；其他类型下无法验证使用选择器 {selector} 的签名。",
      fix: "根据签名密钥把 k= 设为 rsa 或 ed25519。",
    },
  },
  "dkim.key.sha1-only": {
    en: {
      summary: "The DKIM key at {name} allows only h={value}: no accepted hash algorithm",
      why: "RFC 8301 §3.1: rsa-sha1 MUST NOT be used for signing or verifying. Verifiers refuse sha1 signatures and this key forbids sha256 ones, so no signature with selector {selector} can pass.",
      fix: "Remove h= (all algorithms allowed) or set h=sha256, and make sure the signer uses rsa-sha256.",
    },
    "zh-CN": {
      summary: "{name} 的 DKIM 密钥只允许 h={value}：没有可接受的哈希算法",
      why: "RFC 8301 §3.1 规定签名和验证都不得使用 rsa-sha1。验证方拒绝 sha1 签名，而该密钥又不允许 sha256，因此使用选择器 {selector} 的签名都无法通过。",
      fix: "删除 h=（即允许所有算法）或设为 h=sha256，并确保签名端使用 rsa-sha256。",
    },
  },
  "dkim.key.hash-unknown": {
    en: {
      summary: "The DKIM key at {name} allows only h={value}, which verifiers do not know",
      why: "DKIM defines sha256 (and the deprecated sha1). A key whose h= lists neither is refused, so no signature with selector {selector} can pass.",
      fix: "Remove h= or set h=sha256.",
    },
    "zh-CN": {
      summary: "{name} 的 DKIM 密钥只允许 h={value}，验证方不认识该算法",
      why: "DKIM 只定义了 sha256（以及已弃用的 sha1）。h= 中两者都没有的密钥会被拒绝，使用选择器 {selector} 的签名都无法通过。",
      fix: "删除 h= 或设为 h=sha256。",
    },
  },
  "dkim.key.not-for-email": {
    en: {
      summary: "The DKIM key at {name} has s={value}: not usable for e-mail",
      why: 's= lists the services the key may be used for; without "email" or "*" verifiers reject mail signatures with selector {selector}.',
      fix: "Remove s= or set s=email.",
    },
    "zh-CN": {
      summary: "{name} 的 DKIM 密钥为 s={value}：不能用于电子邮件",
      why: 's= 列出该密钥可用的服务类型；不含 "email" 或 "*" 时，验证方会拒绝使用选择器 {selector} 的邮件签名。',
      fix: "删除 s= 或设为 s=email。",
    },
  },
  "dkim.tag.unknown": {
    en: {
      summary: "Unknown tag {tag}= in the DKIM record at {name}",
      why: "Verifiers ignore unknown tags (RFC 6376 §3.6.1); if it is a misspelling, the intended setting is not applied.",
      fix: "Correct or remove {tag}=. Known tags: v, h, k, n, p, s, t.",
    },
    "zh-CN": {
      summary: "{name} 的 DKIM 记录中有未知标签 {tag}=",
      why: "验证方会忽略未知标签（RFC 6376 §3.6.1）；如果是拼写错误，本应生效的设置并未生效。",
      fix: "改正或删除 {tag}=。已知标签有：v、h、k、n、p、s、t。",
    },
  },
  "dkim.key.revoked": {
    en: {
      summary: "The DKIM key for selector {selector} is revoked (empty p=)",
      why: "An empty p= tells verifiers that signatures with this selector must fail. That is right for a retired key, but wrong if any system still signs with {selector}.",
      fix: "Make sure no signer still uses selector {selector}; otherwise publish its current public key.",
    },
    "zh-CN": {
      summary: "选择器 {selector} 的 DKIM 密钥已吊销（p= 为空）",
      why: "空的 p= 告诉验证方：使用该选择器的签名一律视为失败。对已退役的密钥这是正确做法，但如果仍有系统用 {selector} 签名就错了。",
      fix: "确认已没有签名端使用选择器 {selector}；否则请发布其当前公钥。",
    },
  },
  "dkim.key.rsa-weak": {
    en: {
      summary: "The RSA key for selector {selector} is only {bits} bits",
      why: "RFC 8301 §3.2: keys under 1024 bits MUST NOT be used and verifiers treat such signatures as failed. Keys this short can also be factored, letting others sign mail as you.",
      fix: "Generate a 2048-bit RSA key (or ed25519 alongside RSA), publish it under a new selector, switch the signer to it, then revoke this one.",
    },
    "zh-CN": {
      summary: "选择器 {selector} 的 RSA 密钥只有 {bits} 位",
      why: "RFC 8301 §3.2 规定不得使用小于 1024 位的密钥，验证方会把此类签名视为失败。这么短的密钥也可能被分解，使他人能以您的名义签名发信。",
      fix: "生成 2048 位 RSA 密钥（或在 RSA 之外再加 ed25519），在新选择器下发布，切换签名端后吊销此密钥。",
    },
  },
  "dkim.key.rsa-short": {
    en: {
      summary: "The RSA key for selector {selector} is {bits} bits; 2048 is recommended",
      why: "RFC 8301 §3.2: signers SHOULD use at least 2048 bits. 1024-bit keys are within reach of well-funded attackers and some receivers score them lower.",
      fix: "Generate a 2048-bit key under a new selector, switch the signer to it, then revoke the old key (publish p= empty).",
    },
    "zh-CN": {
      summary: "选择器 {selector} 的 RSA 密钥为 {bits} 位，建议使用 2048 位",
      why: "RFC 8301 §3.2 建议签名方至少使用 2048 位密钥。1024 位密钥已在资金充足的攻击者能力范围之内，部分接收方也会给予较低评价。",
      fix: "在新选择器下生成 2048 位密钥，切换签名端后吊销旧密钥（发布空的 p=）。",
    },
  },
  "dkim.key.rsa-long": {
    en: {
      summary: "The RSA key for selector {selector} is {bits} bits, more than verifiers must support",
      why: "RFC 8301 §3.2 requires verifiers to handle keys of 1024 to 4096 bits; larger keys may fail to verify at some receivers.",
      fix: "Use a 2048- to 4096-bit key.",
    },
    "zh-CN": {
      summary: "选择器 {selector} 的 RSA 密钥为 {bits} 位，超出验证方必须支持的范围",
      why: "RFC 8301 §3.2 只要求验证方支持 1024 到 4096 位的密钥；更长的密钥在部分接收方可能无法验证。",
      fix: "请使用 2048 到 4096 位的密钥。",
    },
  },
  "dkim.key.pkcs1": {
    en: {
      summary: "The RSA key for selector {selector} is published in PKCS#1 form, not SubjectPublicKeyInfo",
      why: 'RFC 6376 specifies the SubjectPublicKeyInfo encoding (base64 starting with "MII...BAQEFAAO"). Many verifiers accept bare PKCS#1 keys, some reject them.',
      fix: "Re-export the public key as SubjectPublicKeyInfo, e.g. openssl rsa -in key.pem -pubout -outform DER | base64 -w0.",
    },
    "zh-CN": {
      summary: "选择器 {selector} 的 RSA 密钥以 PKCS#1 格式发布，而不是 SubjectPublicKeyInfo",
      why: 'RFC 6376 规定使用 SubjectPublicKeyInfo 编码（base64 以 "MII...BAQEFAAO" 开头）。许多验证方也接受裸 PKCS#1 密钥，但有些会拒绝。',
      fix: "以 SubjectPublicKeyInfo 格式重新导出公钥，例如 openssl rsa -in key.pem -pubout -outform DER | base64 -w0。",
    },
  },
  "dkim.key.testing": {
    en: {
      summary: "The DKIM key for selector {selector} is in testing mode (t=y)",
      why: "t=y asks verifiers to treat signed and unsigned mail alike; many ignore passing signatures from such keys, so DKIM gives no reputation or DMARC benefit.",
      fix: "Remove t=y once signing works.",
    },
    "zh-CN": {
      summary: "选择器 {selector} 的 DKIM 密钥处于测试模式（t=y）",
      why: "t=y 要求验证方对签名邮件与未签名邮件一视同仁；许多验证方会忽略此类密钥的通过结果，DKIM 因而对信誉和 DMARC 都没有帮助。",
      fix: "签名正常工作后删除 t=y。",
    },
  },
  "dkim.syntax.empty-tag": {
    en: {
      summary: 'Empty tag (";;") at position {position} of the DKIM record at {name}',
      why: "The tag-list grammar does not allow an empty entry between semicolons. Most verifiers tolerate it.",
      fix: "Remove the extra semicolon.",
    },
    "zh-CN": {
      summary: '{name} 的 DKIM 记录第 {position} 个字符处有空标签（";;"）',
      why: "标签列表语法不允许两个分号之间为空。大多数验证方能容忍。",
      fix: "删除多余的分号。",
    },
  },
  "dkim.syntax.missing-equals": {
    en: {
      summary: '"{text}" at position {position} of the DKIM record at {name} is not a tag=value pair',
      why: "Verifiers that parse strictly reject the record, and signatures with selector {selector} fail.",
      fix: "Correct the record at position {position}: separate tags with ';' and write each as name=value.",
    },
    "zh-CN": {
      summary: '{name} 的 DKIM 记录第 {position} 个字符处的 "{text}" 不是 标签=值 形式',
      why: "严格解析的验证方会拒绝该记录，使用选择器 {selector} 的签名将失败。",
      fix: "修正第 {position} 个字符处：标签之间用分号分隔，每项写成 名称=值。",
    },
  },
  "dkim.syntax.bad-name": {
    en: {
      summary: 'Invalid tag name "{text}" at position {position} of the DKIM record at {name}',
      why: "Tag names are letters, digits and '_' starting with a letter; strict verifiers reject the record.",
      fix: "Correct the tag name at position {position}.",
    },
    "zh-CN": {
      summary: '{name} 的 DKIM 记录第 {position} 个字符处的标签名 "{text}" 无效',
      why: "标签名只能由字母、数字和下划线组成且以字母开头；严格的验证方会拒绝该记录。",
      fix: "修正第 {position} 个字符处的标签名。",
    },
  },
  "dkim.syntax.bad-value-char": {
    en: {
      summary: 'Invalid character "{text}" in {tag}= at position {position} of the DKIM record at {name}',
      why: "Tag values may only contain printable ASCII other than ';' (plus folding whitespace); verifiers may reject the record.",
      fix: "Retype the value of {tag}= in plain ASCII.",
    },
    "zh-CN": {
      summary: '{name} 的 DKIM 记录中 {tag}= 在第 {position} 个字符处含有无效字符 "{text}"',
      why: "标签值只能包含除分号外的可打印 ASCII 字符（以及折叠空白）；验证方可能拒绝该记录。",
      fix: "用纯 ASCII 字符重新输入 {tag}= 的值。",
    },
  },
  "dkim.tag.duplicate": {
    en: {
      summary: "Tag {tag}= appears twice in the DKIM record at {name}",
      why: "RFC 6376 §3.2: a tag-list with a duplicated tag is invalid as a whole; verifiers reject the key and signatures with selector {selector} fail.",
      fix: "Keep one {tag}=.",
    },
    "zh-CN": {
      summary: "{name} 的 DKIM 记录中 {tag}= 出现了两次",
      why: "RFC 6376 §3.2 规定含重复标签的列表整体无效；验证方会拒绝该密钥，使用选择器 {selector} 的签名将失败。",
      fix: "只保留一个 {tag}=。",
    },
  },
};
