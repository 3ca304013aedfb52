// A logged-in member of the team for the desk's tests: accounts made through the store (hashing
// as `mitreden user add` does), the login as a browser does it, the session cookie and CSRF token.
import type { LightMyRequestResponse } from "fastify";
import { hashPassword } from "../../../src/collector/accounts.js";
import type { Role, Store } from "../../../src/collector/store/index.js";
import { FORM, formBody, type TestCollector } from "./collector.js";

export const PASSWORD = "richtig-langes-passwort";

export async function addStaff(store: Store, name: string, role: Role, password = PASSWORD): Promise<void> {
  const at = new Date().toISOString();
  await store.addUser({ name, role, passwordHash: await hashPassword(password), createdAt: at }, { at, actor: "test", action: "user.add", target: `user:${name}` });
}

export interface LoggedIn {
  cookie: string;
  csrf: string;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, fields: Record<string, string | string[]>, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

/** The session cookie ("name=value") a response sets, if any. */
export function sessionCookie(response: LightMyRequestResponse): string | undefined {
  const header = [response.headers["set-cookie"] ?? []].flat()[0];
  return header?.split(";")[0];
}

export function login(collector: TestCollector, name: string, password = PASSWORD, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return collector.app.inject({ method: "POST", url: "/admin/login", headers: { ...FORM, ...headers }, payload: formBody({ username: name, password }) });
}

export async function loggedIn(collector: TestCollector, name: string, password = PASSWORD): Promise<LoggedIn> {
  const response = await login(collector, name, password);
  if (response.statusCode !== 303) throw new Error(`Login as ${name} failed: ${response.statusCode}`);
  const cookie = sessionCookie(response)!;
  const page = await collector.app.inject({ method: "GET", url: "/admin/login", headers: { cookie } });
  // A logged-in visit to the login page leads on to the desk; its start page carries the token.
  const desk = await collector.app.inject({ method: "GET", url: page.headers.location ?? "/admin/", headers: { cookie } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(desk.body)?.[1];
  if (!csrf) throw new Error(`No CSRF token on ${page.headers.location}: ${desk.statusCode} ${desk.body.slice(0, 300)}`);
  return {
    cookie,
    csrf,
    get: (url, extra = {}) => collector.app.inject({ method: "GET", url, headers: { cookie, accept: "text/html", ...extra } }),
    post: (url, fields, extra = {}) => collector.app.inject({ method: "POST", url, headers: { ...FORM, cookie, ...extra }, payload: formBody({ _csrf: csrf, ...fields }) }),
  };
}
