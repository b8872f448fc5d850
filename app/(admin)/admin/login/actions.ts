"use server";

import type { LoginState } from "@/lib/web/action-state";
import { signInWith } from "@/server/auth/sign-in-action";

const signInToConsole = signInWith("console");

export async function signInAction(prev: LoginState, form: FormData): Promise<LoginState> {
  return signInToConsole(prev, form);
}
