"use client";

// If the navigation cannot be drawn (the database did not answer), the page goes on without it: the page has
// its own error message when it fails too, and one is enough (docs/decisions/040).
export default function NavigationError() {
  return null;
}
