/**
 * Who is asking, as resolved once per request from the session (lib/auth).
 * Identity and scope come from here, never from the request body. What a
 * relative may see is not part of the Actor: lib/record reads it fresh from the
 * database on every call, so a revocation takes effect on the next click.
 */
export type StaffScope = { staffId: string; municipalityId: string; serviceAreaIds: readonly string[] };

export type Actor =
  | { kind: "anonymous" }
  | {
      kind: "user";
      userId: string;
      /** The record the user owns as a citizen, if any. */
      citizenId: string | null;
      staff: StaffScope | null;
    };

export const ANONYMOUS: Actor = { kind: "anonymous" };
