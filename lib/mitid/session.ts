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
      mitidSession: createAuthEndpoint.serverOnly(
        { method: "POST", body: z.object({ userId: z.string().min(1), sharedComputer: z.boolean() }) },
        async (ctx) => {
          const user = await ctx.context.internalAdapter.findUserById(ctx.body.userId);
          if (!user) throw new APIError("NOT_FOUND");
          // the choice was read when the sign-in began: NemLog-in's cross-site answer brings no cookie of ours
          // (the last argument puts the override over the library's defaults for added fields, `sharedDevice` among them)
          const session = await ctx.context.internalAdapter.createSession(
            user.id,
            ctx.body.sharedComputer,
            { sharedDevice: ctx.body.sharedComputer },
            true,
          );
          if (!session) throw new APIError("INTERNAL_SERVER_ERROR");
          await setSessionCookie(ctx, { session, user }, ctx.body.sharedComputer);
          return ctx.json({ ok: true });
        },
      ),
    },
  }) satisfies BetterAuthPlugin;
