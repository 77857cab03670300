// Safe for the browser: the state of the invite form.
import type { FormState } from "@/lib/forms/form-state";

/** After an invitation: the link, once, to hand over (share, copy, QR code as a data: URL), and when it expires. */
export type InviteFormState = FormState & { link?: string; qr?: string; expiresAt?: string; name?: string };
