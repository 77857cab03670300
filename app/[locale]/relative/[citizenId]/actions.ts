"use server";

import { buttonActionFor, formActionFor, type Refresh } from "@/lib/forms/form-action";
import { answerConsentRequest } from "@/lib/consents/requests";
import { addNetworkMember } from "@/lib/network/commands";
import { addCheckIn, saveOwnSpace } from "@/lib/relatives/space";
import { askAsRelative } from "@/lib/relatives/contact";

// A relative's actions on a plan shared with them. The plan's id is bound on the
// page; whether they may do it is decided by the gate (or, for their own space,
// by their own active relationship), on every call.

const done = ({ citizenId }: { citizenId: string }): Refresh[] => [{ layout: `/relative/${citizenId}` }];

export const relativeAddPerson = formActionFor({
  command: addNetworkMember,
  fields: ["kind", "name", "relation", "closeness", "helpsWith", "contact"],
  revalidate: done,
});

export const saveSpaceAction = formActionFor({
  command: saveOwnSpace,
  fields: ["helpWish", "canDo", "needsRespite", "wantsPeers", "wantsCoordinator", "sharedWithCitizen", "sharedWithStaff", "version"],
  revalidate: done,
  onSaved: (value) => ({ status: "saved", version: value.version }),
});

export const checkInAction = formActionFor({ command: addCheckIn, fields: ["feeling", "note"], revalidate: done });

/** "Contact me": about the citizen (when they allow it) or about my own situation. */
export const relativeAskContact = formActionFor({ command: askAsRelative, fields: ["about", "text", "channel"], revalidate: done });

/** Under a power of attorney: answering a request for consent for the citizen (logged as done for them). */
export const proxyAnswerConsentAction = buttonActionFor({
  command: answerConsentRequest,
  input: (formData) => ({
    answer: formData.get("answer"),
    requestId: formData.get("requestId"),
    parts: formData.getAll("parts"),
    duration: formData.get("duration"),
  }),
  revalidate: ({ citizenId }) => [{ layout: `/relative/${citizenId}` }],
  ok: (formData) => (formData.get("answer") === "APPROVE" ? "approved" : "declined"),
  refused: ["invalid"],
  back: (notice, { citizenId }) => `/relative/${citizenId}?notice=${notice}`,
});
