// Every feature's desk pages, registered in this order inside the desk (behind login, role and
// CSRF token: see deskRoute in ./index.ts). A feature adds one line here.
import type { FastifyInstance } from "fastify";
import type { Desk } from "./index.js";
import { registerReachDesk } from "../reach/desk-pages.js";
import { registerAudit } from "./audit.js";
import { registerQueue } from "./queue.js";
import { registerSurveys } from "./surveys.js";

export const DESK_PAGES: ((app: FastifyInstance, desk: Desk) => void)[] = [registerQueue, registerSurveys, registerReachDesk, registerAudit];
