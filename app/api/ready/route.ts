import { checkReadiness } from "@/lib/health/ready";

// Readiness for operators and load balancers: the database answers, and sign-in links can be sent.
export const dynamic = "force-dynamic";

export async function GET() {
  const result = await checkReadiness();
  const headers = { "Cache-Control": "no-store" };
  if (result.ready) return Response.json({ status: "ready", database: "ok", mail: result.mail, ms: result.ms }, { headers });
  const why = "mail" in result ? { database: result.database, mail: result.mail } : { database: result.database };
  return Response.json({ status: "unavailable", ...why }, { status: 503, headers });
}
