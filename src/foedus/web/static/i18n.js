/* foedus dashboard: the page's language (foedus.web.page puts the scripts' translations in <html data-messages>).
   _("text {name}", {name: v}) translates and fills placeholders; ngettext(one, many, n, values) picks the plural form;
   LOCALE formats numbers as the language writes them. Messages are extracted from these scripts by tools/i18n.py. */
"use strict";

const I18N = (() => {
  try { return JSON.parse(document.documentElement.dataset.messages || "{}"); } catch (e) { return {}; }
})();
const LANG = I18N.lang || "en";
const LOCALE = LANG === "fr" ? "fr-FR" : "en-GB";

function fill(text, values) {
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (m, k) => (Object.prototype.hasOwnProperty.call(values, k) ? String(values[k]) : m));
}

function _(text, values) {
  const hit = (I18N.messages || {})[text];
  return fill(typeof hit === "string" && hit ? hit : text, values);
}

function ngettext(one, many, n, values) {
  const plural = LANG === "fr" ? n > 1 : n !== 1;
  const hit = (I18N.messages || {})[one];
  const text = Array.isArray(hit) && hit.length === 2 ? hit[plural ? 1 : 0] : (plural ? many : one);
  return fill(text, Object.assign({ n }, values || {}));
}
