"use server";

import { setAgreementStatus } from "@/lib/agreements/commands";
import { closeContactRequest } from "@/lib/contact-requests/commands";
import { answerHandover, offerHandover, takeRedThread, withdrawHandover } from "@/lib/red-thread/commands";
import { buttonActionFor, formActionFor, type Refresh } from "@/lib/forms/form-action";
import { proposeGoalStep } from "@/lib/goals/commands";
import { sendMessage } from "@/lib/messages/commands";
import { recordConsent, recordWithdrawal } from "@/lib/consents/recorded";
import { recordYes, writeWith } from "@/lib/written-with/commands";
import { answerRelativeOwn } from "@/lib/relatives/contact";
import { recordPower, recordPowerEnd } from "@/lib/attorney/commands";
import { stateReason } from "@/lib/staff/need-to-know";

// A caseworker's actions on one citizen's shared plan (the citizen id is bound
// on the page). Who acts, and for which area, comes from the session; the
// gate decides on every call. Forms get their state back; one-button forms
// come back to the page with a notice code.

const page = (citizenId: string) => `/staff/citizens/${encodeURIComponent(citizenId)}`;
const thisPage = ({ citizenId }: { citizenId: string }): Refresh[] => [page(citizenId)];
const backWith = (notice: string, { citizenId }: { citizenId: string }) => `${page(citizenId)}?notice=${notice}`;

/** Why I look at a plan of someone I do not work with: logged for the citizen, told to the area's leads. */
export const stateReasonAction = formActionFor({ command: stateReason, fields: ["reason"], revalidate: thisPage });

export const offerHandoverAction = formActionFor({ command: offerHandover, fields: ["toStaffId", "note"], revalidate: thisPage });

/** Accepting the red thread: with the colleague's word that they have read the plan. */
export const acceptHandoverAction = formActionFor({
  command: answerHandover,
  fields: ["handoverId", "planRead"],
  input: () => ({ answer: "ACCEPT" }),
  revalidate: [{ layout: "/staff" }],
});

export const declineHandoverAction = buttonActionFor({
  command: answerHandover,
  input: (formData) => ({ handoverId: formData.get("handoverId"), answer: "DECLINE", planRead: "" }),
  revalidate: thisPage,
  ok: "declined",
  back: backWith,
});

export const withdrawHandoverAction = buttonActionFor({
  command: withdrawHandover,
  input: (formData) => ({ handoverId: formData.get("handoverId") }),
  revalidate: thisPage,
  ok: "withdrawn",
  back: backWith,
});

export const takeRedThreadAction = buttonActionFor({ command: takeRedThread, revalidate: thisPage, ok: "taken", back: backWith });

/** Closing "contact me" by writing down the agreement made, which the citizen then sees. */
export const closeContactRequestAction = formActionFor({
  command: closeContactRequest,
  fields: ["requestId", "what", "dueOn"],
  revalidate: thisPage,
});

export const sendMessageAction = formActionFor({ command: sendMessage, fields: ["text"], revalidate: thisPage });

export const proposeStepAction = formActionFor({ command: proposeGoalStep, fields: ["goalId", "text"], revalidate: thisPage });

/** Done, not done, or open again, by the area: a plain form, so it works without JavaScript. */
export const markAgreementStaffAction = buttonActionFor({
  command: setAgreementStatus,
  input: (formData) => ({ agreementId: formData.get("agreementId"), status: formData.get("status"), version: formData.get("version") }),
  revalidate: thisPage,
  ok: "marked",
  back: backWith,
});

/** A consent the citizen gave in a conversation or on paper, to my area. */
export const recordConsentAction = formActionFor({
  command: recordConsent,
  fields: ["serviceAreaId", "parts", "duration", "how", "agreed"],
  revalidate: [{ layout: "/staff" }],
});

/** A withdrawal the citizen told me, for any area. */
export const recordWithdrawalAction = formActionFor({
  command: recordWithdrawal,
  fields: ["serviceAreaId", "how", "agreed"],
  revalidate: [{ layout: "/staff" }],
});

/** Written with the citizen, for them to confirm: a part of their story, a goal, or their contact wishes. */
export const writeWithAction = formActionFor({
  command: writeWith,
  fields: [
    "target",
    "storyKind",
    "text",
    "title",
    "whyItMatters",
    "channel",
    "times",
    "visit",
    "language",
    "interpreter",
    "someonePresent",
  ],
  revalidate: thisPage,
});

/** The citizen said yes to me: recorded, applied, and the citizen is told (they can undo it). */
export const recordYesAction = formActionFor({
  command: recordYes,
  fields: ["writtenWithId", "target", "agreed"],
  revalidate: thisPage,
});

/** What was agreed with a relative about their own situation: theirs alone, not in the citizen's plan. */
export const answerRelativeOwnAction = formActionFor({ command: answerRelativeOwn, fields: ["requestId", "what"], revalidate: thisPage });

/** A power of attorney on paper, or a guardianship, for the citizen: the holder's CPR number is never given back. */
export const recordPowerAction = formActionFor({
  command: recordPower,
  fields: ["holderName", "source", "rights", "until", "seen"],
  input: (formData) => ({ holderCpr: formData.get("holderCpr"), rights: formData.getAll("rights") }),
  revalidate: thisPage,
});

/** A power of attorney on paper, or a guardianship, has ended: written down, and the holder can no longer act. */
export const recordPowerEndAction = buttonActionFor({
  command: recordPowerEnd,
  input: (formData) => ({ powerId: formData.get("powerId") }),
  revalidate: thisPage,
  ok: "power-ended",
  refused: ["invalid"],
  back: backWith,
});
