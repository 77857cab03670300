/** The outcome of a plain form post, said at the top of the page it came back to. */
export function Notice({ text, kind }: { text: string; kind: "success" | "warning" }) {
  return (
    <p
      role={kind === "warning" ? "alert" : "status"}
      className={`border-s-4 p-4 ${kind === "warning" ? "border-warning bg-warning-light" : "border-success bg-success-light"}`}
    >
      {text}
    </p>
  );
}
