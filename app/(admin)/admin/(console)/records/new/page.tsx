import type { Metadata } from "next";
import Link from "next/link";
import { RECORD_KIND_LABEL } from "@/lib/records/record-fields";
import { firstParam } from "@/lib/web/query-string";
import { requireRole } from "@/server/auth/guard";
import { getDepartments } from "@/server/queries/departments";
import { getPolicy } from "@/server/settings";
import { parseKind, SAVE_ACTION } from "../kinds";
import { RecordForm } from "../record-form";

export const metadata: Metadata = { title: "新增信用记录" };

export default async function NewRecordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const user = await requireRole("operator");
  const kind = parseKind(firstParam((await searchParams).type)) ?? "penalty";
  const dept = (await getDepartments()).find((d) => d.id === user.departmentId);
  return (
    <div className="space-y-4">
      <Link href={`/admin/records?type=${kind}`} className="text-sm text-brand-700 underline">
        ← 返回列表
      </Link>
      <h1 className="text-2xl font-bold">新增{RECORD_KIND_LABEL[kind]}</h1>
      <p className="text-sm text-slate-600">
        决定机关和数据来源单位均为本单位：{dept?.name}
        。已有的统一社会信用代码若名称不同，将提交名称核对，不会直接改名。
      </p>
      <RecordForm
        kind={kind}
        action={SAVE_ACTION[kind]}
        defaults={{}}
        thresholdWan={(await getPolicy()).disclosureFineThresholdWan}
      />
    </div>
  );
}
