"use client";

import { useActionState } from "react";
import { Field, FieldNote, FormMessage, SelectInput, SubmitButton } from "@/components/form";
import { REGULATOR_ROLES, ROLE_LABEL } from "@/lib/access/roles";
import type { ActionState } from "@/lib/web/action-state";

type Option = { value: string; label: string };
export type UserDefaults = {
  id?: number;
  username?: string;
  displayName?: string;
  departmentId?: string;
  regionCode?: string;
  roles?: string[];
};

export function UserForm({
  action,
  defaults,
  departments,
  regions,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  defaults: UserDefaults;
  departments: Option[];
  regions: Option[];
}) {
  const [state, formAction] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const v = (state && !state.ok && state.values) || {};
  const pick = (k: keyof UserDefaults) =>
    (v[k] as string | undefined) ?? (defaults[k] as string | undefined) ?? "";
  const roles = new Set(([] as string[]).concat(v.roles ?? defaults.roles ?? []));
  const creating = defaults.id === undefined;
  return (
    <form action={formAction} className="grid gap-4 rounded bg-white p-4 shadow sm:grid-cols-2" noValidate>
      <div className="sm:col-span-2">
        <FormMessage state={state} />
      </div>
      {!creating && <input type="hidden" name="id" value={defaults.id} />}
      <div key={JSON.stringify(v)} className="contents">
        {creating && (
          <Field
            label="用户名"
            name="username"
            required
            defaultValue={pick("username")}
            error={errors?.username}
            hint="3–32 位小写字母、数字或下划线"
          />
        )}
        <Field
          label="姓名"
          name="displayName"
          required
          defaultValue={pick("displayName")}
          error={errors?.displayName}
        />
        {creating && (
          <Field
            label="初始密码"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            error={errors?.password}
            hint="至少 10 个字符、3 类字符；用户首次登录须修改"
          />
        )}
        <SelectInput
          label="所属部门"
          name="departmentId"
          options={departments}
          defaultValue={pick("departmentId")}
          error={errors?.departmentId}
        />
        <SelectInput
          label="管辖区域"
          name="regionCode"
          options={regions}
          defaultValue={pick("regionCode")}
          error={errors?.regionCode}
        />
        <fieldset className="sm:col-span-2">
          <legend className="text-sm font-medium">角色</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            {REGULATOR_ROLES.map((r) => (
              <label key={r} className="inline-flex items-center gap-1">
                <input type="checkbox" name="roles" value={r} defaultChecked={roles.has(r)} />
                {ROLE_LABEL[r]}
              </label>
            ))}
          </div>
          <FieldNote
            id="roles-note"
            error={errors?.roles}
            hint="三员分立：系统管理员、安全审计员不能兼任其他角色"
          />
        </fieldset>
      </div>
      <div>
        <SubmitButton>{creating ? "创建用户" : "保存"}</SubmitButton>
      </div>
    </form>
  );
}
