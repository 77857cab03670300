import "server-only";
import { createHash, randomBytes } from "node:crypto";

/**
 * An invite link is a capability: 256 random bits, base64url in the link, and
 * only its SHA-256 stored. The plain token exists in the citizen's browser
 * (to hand over) and in the link; never in the database or a log.
 */
export const TOKEN_BYTES = 32;
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const newToken = () => randomBytes(TOKEN_BYTES).toString("base64url");
export const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");
export const looksLikeToken = (token: unknown): token is string => typeof token === "string" && TOKEN_PATTERN.test(token);
