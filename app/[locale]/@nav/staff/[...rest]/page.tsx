// the same navigation on every page under this one
export { default } from "../page";
