import { finishOidc, redirectResponse } from "@/lib/mitid/sign-in";

// The broker sends the person back here with a code (lib/mitid/sign-in.ts).
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return redirectResponse(await finishOidc(new URL(request.url).searchParams, request.headers));
}
