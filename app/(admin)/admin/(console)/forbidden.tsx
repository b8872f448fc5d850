import { AccessNotice } from "@/components/access-notice";

/** A console 403 keeps the console around it (issue 10). */
export default function ConsoleForbidden() {
  return (
    <AccessNotice
      title="无权访问（403）"
      text="您的角色或管辖范围不包括此页面。此次访问已记入审计日志。"
      back={{ href: "/admin/account", label: "返回账号安全" }}
    />
  );
}
