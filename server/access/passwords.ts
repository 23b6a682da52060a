// Passwords are hashed with Argon2id (memory-hard), using the maintained @node-rs/argon2 binding
// and its defaults (19 MiB, 2 passes: OWASP's recommended minimum).
import { hash, verify } from '@node-rs/argon2';

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when the email is unknown makes a failed sign-in take as long whether
// or not the account exists, so timing does not reveal which emails have accounts.
let decoyHash: Promise<string> | null = null;
export async function verifyDecoy(password: string): Promise<false> {
  decoyHash ??= hash('decoy password that matches nothing');
  await verifyPassword(await decoyHash, password);
  return false;
}

/** A sentence saying what is wrong with a new password, or null if it is acceptable. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > 200) return 'Choose a password of at most 200 characters.';
  if (email && password.toLowerCase().includes(email.split('@')[0].toLowerCase())) return 'Choose a password that does not contain your email address.';
  return null;
}
