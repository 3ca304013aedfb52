// Staff accounts of the desk: names, roles, passwords hashed with argon2id (@node-rs/argon2), for
// `mitreden user …` and the desk's login alike. A password is never logged, stored or printed;
// every change goes into the audit log (docs/adr/018-desk.md).
import { Algorithm, hash, verify } from "@node-rs/argon2";
import { UsageError } from "../errors.js";
import { storeOf, type StoreLocation } from "./commands.js";
import { openStore, type Role, type Store, type StoredUser } from "./store/index.js";

export const ROLES: readonly Role[] = ["moderator", "admin"];
export const MIN_PASSWORD_LENGTH = 12;

// OWASP's argon2id minimum (19 MiB, 2 passes): about 30 ms here, slow enough against guessing.
const ARGON2 = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Names as people type them at the login: lower case, letters, digits, dot, dash, underscore. */
export function normalizeName(name: string): string {
  const normal = name.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9._-]{1,63}$/.test(normal)) throw new UsageError(`"${name}" cannot be a user name: use 2–64 letters (a–z), digits, ".", "-" or "_", starting with a letter or digit.`);
  return normal;
}

export function hashPassword(password: string): Promise<string> {
  if (password.length < MIN_PASSWORD_LENGTH) throw new UsageError(`The password is too short: use at least ${MIN_PASSWORD_LENGTH} characters (a few words are easy to remember).`);
  return hash(password, ARGON2);
}

// Verified against when the name is unknown, so a wrong name takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;

/** The user if name and password match; the same time spent whether or not the name exists. */
export async function checkPassword(store: Store, name: string, password: string): Promise<StoredUser | undefined> {
  let normal: string;
  try {
    normal = normalizeName(name);
  } catch {
    normal = "";
  }
  const user = normal ? await store.findUser(normal) : undefined;
  dummyHash ??= hash("not a password of anyone", ARGON2);
  const ok = await verify(user?.passwordHash ?? (await dummyHash), password).catch(() => false);
  return user && ok ? user : undefined;
}

export interface UserCommandOptions extends StoreLocation {
  /** Who runs the command, for the audit log ("cli:<login>"). */
  actor: string;
  now?: Date;
}

/** `mitreden user add`: opens (and creates) the store, since the first account comes before any submission. */
export async function addUser(options: UserCommandOptions & { name: string; role: string; password: string }): Promise<StoredUser> {
  const name = normalizeName(options.name);
  if (!ROLES.includes(options.role as Role)) throw new UsageError(`--role must be moderator or admin, not "${options.role}".`);
  const passwordHash = await hashPassword(options.password);
  return withStore(options, async (store) => {
    const at = (options.now ?? new Date()).toISOString();
    const added = await store.addUser({ name, role: options.role as Role, passwordHash, createdAt: at }, { at, actor: options.actor, action: "user.add", target: `user:${name}`, details: { role: options.role } });
    if (added === "exists") throw new UsageError(`There is a user "${name}" already. Change the password with: mitreden user password ${name}`);
    return (await store.findUser(name))!;
  });
}

export async function listUsers(options: StoreLocation): Promise<StoredUser[]> {
  return withStore(options, (store) => store.listUsers());
}

export async function removeUser(options: UserCommandOptions & { name: string }): Promise<void> {
  const name = normalizeName(options.name);
  await withStore(options, async (store) => {
    const removed = await store.removeUser(name, { at: (options.now ?? new Date()).toISOString(), actor: options.actor, action: "user.remove", target: `user:${name}` });
    if (!removed) throw new UsageError(`There is no user "${name}". See them with: mitreden user list`);
  });
}

/** A new password; the user's sessions end. */
export async function changePassword(options: UserCommandOptions & { name: string; password: string }): Promise<void> {
  const name = normalizeName(options.name);
  const passwordHash = await hashPassword(options.password);
  await withStore(options, async (store) => {
    const at = (options.now ?? new Date()).toISOString();
    const changed = await store.setPassword(name, passwordHash, at, { at, actor: options.actor, action: "user.password", target: `user:${name}` });
    if (!changed) throw new UsageError(`There is no user "${name}". See them with: mitreden user list`);
  });
}

async function withStore<T>(options: StoreLocation, run: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(storeOf(options));
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}
