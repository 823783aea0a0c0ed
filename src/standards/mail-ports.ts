/**
 * Service names of the ports mail systems use: the eight an outside check tries (SMTP, submission,
 * IMAP, POP3) and those seen on a mail server itself (LMTP, ManageSieve, content filters).
 */
export const MAIL_PORTS: Readonly<Record<number, string>> = {
  25: "smtp",
  465: "submissions",
  587: "submission",
  2525: "smtp-alt",
  110: "pop3",
  995: "pop3s",
  143: "imap",
  993: "imaps",
  24: "lmtp",
  4190: "sieve",
  10024: "content-filter",
  10025: "content-filter-return",
  11332: "rspamd",
  11334: "rspamd-web",
};
