/** What a person sees when the server failed: no stack, no SQL; an id to quote to the help desk. */
export function ErrorNotice({ digest, onRetry }: { digest?: string; onRetry: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-3xl space-y-4 px-4 py-12">
      <h1 className="text-2xl font-bold">服务暂时不可用</h1>
      <p className="text-slate-700">
        系统处理您的请求时出现问题，请稍后重试。如问题持续，请联系网站管理员并提供错误编号。
      </p>
      {digest && (
        <p className="text-sm text-slate-600">
          错误编号：<code className="rounded bg-slate-100 px-1">{digest}</code>
        </p>
      )}
      <div className="flex gap-4">
        <button type="button" onClick={onRetry} className="rounded bg-brand-700 px-4 py-2 text-white">
          重试
        </button>
        <a href="/" className="px-2 py-2 text-brand-700 underline">
          返回首页
        </a>
      </div>
    </div>
  );
}
