// The navigation slot (docs/decisions/040): on a page with no navigation of its own, none.
export default function NoNavigation() {
  return null;
}
