import { SubNav } from "@/components/sub-nav";
import { requireRole } from "@/server/auth/guard";

const TABS = [
  { href: "/admin/supervision", label: "分级概览" },
  { href: "/admin/supervision/grades", label: "分级分类监管名单" },
  { href: "/admin/supervision/draws", label: "双随机抽查" },
  { href: "/admin/supervision/inspectors", label: "检查人员名录" },
  { href: "/admin/supervision/rules", label: "评价规则与抽查比例" },
];

export default async function SupervisionLayout({ children }: { children: React.ReactNode }) {
  await requireRole("supervisor");
  return (
    <div className="space-y-4">
      <SubNav label="分级监管" tabs={TABS} />
      {children}
    </div>
  );
}
