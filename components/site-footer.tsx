export function SiteFooter({ demo }: { demo: boolean }) {
  return (
    <footer className="mt-12 border-t border-slate-200 bg-white text-sm text-slate-600">
      <div className="mx-auto max-w-6xl space-y-1 px-4 py-6">
        <p>信用江西 · 江西省公共信用信息服务平台</p>
        <p>信用信息依据《江西省社会信用条例》归集和公示；对公示信息有异议的，可通过“异议申诉”提出。</p>
        <p>自然人信息依照《中华人民共和国个人信息保护法》脱敏展示。</p>
        {demo && <p className="text-amber-800">当前为演示系统，所载主体名称和信用记录均为虚构。</p>}
      </div>
    </footer>
  );
}
