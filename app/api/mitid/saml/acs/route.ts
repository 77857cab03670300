import { finishSaml, redirectResponse, SAML_FORM_LIMIT } from "@/lib/mitid/sign-in";

// NemLog-in posts its answer here (SAML HTTP-POST binding); lib/mitid/sign-in.ts checks it.
export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  // refused before it is read when it says it is larger than any response NemLog-in sends
  const size = Number(request.headers.get("content-length") ?? "0");
  const form = size > SAML_FORM_LIMIT * 1.4 ? new FormData() : await request.formData().catch(() => new FormData());
  return redirectResponse(await finishSaml(form, request.headers));
}
