// News for me: the navigation of the role I have (docs/decisions/035, 040).
export { default } from "../me/page";
