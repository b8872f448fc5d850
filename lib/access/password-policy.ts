/** DOMAIN §11 (ours): at least 10 characters of at least 3 kinds (lower case, upper case, digits, symbols). */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MIN_KINDS = 3;

export type PasswordCheck = { ok: true } | { ok: false; message: string };

export function checkPassword(password: string, context: { username?: string } = {}): PasswordCheck {
  const chars = Array.from(password);
  if (chars.length < PASSWORD_MIN_LENGTH) {
    return { ok: false, message: `密码至少 ${PASSWORD_MIN_LENGTH} 个字符，当前 ${chars.length} 个。` };
  }
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (kinds < PASSWORD_MIN_KINDS) {
    return {
      ok: false,
      message: `密码需包含小写字母、大写字母、数字、符号中的至少 ${PASSWORD_MIN_KINDS} 类，当前只有 ${kinds} 类。`,
    };
  }
  if (context.username && password.toLowerCase().includes(context.username.toLowerCase())) {
    return { ok: false, message: "密码不能包含用户名。" };
  }
  return { ok: true };
}
