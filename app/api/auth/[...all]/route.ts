import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth/server";

// better-auth's endpoints: magic-link verify, passkeys, the staff OIDC callback, sessions.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return toNextJsHandler(auth()).GET(request);
}
export async function POST(request: Request) {
  return toNextJsHandler(auth()).POST(request);
}
