import Link from "next/link";

/** A console 404 keeps the console around it (issue 10): out of scope reads the same as not there. */
export default function ConsoleNotFound() {
  return (
    <div className="mx-auto my-10 max-w-xl rounded bg-white p-6 shadow">
      <h1 className="mb-2 text-xl font-bold">未找到（404）</h1>
      <p className="text-slate-700">该页面或记录不存在，或不在您的管辖范围内。</p>
      <Link href="/admin" className="mt-4 inline-block text-brand-700 underline">
        返回工作台
      </Link>
    </div>
  );
}
