"use client";
import { createAuthClient } from "better-auth/react";
import { passkeyClient } from "@better-auth/passkey/client";

/** The browser side of sign-in: passkeys only; everything else is a plain form. */
export const authClient = createAuthClient({ plugins: [passkeyClient()] });
