import type { Metadata } from "next";
import Link from "next/link";
import { PLATFORM_TABS } from "@/lib/web/navigation";
import { requireRole } from "@/server/auth/guard";

export const metadata: Metadata = { title: "部门协同" };

const ABOUT: Record<(typeof PLATFORM_TABS)[number]["href"], string> = {
  "/admin/platform/checks":
    "办理许可、资金、采购、招投标、评优等事项前核查主体所在名单，按措施清单实施奖惩并反馈执行情况。",
  "/admin/platform/checks/statistics": "各部门、各项措施的核查次数、命中次数、已反馈和逾期未反馈情况。",
  "/admin/platform/measures": "联合奖惩措施清单：每项措施对应的名单、事项、依据和奖惩类别。",
  "/admin/platform/catalogue":
    "公共信用信息资源目录：各部门数据项的共享属性（公开、授权查询、内部）和更新频率。",
  "/admin/platform/quality": "双公示数据上网及时率、完整率、有效率和统一社会信用代码重错码率。",
  "/admin/platform/institutions": "经书面授权查询信用信息的金融机构、招标代理机构及其接口密钥。",
  "/admin/platform/government": "机关、事业单位的政务承诺履约情况和政务失信记录。",
};

/** Issue 23: the platform between departments — the parts this user's roles open. */
export default async function PlatformPage() {
  const user = await requireRole("operator", "reviewer", "supervisor", "sysadmin");
  const tabs = PLATFORM_TABS.filter((t) => t.roles.some((r) => user.roles.includes(r)));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">部门协同</h1>
      <ul className="grid gap-3 sm:grid-cols-2">
        {tabs.map((t) => (
          <li key={t.href} className="rounded bg-white p-4 shadow">
            <Link href={t.href} className="font-semibold text-brand-700 underline">
              {t.label}
            </Link>
            <p className="mt-1 text-sm text-slate-600">{ABOUT[t.href]}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
