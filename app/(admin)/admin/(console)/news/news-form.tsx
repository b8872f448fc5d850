"use client";

import { EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useState } from "react";
import { ActionForm, StateField, StateSelect, useFormAnswer } from "@/components/action-form";
import { NEWS_CATEGORIES, NEWS_CATEGORY_LABEL } from "@/lib/content/news";
import { saveNewsAction } from "./actions";

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
      <span className="text-sm font-medium">
        正文<span className="ml-0.5 text-red-700">*</span>
      </span>
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
  return (
    <ActionForm
      action={saveNewsAction}
      submit={item ? "保存修改" : "保存为草稿"}
      pendingText="正在保存…"
      multipart
    >
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
