// The front page has no role navigation (docs/decisions/040).
export { default } from "./default";
