import Link from "next/link";

/** A console 403 keeps the console around it (issue 10). */
export default function ConsoleForbidden() {
  return (
    <div className="mx-auto my-10 max-w-xl rounded bg-white p-6 shadow">
      <h1 className="mb-2 text-xl font-bold">无权访问（403）</h1>
      <p className="text-slate-700">您的角色或管辖范围不包括此页面。此次访问已记入审计日志。</p>
      <Link href="/admin/account" className="mt-4 inline-block text-brand-700 underline">
        返回账号安全
      </Link>
    </div>
  );
}
