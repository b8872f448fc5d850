import { TotpSection } from "@/components/totp-section";
import { getDb } from "@/server/db";
import { totpEnrolmentView } from "@/server/services/totp-enrolment";
import { beginTotpAction, confirmTotpAction, disableTotpAction } from "./totp-actions";

/** The signed-in account's second factor, for the console and the portal alike; the page has checked who it is. */
export async function AccountTotp({
  user,
}: {
  user: { id: number; username: string; totpEnabled: boolean };
}) {
  const { pending, qr } = await totpEnrolmentView(await getDb(), user);
  return (
    <TotpSection
      enabled={user.totpEnabled}
      pending={pending}
      qr={qr}
      actions={{ begin: beginTotpAction, confirm: confirmTotpAction, disable: disableTotpAction }}
    />
  );
}
