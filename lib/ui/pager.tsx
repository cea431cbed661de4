import Link from "next/link";

/**
 * Previous / Next between the pages of a list, with where the reader is. Nothing when the list
 * fits on one page. `href` names the page's address (the list keeps its own filters in it).
 */
export function Pager({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  const link = "inline-flex min-h-11 items-center text-brand-700 underline";
  return (
    <nav aria-label="Pages" className="flex items-center gap-4">
      {page > 1 && <Link href={href(page - 1)} className={link}>Previous</Link>}
      <span aria-current="page" className="text-sm text-slate-700">Page {page} of {pages}</span>
      {page < pages && <Link href={href(page + 1)} className={link}>Next</Link>}
    </nav>
  );
}
