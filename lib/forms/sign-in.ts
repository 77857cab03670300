// Safe for the browser: the state of the sign-in form (beside the form helpers, as lib/auth is server code).

/** A refused sign-in link: field errors or a form error as message keys, and the address as typed. */
export type SignInFormState = { fieldErrors?: Record<string, string[]>; formError?: string; email?: string };
