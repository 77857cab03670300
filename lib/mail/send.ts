import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { systemDb } from "@/lib/db/system";
import { demoMode } from "@/lib/env-public";
import { env, type Env } from "@/lib/env";

/** A mail to one person, in their language: plain text, and the same as simple HTML. */
export type Mail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /**
   * A notification's delivery key: the mail's Message-ID is made from it, so a
   * retried delivery is the same message (mail programs that meet a Message-ID
   * twice show it once).
   */
  key?: string;
  /** The one-click stop link (RFC 8058): mail programs offer "unsubscribe" with it. */
  oneClickStop?: string;
};

/**
 * How this server sends mail. The demo build puts it in the demo outbox (a page
 * shows it); any other build sends it over SMTP, or, with no mail server set
 * up, sends nothing and says so (at start, in /api/ready, and by refusing),
 * so nothing ever pretends to have been sent (docs/operations.md).
 */
export type MailMode = "demo-outbox" | "smtp" | "not-configured";

export function mailMode(e: Env = env()): MailMode {
  if (demoMode) return "demo-outbox";
  return e.SMTP_HOST && e.MAIL_FROM ? "smtp" : "not-configured";
}

/** Thrown when mail cannot be sent; it names no recipient and no content, so it may be logged. */
export class MailNotSent extends Error {}

// One transport per server process and setting (kept across `next dev` reloads), with a small pool of connections.
const shared = globalThis as unknown as { __smtp?: { key: string; transport: Transporter } };

function smtp(e: Env): Transporter {
  const key = [e.SMTP_HOST, e.SMTP_PORT, e.SMTP_SECURITY, e.SMTP_USER].join("|");
  if (shared.__smtp?.key !== key) {
    shared.__smtp = {
      key,
      transport: nodemailer.createTransport({
        host: e.SMTP_HOST,
        port: e.SMTP_PORT,
        secure: e.SMTP_SECURITY === "tls",
        requireTLS: e.SMTP_SECURITY === "starttls",
        ignoreTLS: e.SMTP_SECURITY === "none",
        auth: e.SMTP_USER ? { user: e.SMTP_USER, pass: e.SMTP_PASSWORD } : undefined,
        // a few connections kept open and reused: a worker sending many mails does not shake hands (TLS) for each
        pool: true,
        maxConnections: 5,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      }),
    };
  }
  return shared.__smtp.transport;
}

/** Sends a mail, or throws MailNotSent. */
export async function sendMail(mail: Mail): Promise<void> {
  const e = env();
  const mode = mailMode(e);
  if (mode === "demo-outbox") {
    await systemDb().outboxEmail.create({ data: { to: mail.to, subject: mail.subject, body: mail.text } });
    return;
  }
  if (mode === "not-configured") throw new MailNotSent("no mail server is set up (SMTP_HOST, MAIL_FROM): see docs/operations.md");
  try {
    await smtp(e).sendMail({
      from: e.MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      ...(mail.key ? { messageId: `<${mail.key.replace(/[^A-Za-z0-9.-]/g, ".")}@${new URL(e.APP_URL).hostname}>` } : {}),
      ...(mail.oneClickStop
        ? { headers: { "List-Unsubscribe": `<${mail.oneClickStop}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } }
        : {}),
    });
  } catch (error) {
    // the reason, never the address or the words (a sign-in link is a key)
    const e = (typeof error === "object" && error ? error : {}) as { code?: unknown; responseCode?: unknown };
    const code = [e.responseCode, e.code].filter(Boolean).join(" ") || "unknown";
    throw new MailNotSent(`the mail server did not take the mail (${code})`);
  }
}
