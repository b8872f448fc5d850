import { PAPER_METHODS, SERVICE_METHOD_LABEL, type ServiceMethod } from "@/lib/notify/service";
import { formatTimeZh } from "@/lib/web/format";
import { ServiceForm } from "./service-form";

export type NoticeView = {
  servedOn: string | null;
  servedAt: Date | null;
  method: ServiceMethod | null;
  note: string | null;
};

/**
 * Issue 22 §3, on a case page: how its notice was served, or 「未送达」 with what that holds up and, for an officer of
 * the department, the form to record a paper service.
 */
export function NoticeService({
  title,
  notice,
  unserved,
  caseType,
  caseId,
  canRecord,
  today,
}: {
  title: string;
  notice: NoticeView;
  /** what an unserved notice means for this case */
  unserved: string;
  caseType: "list_entry" | "repairs" | "objections";
  caseId: number;
  canRecord: boolean;
  today: string;
}) {
  return (
    <section aria-labelledby="service" className="rounded border border-slate-200 bg-white p-4">
      <h2 id="service" className="mb-2 text-lg font-semibold">
        {title}
      </h2>
      {notice.servedOn ? (
        <p className="text-sm">
          已于 {notice.servedOn} 送达
          {notice.method && `（${SERVICE_METHOD_LABEL[notice.method]}）`}
          {notice.servedAt && `，记录时间 ${formatTimeZh(notice.servedAt)}`}。{notice.note}
        </p>
      ) : (
        <>
          <p className="text-sm font-bold text-red-800">未送达：{unserved}</p>
          <p className="mt-1 text-sm text-slate-700">
            当事人在企业服务中阅读或签收，或经已核验的电子邮件、短信送达后，系统自动记录送达；否则请直接送达、邮寄或留置送达后在此登记。
          </p>
          {canRecord && (
            <div className="mt-3">
              <ServiceForm
                caseType={caseType}
                caseId={caseId}
                today={today}
                methods={PAPER_METHODS.map((m) => ({ value: m, label: SERVICE_METHOD_LABEL[m] }))}
              />
            </div>
          )}
        </>
      )}
    </section>
  );
}
