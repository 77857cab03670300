import "server-only";
import { createHmac } from "node:crypto";
import { env } from "@/lib/env";

/** An opaque key for whose drafts a browser holds: the same for one person, telling nothing about them. */
export const draftOwner = (userId: string) => createHmac("sha256", env().AUTH_SECRET).update(`drafts:${userId}`).digest("hex").slice(0, 32);
