// my page and my news: the navigation of the role I have (docs/decisions/035)
export { default } from "@/app/[locale]/account-layout";
