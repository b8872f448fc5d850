/** `action` is the search server action (POST keeps ID numbers out of URLs); the page passes it in. */
export function SearchBox({
  action,
  defaultValue = "",
  large = false,
}: {
  action: (formData: FormData) => Promise<void>;
  defaultValue?: string;
  large?: boolean;
}) {
  return (
    <search className="block w-full">
      <form action={action} className="flex w-full gap-2">
        <QueryField
          defaultValue={defaultValue}
          className={`flex-1 bg-white text-slate-900 placeholder:text-slate-500 ${large ? "py-3 text-lg" : "py-2"}`}
        />
        <button
          type="submit"
          className={`shrink-0 rounded bg-seal px-5 font-medium text-white hover:bg-red-800 ${large ? "text-lg" : ""}`}
        >
          查询
        </button>
      </form>
    </search>
  );
}

/** The search's query field (the home page's box and the search page's form): a name, a code or pinyin initials. */
export function QueryField({ defaultValue, className }: { defaultValue: string; className: string }) {
  return (
    <>
      <label htmlFor="q" className="sr-only">
        主体名称、统一社会信用代码或拼音首字母
      </label>
      <input
        id="q"
        name="q"
        type="search"
        defaultValue={defaultValue}
        maxLength={100}
        placeholder="输入企业名称、统一社会信用代码或名称拼音首字母"
        className={`min-w-0 rounded border border-slate-300 px-3 ${className}`}
      />
    </>
  );
}
