"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export interface NavItem {
  href: string;
  label: string;
  /** The emergency link stands out on every page. */
  danger?: boolean;
}

/** The role's navigation; the item whose address is the longest match for the page is current. */
export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const current = items
    .filter((i) => pathname === i.href || pathname.startsWith(`${i.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return items.map((item) => (
    <Link
      key={item.href}
      href={item.href}
      aria-current={item.href === current ? "page" : undefined}
      className={`inline-flex min-h-11 items-center border-b-2 px-3 text-sm font-medium ${
        item.href === current ? "border-brand-700" : "border-transparent"
      } ${item.danger ? "font-bold text-red-800" : item.href === current ? "text-brand-800" : "text-slate-700 hover:text-slate-900"}`}
    >
      {item.label}
    </Link>
  ));
}
