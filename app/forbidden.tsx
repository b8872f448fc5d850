import { AccessNotice } from "@/components/access-notice";

export default function Forbidden() {
  return (
    <AccessNotice
      title="无权访问（403）"
      text="您的角色或管辖范围不包括此页面。此次访问已记入审计日志。"
      back={{ href: "/", label: "返回首页" }}
    />
  );
}
