import "server-only";
import { z } from "zod";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthEndpoint } from "better-auth/api";
import { setSessionCookie } from "better-auth/cookies";

/**
 * A session for a person MitID has vouched for, made inside the sign-in library so its cookie and its
 * rows are the library's own. Server-only: no address reaches it; only the MitID routes call it, after
 * they have checked the response (lib/mitid/saml.ts, lib/mitid/oidc.ts).
 */
export const mitidSessions = () =>
  ({
    id: "mitid-sessions",
    endpoints: {
      mitidSession: createAuthEndpoint.serverOnly({ method: "POST", body: z.object({ userId: z.string().min(1) }) }, async (ctx) => {
        const user = await ctx.context.internalAdapter.findUserById(ctx.body.userId);
        if (!user) throw new APIError("NOT_FOUND");
        const session = await ctx.context.internalAdapter.createSession(user.id);
        if (!session) throw new APIError("INTERNAL_SERVER_ERROR");
        await setSessionCookie(ctx, { session, user });
        return ctx.json({ ok: true });
      }),
    },
  }) satisfies BetterAuthPlugin;
