"use client";

import { ActionForm, StateField, StateSelect, useFormAnswer } from "@/components/action-form";
import { FieldNote } from "@/components/form";
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
  const creating = defaults.id === undefined;
  return (
    <ActionForm
      action={action}
      submit={creating ? "创建用户" : "保存"}
      className="grid gap-4 rounded bg-white p-4 shadow sm:grid-cols-2"
      noValidate
    >
      {!creating && <input type="hidden" name="id" value={defaults.id} />}
      {creating && (
        <StateField label="用户名" name="username" required hint="3–32 位小写字母、数字或下划线" />
      )}
      <StateField label="姓名" name="displayName" required defaultValue={defaults.displayName} />
      {creating && (
        <StateField
          label="初始密码"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint="至少 10 个字符、3 类字符；用户首次登录须修改"
        />
      )}
      <StateSelect
        label="所属部门"
        name="departmentId"
        options={departments}
        defaultValue={defaults.departmentId}
      />
      <StateSelect label="管辖区域" name="regionCode" options={regions} defaultValue={defaults.regionCode} />
      <RoleChoices chosen={defaults.roles ?? []} />
    </ActionForm>
  );
}

/** 三员分立 is the server's rule; the boxes keep what was ticked when it refuses. */
function RoleChoices({ chosen }: { chosen: string[] }) {
  const state = useFormAnswer();
  const refused = state && !state.ok ? state : null;
  const roles = new Set(refused?.values ? ([] as string[]).concat(refused.values.roles ?? []) : chosen);
  return (
    <fieldset key={[...roles].join()} className="sm:col-span-2">
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
        error={refused?.fieldErrors?.roles}
        hint="三员分立：系统管理员、安全审计员不能兼任其他角色"
      />
    </fieldset>
  );
}
