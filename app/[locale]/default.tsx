// The page slot beside the navigation slot (app/[locale]/@nav): where Next.js cannot tell which page a
// slot was on after a reload, the page is the translated not-found one (docs/decisions/040).
export { default } from "./[...rest]/page";
