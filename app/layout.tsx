import type { ReactNode } from "react";

// The real root layout is app/[locale]/layout.tsx. This one only exists so that
// app/not-found.tsx can answer paths outside any locale.
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
