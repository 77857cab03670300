// the same navigation on every page of this shared plan
export { default } from "../page";
