import { checkReadiness } from "@/lib/health/ready";

// Readiness for operators and load balancers: the database answers.
export const dynamic = "force-dynamic";

export async function GET() {
  const result = await checkReadiness();
  const headers = { "Cache-Control": "no-store" };
  if (result.ready) return Response.json({ status: "ready", database: "ok", ms: result.ms }, { headers });
  return Response.json({ status: "unavailable", database: result.reason }, { status: 503, headers });
}
