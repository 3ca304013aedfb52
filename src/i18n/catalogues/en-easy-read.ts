// Leichte Sprache and DGS are German: their pages speak German whatever the interface language,
// so the English catalogue carries the German texts (see de-easy-read.ts). The links to them in
// an English footer say in English what they lead to (site.footer.easyLanguage, .signLanguage).
export { easyRead } from "./de-easy-read.js";
