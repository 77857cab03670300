import { stop } from "@/lib/notify/stop";

/**
 * One-click unsubscribe (RFC 8058): mail programs POST here from the mail's
 * List-Unsubscribe header. The signed token is the only authority, and it can
 * only stop messages. GET does nothing: a link checker must not stop anyone's mail.
 */
export async function POST(request: Request) {
  const stopped = await stop(new URL(request.url).searchParams.get("t"));
  return new Response(null, { status: stopped ? 200 : 400, headers: { "cache-control": "no-store" } });
}
