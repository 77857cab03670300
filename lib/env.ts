import fs from "node:fs";
import { z } from "zod";
import { demoMode } from "./env-public";
import { DEV_CPR_HASH_KEY } from "./staff/cpr";

/**
 * The server's configuration, read once from the environment and checked.
 * Nothing else in app/, components/ or lib/ reads process.env (lint holds the line).
 */
const optionalUrl = z.url({ error: "must be a URL" }).optional();
/** A key or certificate: the PEM text itself (newlines may be written \\n), or the path of a file holding it. */
const pem = z
  .string()
  .transform((value, ctx) => {
    if (value.includes("-----BEGIN")) return value.replace(/\\n/g, "\n");
    try {
      const text = fs.readFileSync(value, "utf8");
      if (text.includes("-----BEGIN")) return text;
    } catch {
      /* said below */
    }
    ctx.addIssue({ code: "custom", message: "must be PEM text, or the path of a readable file holding it" });
    return z.NEVER;
  })
  .optional();
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1)$/i;
const DEV_SECRET = "tell-it-once-development-secret-do-not-use-in-production";

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string({ error: "DATABASE_URL is missing: start the app with `npm run dev` or set it to a PostgreSQL URL" })
      .regex(/^postgres(ql)?:\/\/\S+$/, "DATABASE_URL must be a postgresql:// URL"),
    /** Where citizens reach the app; links in mail and passkeys use its host name. */
    APP_URL: z.url({ error: "APP_URL must be a URL like https://fortael.kommune.dk" }).default("http://localhost:3000"),
    /** Signs sessions and tokens: 32 characters or more in production. */
    AUTH_SECRET: z.string().min(32, { error: "AUTH_SECRET must be at least 32 characters" }).optional(),
    /** Keys the hash of CPR numbers (exact lookup; the number itself is never stored): 32 characters or more, required in production. Changing it orphans the stored hashes. */
    CPR_HASH_KEY: z.string().min(32, { error: "CPR_HASH_KEY must be at least 32 characters" }).optional(),
    /** The header a trusted reverse proxy sets to the client's address (e.g. x-real-ip). Unset: rate limits are shared per path. */
    TRUSTED_PROXY_IP_HEADER: z
      .string()
      .regex(/^[a-z0-9-]+$/i, { error: "TRUSTED_PROXY_IP_HEADER must be a header name" })
      .optional(),
    /** How many sign-in links one client may ask for, and open, per minute. */
    AUTH_MAGIC_LINK_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(5),
    /**
     * How many sign-in links may be sent to one address per 15 minutes, from however many clients.
     * The demo build's made-up people may sign in as often as anyone likes.
     */
    SIGN_IN_LINKS_PER_ADDRESS: z.coerce
      .number()
      .int()
      .min(1)
      .max(10_000)
      .default(demoMode ? 10_000 : 5),
    /** How many wrong invite links one client may try per 15 minutes before it is made to wait. */
    INVITE_ATTEMPTS_PER_WINDOW: z.coerce.number().int().min(1).max(100_000).default(10),
    /**
     * The mail server that sends sign-in links (SMTP). Without it a production build sends no mail:
     * it says so at start and /api/ready answers 503. The demo build puts mail in its outbox instead.
     */
    SMTP_HOST: z
      .string()
      .regex(/^([a-z0-9.-]+|[0-9a-f:]+)$/i, { error: "SMTP_HOST must be a host name or address (no port: that is SMTP_PORT)" })
      .optional(),
    /** Default: 465 with SMTP_SECURITY=tls, else 587. */
    SMTP_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
    /** starttls (port 587, the default: upgrade, and refuse to send without TLS), tls (port 465), or none (a relay on this machine only). */
    SMTP_SECURITY: z.enum(["starttls", "tls", "none"], { error: "SMTP_SECURITY must be starttls, tls or none" }).default("starttls"),
    SMTP_USER: z.string().optional(),
    SMTP_PASSWORD: z.string().optional(),
    /** Who the mail is from, e.g. "Fortæl det én gang <noreply@solbjerg.dk>". */
    MAIL_FROM: z
      .string()
      .regex(/^([^<>]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/, { error: "MAIL_FROM must be an address, or a name and <address>" })
      .optional(),
    /** The staff identity provider (OIDC). Explicit endpoints avoid depending on discovery at start. */
    STAFF_OIDC_ISSUER: optionalUrl,
    STAFF_OIDC_CLIENT_ID: z.string().optional(),
    STAFF_OIDC_CLIENT_SECRET: z.string().optional(),
    STAFF_OIDC_AUTHORIZATION_URL: optionalUrl,
    STAFF_OIDC_TOKEN_URL: optionalUrl,
    STAFF_OIDC_USERINFO_URL: optionalUrl,
    /**
     * MitID through NemLog-in (SAML 2.0, OIOSAML 3), or through a broker or bridge (OpenID Connect): one of the two.
     * PEM values may be given as the PEM text or as a path to a file holding it. docs/operations.md
     */
    MITID_SAML_ENTRY_POINT: optionalUrl,
    MITID_SAML_IDP_CERT: pem,
    MITID_SAML_IDP_ISSUER: z.string().optional(),
    MITID_SAML_SP_KEY: pem,
    MITID_SAML_SP_CERT: pem,
    /** The key that decrypts NemLog-in's encrypted assertions; default MITID_SAML_SP_KEY. */
    MITID_SAML_DECRYPTION_KEY: pem,
    MITID_SAML_CPR_ATTRIBUTE: z.string().default("https://data.gov.dk/model/core/eid/cprNumber"),
    MITID_SAML_LEVEL_ATTRIBUTE: z.string().default("https://data.gov.dk/concept/core/nsis/loa"),
    /**
     * The rights the municipality registered for this service with Digital Fuldmagt, as NemLog-in sends them in
     * the privilege attribute: seeing the plan, writing in it, answering consent requests for the citizen.
     */
    MITID_PRIVILEGE_SEE_PLAN: z.string().default("urn:dk:kommune:fortaeldetengang:privilege:se-plan"),
    MITID_PRIVILEGE_WRITE_PLAN: z.string().default("urn:dk:kommune:fortaeldetengang:privilege:skrive-i-plan"),
    MITID_PRIVILEGE_ANSWER_CONSENTS: z.string().default("urn:dk:kommune:fortaeldetengang:privilege:svare-paa-samtykke"),
    MITID_OIDC_ISSUER: optionalUrl,
    MITID_OIDC_CLIENT_ID: z.string().optional(),
    MITID_OIDC_CLIENT_SECRET: z.string().optional(),
    /** The scopes asked of the broker: the CPR number and level often come with a scope of the broker's own. */
    MITID_OIDC_SCOPES: z.string().default("openid profile"),
    MITID_OIDC_CPR_CLAIM: z.string().default("nin"),
    MITID_OIDC_LEVEL_CLAIM: z.string().default("acr"),
    /** What the broker is asked for (acr_values); default NemLog-in's URI for the required level. */
    MITID_OIDC_ACR_VALUES: z.string().optional(),
    /** The lowest NSIS level that lets a person in; Substantial for a plan holding health and social data. */
    MITID_REQUIRED_LEVEL: z
      .enum(["Low", "Substantial", "High"], { error: "MITID_REQUIRED_LEVEL must be Low, Substantial or High" })
      .default("Substantial"),
    /** How long a staff session lasts, in hours (a working day); then the caseworker signs in through the provider again. */
    STAFF_SESSION_HOURS: z.coerce.number().min(1).max(24).default(10),
    /**
     * Web push (VAPID): the key pair that signs what we send to browsers' push services, and who to contact
     * about it (mailto: or https:). Without them no push is sent and the settings page offers none.
     * `npm run admin -- vapid-keys` makes a pair.
     */
    VAPID_PUBLIC_KEY: z
      .string()
      .regex(/^[A-Za-z0-9_-]{80,90}$/, { error: "VAPID_PUBLIC_KEY must be a URL-safe base64 P-256 public key" })
      .optional(),
    VAPID_PRIVATE_KEY: z
      .string()
      .regex(/^[A-Za-z0-9_-]{40,46}$/, { error: "VAPID_PRIVATE_KEY must be a URL-safe base64 P-256 private key" })
      .optional(),
    VAPID_SUBJECT: z
      .string()
      .regex(/^(mailto:\S+@\S+|https:\/\/\S+)$/, { error: "VAPID_SUBJECT must be mailto:… or https://…" })
      .optional(),
    /** The SMS gateway's send endpoint (GatewayAPI's REST shape), its token, and the sender name (≤ 11 letters or digits). */
    SMS_GATEWAY_URL: optionalUrl,
    SMS_GATEWAY_TOKEN: z.string().optional(),
    SMS_SENDER: z
      .string()
      .regex(/^([A-Za-z0-9]{1,11}|\d{1,15})$/, { error: "SMS_SENDER must be up to 11 letters and digits, or up to 15 digits" })
      .optional(),
    /** The job queue's retries: the first wait in seconds, doubling, and how many times (then the delivery is dead). */
    NOTIFY_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    NOTIFY_RETRY_LIMIT: z.coerce.number().int().min(0).max(20).default(6),
    /** How often the worker looks for what has come due (deadlines, review dates, unanswered handovers), in seconds. */
    NOTIFY_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !demoMode && !env.AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "AUTH_SECRET is required in production" });
    }
    if (env.NODE_ENV === "production" && !demoMode && !env.CPR_HASH_KEY) {
      ctx.addIssue({ code: "custom", path: ["CPR_HASH_KEY"], message: "CPR_HASH_KEY is required in production" });
    }
    if (env.SMTP_HOST && !env.MAIL_FROM) {
      ctx.addIssue({ code: "custom", path: ["MAIL_FROM"], message: "MAIL_FROM is required with SMTP_HOST" });
    }
    if (env.SMTP_USER && !env.SMTP_PASSWORD) {
      ctx.addIssue({ code: "custom", path: ["SMTP_PASSWORD"], message: "SMTP_PASSWORD is required with SMTP_USER" });
    }
    if (env.SMTP_HOST && env.SMTP_SECURITY === "none" && !LOOPBACK.test(env.SMTP_HOST)) {
      ctx.addIssue({
        code: "custom",
        path: ["SMTP_SECURITY"],
        message: "SMTP_SECURITY=none sends sign-in links unencrypted: only for a mail relay on this machine (localhost)",
      });
    }
    if (env.MITID_SAML_ENTRY_POINT && env.MITID_OIDC_ISSUER) {
      ctx.addIssue({
        code: "custom",
        path: ["MITID_OIDC_ISSUER"],
        message: "MitID comes one way: set MITID_SAML_ENTRY_POINT or MITID_OIDC_ISSUER, not both",
      });
    }
    if (env.MITID_SAML_ENTRY_POINT) {
      for (const key of ["MITID_SAML_IDP_CERT", "MITID_SAML_SP_KEY", "MITID_SAML_SP_CERT"] as const)
        if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: `${key} is required with MITID_SAML_ENTRY_POINT` });
    }
    if (env.MITID_OIDC_ISSUER && !(env.MITID_OIDC_CLIENT_ID && env.MITID_OIDC_CLIENT_SECRET)) {
      ctx.addIssue({
        code: "custom",
        path: ["MITID_OIDC_CLIENT_ID"],
        message: "MITID_OIDC_CLIENT_ID and MITID_OIDC_CLIENT_SECRET are required with MITID_OIDC_ISSUER",
      });
    }
    if (Boolean(env.VAPID_PUBLIC_KEY) !== Boolean(env.VAPID_PRIVATE_KEY) || (env.VAPID_PUBLIC_KEY && !env.VAPID_SUBJECT)) {
      ctx.addIssue({
        code: "custom",
        path: ["VAPID_PUBLIC_KEY"],
        message: "web push needs VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT together",
      });
    }
    if (env.SMS_GATEWAY_URL && !(env.SMS_GATEWAY_TOKEN && env.SMS_SENDER)) {
      ctx.addIssue({
        code: "custom",
        path: ["SMS_GATEWAY_TOKEN"],
        message: "SMS_GATEWAY_TOKEN and SMS_SENDER are required with SMS_GATEWAY_URL",
      });
    }
    if (env.STAFF_OIDC_ISSUER && !env.STAFF_OIDC_CLIENT_ID) {
      ctx.addIssue({ code: "custom", path: ["STAFF_OIDC_CLIENT_ID"], message: "STAFF_OIDC_CLIENT_ID is required with STAFF_OIDC_ISSUER" });
    }
  })
  .transform((env) => ({
    ...env,
    AUTH_SECRET: env.AUTH_SECRET ?? DEV_SECRET,
    CPR_HASH_KEY: env.CPR_HASH_KEY ?? DEV_CPR_HASH_KEY,
    SMTP_PORT: env.SMTP_PORT ?? (env.SMTP_SECURITY === "tls" ? 465 : 587),
  }));

export type Env = z.infer<typeof schema>;

/** Parses an environment; throws one readable error naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  const issues = result.success ? [] : result.error.issues.map((i) => `- ${i.path.join(".")}: ${i.message}`);
  // links in mail and passkeys name this address: a production build must be told it, never guess localhost
  if (source.NODE_ENV === "production" && !demoMode && !source.APP_URL) issues.push("- APP_URL: APP_URL is required in production");
  if (!result.success || issues.length) {
    const problems = issues.join("\n");
    throw new Error(`The server's environment is not valid:\n${problems}`);
  }
  return result.data!;
}

let cached: Env | undefined;

/** The checked environment of this process (parsed on first use, not at import, so builds need no database). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
