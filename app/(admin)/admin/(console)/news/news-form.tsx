"use client";

import { EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionForm, StateField, StateSelect, useFormAnswer } from "@/components/action-form";
import { FieldLabel } from "@/components/form";
import { NEWS_CATEGORIES, NEWS_CATEGORY_LABEL, newsFormSizeProblem } from "@/lib/content/news";
import type { ActionState } from "@/lib/web/action-state";

/**
 * The form goes to ./save (a route handler that counts the body, issue 20 N8), not to a server action: too much is
 * refused here before sending, and whatever the server refuses comes back as the same answer an action gives.
 */
function useSaveNews(isNew: boolean) {
  const router = useRouter();
  return async (_prev: ActionState, form: FormData): Promise<ActionState> => {
    const values = Object.fromEntries(
      [...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string"),
    );
    const size = [...form.values()].reduce((n, v) => n + (typeof v === "string" ? v.length * 3 : v.size), 0);
    const tooLarge = newsFormSizeProblem(size);
    if (tooLarge) return { ok: false, message: tooLarge, values };
    let r: Response;
    try {
      r = await fetch("/admin/news/save", { method: "POST", body: form });
    } catch {
      return { ok: false, message: "网络连接中断，稿件未保存，请稍后重试。", values };
    }
    const answer = (await r.json().catch(() => null)) as ActionState | { error: { message: string } } | null;
    if (!answer) return { ok: false, message: `保存失败（HTTP ${r.status}），请稍后重试。`, values };
    if ("error" in answer) return { ok: false, message: answer.error.message, values };
    if (answer?.ok && isNew) router.push(`/admin/news/${String(answer.data?.id)}?saved=1`);
    else if (answer?.ok) router.refresh();
    return answer;
  };
}

const BUTTONS = [
  ["加粗", "bold"],
  ["斜体", "italic"],
  ["二级标题", "h2"],
  ["三级标题", "h3"],
  ["列表", "bulletList"],
  ["编号", "orderedList"],
  ["引用", "blockquote"],
] as const;

/** The body in a TipTap editor (ProseMirror); its HTML travels in a hidden field and is cleaned on the server. */
function BodyEditor({ initial }: { initial: string }) {
  const state = useFormAnswer();
  const kept = state && !state.ok ? state.values?.bodyHtml : undefined;
  const [html, setHtml] = useState(typeof kept === "string" ? kept : initial);
  const editor = useEditor({
    extensions: [StarterKit.configure({ heading: { levels: [2, 3] } })],
    content: html,
    immediatelyRender: false,
    editorProps: {
      attributes: {
        class: "prose-news min-h-60 rounded-b border border-slate-300 bg-white px-3 py-2 focus:outline-none",
        "aria-label": "正文",
        "aria-multiline": "true",
        role: "textbox",
      },
    },
    onUpdate: ({ editor: e }) => setHtml(e.getHTML()),
  });
  const run = (k: (typeof BUTTONS)[number][1]) => {
    const c = editor?.chain().focus();
    if (!c) return;
    if (k === "h2" || k === "h3") c.toggleHeading({ level: k === "h2" ? 2 : 3 }).run();
    else if (k === "bold") c.toggleBold().run();
    else if (k === "italic") c.toggleItalic().run();
    else if (k === "bulletList") c.toggleBulletList().run();
    else if (k === "orderedList") c.toggleOrderedList().run();
    else c.toggleBlockquote().run();
  };
  const error = state && !state.ok ? state.fieldErrors?.bodyHtml : undefined;
  return (
    <div>
      <FieldLabel label="正文" required />
      <div
        role="toolbar"
        aria-label="正文格式"
        className="mt-1 flex flex-wrap gap-1 rounded-t border border-b-0 border-slate-300 bg-slate-50 p-1"
      >
        {BUTTONS.map(([label, k]) => (
          <button
            key={k}
            type="button"
            onClick={() => run(k)}
            className="rounded px-2 py-1 text-sm hover:bg-slate-200"
          >
            {label}
          </button>
        ))}
      </div>
      <EditorContent editor={editor} />
      <input type="hidden" name="bodyHtml" value={html} />
      {error && <p className="mt-1 text-sm text-red-700">{error}</p>}
    </div>
  );
}

export function NewsForm({
  item,
  cities,
}: {
  item?: {
    id: number;
    category: string;
    title: string;
    summary: string | null;
    bodyHtml: string;
    regionCode: string | null;
  };
  cities: { code: string; name: string }[];
}) {
  const save = useSaveNews(!item);
  return (
    <ActionForm action={save} submit={item ? "保存修改" : "保存为草稿"} pendingText="正在保存…" multipart>
      {item && <input type="hidden" name="id" value={item.id} />}
      <div className="grid gap-4 sm:grid-cols-3">
        <StateSelect
          label="栏目"
          name="category"
          defaultValue={item?.category}
          options={NEWS_CATEGORIES.map((c) => ({ value: c, label: NEWS_CATEGORY_LABEL[c] }))}
        />
        <StateSelect
          label="地区"
          name="regionCode"
          emptyLabel="全省"
          defaultValue={item?.regionCode ?? undefined}
          options={cities.map((c) => ({ value: c.code, label: c.name }))}
        />
      </div>
      <StateField label="标题" name="title" required maxLength={200} defaultValue={item?.title} />
      <StateField label="摘要" name="summary" maxLength={500} defaultValue={item?.summary ?? undefined} />
      <BodyEditor initial={item?.bodyHtml ?? ""} />
      <StateField
        label="附件（PDF，可多选）"
        name="attachments"
        type="file"
        accept="application/pdf,.pdf"
        multiple
        hint="每个不超过 10 MB，最多 5 个；以文件内容判断类型，只接受 PDF。"
      />
    </ActionForm>
  );
}
