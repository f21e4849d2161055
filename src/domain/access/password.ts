/**
 * Password policy (密码策略): at least 12 characters, at least three of lower case, upper case, digits and other
 * characters, not containing the user name. Checked before hashing; the hash itself is argon2id (services).
 */
export const MIN_PASSWORD_LENGTH = 12;

export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) problems.push(`at least ${MIN_PASSWORD_LENGTH} characters`);
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3) problems.push('at least three of: lower case, upper case, digits, other characters');
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) problems.push('must not contain the user name');
  return problems;
}
