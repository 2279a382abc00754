import type { APIRequestContext, APIResponse } from '@playwright/test';

/**
 * Signs in the way a browser without JavaScript does: a real POST of the /login form to its server
 * action (the `$ACTION_ID_…` field Next.js renders into the form). The context keeps the cookie.
 */
export async function postSignInForm(
  request: APIRequestContext,
  credentials: { email: string; password: string },
  headers: Record<string, string> = {},
): Promise<APIResponse> {
  const form = await (await request.get('/login', { headers })).text();
  const actionField = /name="(\$ACTION_ID_[0-9a-f]+)"/.exec(form)?.[1];
  if (!actionField) throw new Error('The /login page has no server action field');
  return request.post('/login', {
    multipart: { [actionField]: '', callbackUrl: '/', email: credentials.email, password: credentials.password },
    headers,
    maxRedirects: 0,
  });
}

/** The Set-Cookie header lines of a response. */
export const setCookies = (response: APIResponse) =>
  response
    .headersArray()
    .filter((header) => header.name.toLowerCase() === 'set-cookie')
    .map((header) => header.value);

/** The attributes of one Set-Cookie line, lower-cased names: `{ httponly: '', samesite: 'Lax', … }`. */
export function cookieAttributes(line: string): Record<string, string> {
  const [, ...attributes] = line.split(';').map((part) => part.trim());
  return Object.fromEntries(attributes.map((a) => [a.split('=')[0]!.toLowerCase(), a.split('=').slice(1).join('=')]));
}
