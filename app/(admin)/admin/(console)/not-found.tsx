import { AccessNotice } from "@/components/access-notice";

/** A console 404 keeps the console around it (issue 10): out of scope reads the same as not there. */
export default function ConsoleNotFound() {
  return (
    <AccessNotice
      title="未找到（404）"
      text="该页面或记录不存在，或不在您的管辖范围内。"
      back={{ href: "/admin", label: "返回工作台" }}
    />
  );
}
