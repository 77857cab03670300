import { mitidWay } from "@/lib/mitid/config";
import { samlMetadata } from "@/lib/mitid/saml";

// This service's SAML metadata, for registering it with NemLog-in (docs/operations.md).
export const dynamic = "force-dynamic";

export async function GET() {
  if (mitidWay() !== "saml") return new Response(null, { status: 404 });
  return new Response(samlMetadata(), { headers: { "Content-Type": "application/samlmetadata+xml", "Cache-Control": "no-store" } });
}
