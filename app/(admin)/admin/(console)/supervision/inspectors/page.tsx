import type { Metadata } from "next";
import { DataTable } from "@/components/data-table";
import { Section } from "@/components/section";
import { requireRole } from "@/server/auth/guard";
import { getInspectors } from "@/server/queries/supervision";
import { ActiveToggle, AddInspectorForm } from "./forms";

export const metadata: Metadata = { title: "检查人员名录" };

export default async function InspectorsPage() {
  const user = await requireRole("supervisor");
  const people = await getInspectors({ actor: user });
  return (
    <>
      <h1 className="text-2xl font-bold">执法检查人员名录</h1>
      <p className="text-sm text-slate-600">
        双随机抽查从本部门在册的检查人员中为每个被抽中的主体随机选派两名。停用的人员保留在已有的抽查记录中，今后不再选派。
      </p>
      <Section id="add" title="新增检查人员">
        <div className="p-4">
          <AddInspectorForm />
        </div>
      </Section>
      <DataTable
        headers={["姓名", "执法证号", "状态", "操作"]}
        empty={people.length === 0 && "本部门还没有检查人员。"}
      >
        {people.map((p) => (
          <tr key={p.id} className="border-t border-slate-100">
            <td className="px-3 py-2">{p.name}</td>
            <td className="px-3 py-2 font-mono text-sm">{p.badgeNo}</td>
            <td className="px-3 py-2">{p.active ? "在册" : "已停用"}</td>
            <td className="px-3 py-2">
              <ActiveToggle id={p.id} active={p.active} name={p.name} />
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
