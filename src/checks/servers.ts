import type { Check } from "../core/check.js";
import { mailboxCheck } from "./mailbox.js";
import { portsCheck } from "./ports.js";
import { relayCheck } from "./relay.js";
import { smtpCheck } from "./smtp.js";

/** The servers themselves: port matrix, SMTP sessions, the open-relay test, IMAP and POP3. */
export const serversChecks: Check[] = [portsCheck, smtpCheck, relayCheck, mailboxCheck];
