import { notFound } from "next/navigation";

// Any path under a locale that no page answers gets the translated not-found page.
export default function CatchAll() {
  notFound();
}
