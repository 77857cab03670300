// drafts belong to the person signed in: one layout for every part with draft-keeping forms
export { default } from "@/app/[locale]/drafts-layout";
