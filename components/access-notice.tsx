import Link from "next/link";

/** The card of a refused or missing page (403, 404): what happened and where to go instead. */
export function AccessNotice({
  title,
  text,
  back,
}: {
  title: string;
  text: string;
  back: { href: string; label: string };
}) {
  return (
    <div className="mx-auto my-10 max-w-xl rounded bg-white p-6 shadow">
      <h1 className="mb-2 text-xl font-bold">{title}</h1>
      <p className="text-slate-700">{text}</p>
      <Link href={back.href} className="mt-4 inline-block text-brand-700 underline">
        {back.label}
      </Link>
    </div>
  );
}
