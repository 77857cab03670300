import { Link } from "@/lib/i18n/navigation";

/** The top of a page under "my plan": the way back, the page's name, and a line on what it is for. */
export function PageIntro({ back, title, intro }: { back: string; title: string; intro?: string }) {
  return (
    <>
      <p className="no-print">
        <Link href="/plan">{back}</Link>
      </p>
      <div>
        <h1>{title}</h1>
        {intro && <p className="mt-3 text-lg">{intro}</p>}
      </div>
    </>
  );
}
