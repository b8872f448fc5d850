import Link from "next/link";

/**
 * A bar of section links, as the public site, the console and the business portal show them; the inbox link carries
 * the count of 站内信 not yet opened (issue 22 §2).
 */
export function NavLinks({
  items,
  listClass = "flex flex-wrap text-sm",
  linkClass,
  inbox,
}: {
  items: readonly { href: string; label: string }[];
  listClass?: string;
  /** the hover and focus colours of the bar */
  linkClass: string;
  inbox?: { href: string; unread: number };
}) {
  return (
    <ul className={listClass}>
      {items.map((n) => (
        <li key={n.href}>
          <Link href={n.href} className={`block px-3 py-2.5 ${linkClass}`}>
            {n.label}
            {n.href === inbox?.href && inbox.unread > 0 && (
              <span className="ml-1 rounded-full bg-red-600 px-1.5 text-xs text-white">
                {inbox.unread}
                <span className="sr-only">条未读</span>
              </span>
            )}
          </Link>
        </li>
      ))}
    </ul>
  );
}
