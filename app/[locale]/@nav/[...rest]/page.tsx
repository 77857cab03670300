// Every address with no role navigation matches here, so a move from a page with one clears it (docs/decisions/040).
export { default } from "../default";
