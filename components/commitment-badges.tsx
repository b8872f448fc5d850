import { COMMITMENT_TYPE_LABELS, FULFILMENT_LABELS } from "@/lib/records/labels";

type Props = {
  type: keyof typeof COMMITMENT_TYPE_LABELS;
  fulfilment: keyof typeof FULFILMENT_LABELS;
};

/** A public commitment's kind and how it is being kept, as the disclosure list and the profile both show them. */
export function CommitmentBadges({ type, fulfilment }: Props) {
  return (
    <>
      <span className="rounded bg-slate-100 px-1.5 text-xs">{COMMITMENT_TYPE_LABELS[type]}</span>
      <span
        className={`rounded px-1.5 text-xs ${fulfilment === "breached" ? "bg-red-100 text-red-800" : "bg-emerald-50 text-emerald-800"}`}
      >
        {FULFILMENT_LABELS[fulfilment]}
      </span>
    </>
  );
}
