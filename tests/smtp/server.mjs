// A real SMTP server on this machine for the tests: it takes every mail (no TLS,
// no login: it listens on 127.0.0.1 only) and keeps what arrived, parsed. Never
// for production. Mail to an address at refused.example is refused (550).
// Run as a script it also answers GET /messages?to=<address>
// over HTTP on SMTP_TEST_HTTP_PORT, so browser tests can read their mail, and
// POST /control/fail?count=N (the next N mails are refused with 451, "try again
// later") and POST /control/hang?count=N (the next N are held, never answered),
// so tests can fail a delivery on purpose.
import http from "node:http";
import { fileURLToPath } from "node:url";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";

/**
 * @param {{ port?: number }} [options] port 0 picks a free one
 * @typedef {{ to: string[], from: string, subject: string, text: string, html: string, messageId: string, headers: Record<string, string> }} ReceivedMail
 * @returns {Promise<{ port: number, messages: ReceivedMail[], controls: { fail: number, hang: number, held: number }, waitFor: (to: string, timeoutMs?: number) => Promise<ReceivedMail>, stop: () => Promise<void> }>}
 */
export async function startSmtpServer({ port = 0 } = {}) {
  const messages = [];
  const waiting = [];
  const controls = { fail: 0, hang: 0, held: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    // a mail server that says no, for tests of what the app says then
    onRcptTo(address, _session, callback) {
      if (address.address.toLowerCase().endsWith("@refused.example"))
        return callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      if (controls.hang > 0) {
        controls.hang--;
        controls.held++;
        stream.resume(); // read it all, and never answer: the sender waits until it gives up or dies
        return;
      }
      if (controls.fail > 0) {
        controls.fail--;
        stream.resume();
        return stream.on("end", () => callback(Object.assign(new Error("Try again later"), { responseCode: 451 })));
      }
      simpleParser(stream)
        .then((parsed) => {
          const message = {
            messageId: parsed.messageId ?? "",
            // the raw header lines, as a mail program reads them
            headers: Object.fromEntries((parsed.headerLines ?? []).map((h) => [h.key, h.line.slice(h.line.indexOf(":") + 1).trim()])),
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            from: parsed.from?.text ?? "",
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
          };
          messages.push(message);
          for (const w of [...waiting]) {
            if (!message.to.includes(w.to)) continue;
            waiting.splice(waiting.indexOf(w), 1);
            w.resolve(message);
          }
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return {
    port: server.server.address().port,
    messages,
    controls,
    waitFor(to, timeoutMs = 10_000) {
      const address = to.toLowerCase();
      const found = messages.findLast((m) => m.to.includes(address));
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const entry = { to: address, resolve };
        waiting.push(entry);
        setTimeout(() => {
          if (!waiting.includes(entry)) return;
          waiting.splice(waiting.indexOf(entry), 1);
          reject(new Error(`no mail to ${to} within ${timeoutMs} ms`));
        }, timeoutMs);
      });
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const smtp = await startSmtpServer({ port: Number(process.env.SMTP_TEST_PORT ?? 2525) });
  const httpPort = Number(process.env.SMTP_TEST_HTTP_PORT ?? 2526);
  http
    .createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      if (url.pathname === "/health") return res.end("ok");
      if (req.method === "POST" && url.pathname.startsWith("/control/")) {
        const what = url.pathname.slice("/control/".length);
        if (what === "reset") smtp.controls.fail = smtp.controls.hang = 0;
        else if (what in smtp.controls) smtp.controls[what] = Number(url.searchParams.get("count") ?? 1);
        else return ((res.statusCode = 404), res.end());
        return res.end("ok");
      }
      if (url.pathname !== "/messages") return ((res.statusCode = 404), res.end());
      const to = (url.searchParams.get("to") ?? "").toLowerCase();
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(smtp.messages.filter((m) => !to || m.to.includes(to))));
    })
    .listen(httpPort, "127.0.0.1", () => console.log(`[smtp] test mail server on ${smtp.port}, messages on http://127.0.0.1:${httpPort}`));
  const stop = async () => (await smtp.stop(), process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
