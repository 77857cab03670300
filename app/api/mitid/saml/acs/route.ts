import { finishSaml, redirectResponse } from "@/lib/mitid/sign-in";

// NemLog-in posts its answer here (SAML HTTP-POST binding); lib/mitid/sign-in.ts checks it.
export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const form = await request.formData().catch(() => new FormData());
  return redirectResponse(await finishSaml(form, request.headers));
}
