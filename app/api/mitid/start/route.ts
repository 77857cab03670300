import { redirectResponse, startMitid } from "@/lib/mitid/sign-in";

// "Log ind med MitID": off to NemLog-in or the broker (lib/mitid/sign-in.ts).
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return redirectResponse(await startMitid(new URL(request.url).searchParams, request.headers));
}
