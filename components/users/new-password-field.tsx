import { TextField } from '@/components/forms/fields';

/** A new password for an account (invite, profile): marked `new-password` so the browser does not fill in the signed-in user's own. */
export function NewPasswordField({ label, hint }: { label: string; hint: string }) {
  return <TextField name="password" label={label} type="password" autoComplete="new-password" hint={hint} />;
}
