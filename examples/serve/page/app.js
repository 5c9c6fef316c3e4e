// Bereken je prijs: the page sends the form to POST /v1/estimates and
// shows the answer. It holds no rule: every price, label, source and
// problem comes from the library; the page only lays them out in Dutch.
"use strict";

const DAYS = [
  { id: "ma", name: "maandag", key: "monday" },
  { id: "di", name: "dinsdag", key: "tuesday" },
  { id: "wo", name: "woensdag", key: "wednesday" },
  { id: "do", name: "donderdag", key: "thursday" },
  { id: "vr", name: "vrijdag", key: "friday" },
];
const MOMENTS = 2;

// What the family reads for each problem code of the library.
const MESSAGES = {
  invalid_clock: "Dit is geen geldig uur. Schrijf het als uu:mm, tussen 00:00 en 24:00.",
  invalid_date: "Dit is geen geldige datum.",
  invalid_month: "Dit is geen geldige maand.",
  invalid_tariff: "Dit is geen geldige dagprijs. Schrijf bijvoorbeeld 24,10.",
  invalid_money: "Dit is geen geldig bedrag.",
  missing: "Vul dit in.",
  end_before_start: "Het einduur ligt vóór het beginuur.",
  overlap: "Deze uren overlappen met andere uren op dezelfde dag.",
  no_reserved_session: "Vul voor minstens één dag de uren in.",
  age_limit: "Voor de leeftijd van je kind kan dit opvangplan niet.",
  outside_school_year: "Dit opvangplan valt buiten het schooljaar.",
  school_holiday: "Deze dag valt in een schoolvakantie.",
  too_long: "Deze periode is te lang.",
  too_short: "Deze periode is te kort.",
  out_of_range: "Deze waarde ligt buiten de toegelaten grenzen.",
  limit_exceeded: "Dit zijn te veel gegevens voor één berekening.",
  unknown_year: "Voor dit jaar zijn de bedragen van het inkomenstarief nog niet bekend.",
};
const FALLBACK = "Deze waarde klopt niet.";

let presets = [];

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === true) e.setAttribute(k, "");
    else if (v !== false && v != null) e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}

function buildDays() {
  const box = document.getElementById("dagen");
  for (const d of DAYS) {
    const fs = el("fieldset", { class: "dag", id: d.id, "aria-describedby": d.id + "-fout" }, el("legend", {}, d.name));
    for (let m = 1; m <= MOMENTS; m++) {
      const row = el("div", { class: "moment" });
      for (const part of ["van", "tot"]) {
        const id = `${d.id}-${m}-${part}`;
        const text = m === 1 ? part : (part === "van" ? "tweede moment van" : "tot");
        row.append(el("div", { class: "uur" },
          el("label", { for: id }, el("span", { class: "onzichtbaar" }, d.name + " "), text),
          el("input", { id, name: id, type: "text", inputmode: "numeric", autocomplete: "off", placeholder: "uu:mm", size: "5", maxlength: "5", "aria-describedby": id + "-fout" }),
          el("p", { id: id + "-fout", class: "fout", hidden: true })));
      }
      fs.append(row);
    }
    fs.append(el("p", { id: d.id + "-fout", class: "fout", hidden: true }));
    box.append(fs);
  }
}

function selected() {
  return presets.find((p) => p.id === document.getElementById("opvang").value);
}

function showPricing() {
  const p = selected();
  const list = !!(p && p.price_list);
  document.getElementById("dagprijs-veld").hidden = list;
  document.getElementById("sociaal-veld").hidden = !list;
}

async function loadPresets() {
  const sel = document.getElementById("opvang");
  try {
    const r = await fetch("/presets.json", { headers: { Accept: "application/json" } });
    presets = await r.json();
  } catch (e) {
    general("De gegevens van de opvang konden niet geladen worden. Herlaad de pagina.");
    return;
  }
  for (const p of presets) {
    sel.append(el("option", { value: p.id }, `${p.name} — ${p.price_list ? "prijslijst" : "inkomenstarief"}`));
  }
  showPricing();
}

// The request: an invoice.EstimateInput. slotMap remembers which input
// each slot of the request came from, to put a problem next to it.
function request() {
  const p = selected();
  const month = document.getElementById("maand").value.trim();
  const week = {};
  const slotMap = {};
  for (const d of DAYS) {
    const slots = [];
    for (let m = 1; m <= MOMENTS; m++) {
      const from = document.getElementById(`${d.id}-${m}-van`).value.trim();
      const to = document.getElementById(`${d.id}-${m}-tot`).value.trim();
      if (from === "" && to === "") continue;
      slotMap[`${d.key}[${slots.length}]`] = `${d.id}-${m}`;
      slots.push({ start: from, end: to });
    }
    if (slots.length) week[d.key] = slots;
  }
  const start = document.getElementById("start").value.trim() || (month ? month + "-01" : "");
  const body = {
    month,
    child: { birth: document.getElementById("geboortedatum").value.trim() },
    plan: { kind: p ? p.plan_kind : "regular", start, schedule: { weeks: [week] } },
    rules: p ? p.rules : {},
  };
  if (p && p.price_list) {
    if (document.getElementById("sociaal").checked) body.social = true;
  } else {
    const daily = document.getElementById("dagprijs").value.trim().replace(",", ".");
    if (daily !== "") body.daily = daily;
  }
  return { body, slotMap };
}

// target returns the id of the input (or group) a problem's field names.
function target(field, slotMap) {
  if (field === "month") return "maand";
  if (field === "child" || field.startsWith("child.")) return "geboortedatum";
  if (field === "daily" || field.startsWith("daily.")) return "dagprijs";
  if (field === "social") return "sociaal";
  if (field === "plan.start") return "start";
  const m = /^plan\.schedule\.weeks\[0\]\.([a-z]+)(\[\d+\])?(?:\.(start|end))?/.exec(field);
  if (m) {
    const day = DAYS.find((d) => d.key === m[1]);
    if (day) {
      const moment = m[2] ? slotMap[m[1] + m[2]] : null;
      if (moment && m[3]) return `${moment}-${m[3] === "start" ? "van" : "tot"}`;
      return day.id;
    }
  }
  if (field === "rules" || field.startsWith("rules.")) return "opvang";
  if (field === "plan" || field.startsWith("plan.")) return "plan";
  return "algemeen";
}

function clearErrors() {
  for (const p of document.querySelectorAll(".fout")) {
    p.hidden = true;
    p.textContent = "";
  }
  for (const i of document.querySelectorAll("[aria-invalid]")) i.removeAttribute("aria-invalid");
}

function general(text) {
  const p = document.getElementById("algemeen-fout");
  p.textContent = text;
  p.hidden = false;
}

function showProblems(problems, slotMap) {
  let first = null;
  const seen = new Set();
  for (const pr of problems || []) {
    const id = target(pr.field || "", slotMap);
    let text = MESSAGES[pr.code] || FALLBACK;
    const input = document.getElementById(id);
    if (pr.code === "invalid_clock" && input && input.value === "") text = "Vul dit uur in.";
    const box = document.getElementById(id + "-fout") || document.getElementById("algemeen-fout");
    if (seen.has(box.id + text)) continue;
    seen.add(box.id + text);
    box.textContent = box.hidden || box.textContent === "" ? text : box.textContent + " " + text;
    box.hidden = false;
    if (input && (input.tagName === "INPUT" || input.tagName === "SELECT")) {
      input.setAttribute("aria-invalid", "true");
      if (!first) first = input;
    }
  }
  if (first) first.focus();
}

function euro(s) {
  let neg = s.startsWith("-");
  if (neg) s = s.slice(1);
  const [whole, frac = "00"] = s.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return (neg ? "− " : "") + "€ " + grouped + "," + frac.padEnd(2, "0");
}

function count(s) {
  return s.replace(".", ",");
}

function monthName(m) {
  const [y, mm] = m.split("-").map(Number);
  return new Intl.DateTimeFormat("nl-BE", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(y, mm - 1, 1)));
}

function showEstimate(est) {
  const out = document.getElementById("uitkomst");
  const inv = est.invoice;
  const rows = inv.lines.map((l) =>
    el("tr", {},
      el("td", { class: "getal" }, count(l.count)),
      el("td", {}, l.label_nl, el("span", { class: "bron" }, "Bron: " + l.rule.source)),
      el("td", { class: "getal" }, euro(l.unit_price)),
      el("td", { class: "getal" }, euro(l.amount))));
  const table = el("table", { class: "lijnen" },
    el("caption", {}, "Verwachte factuur voor " + monthName(inv.month)),
    el("thead", {}, el("tr", {},
      el("th", { scope: "col", class: "getal" }, "Aantal"), el("th", { scope: "col" }, "Omschrijving"),
      el("th", { scope: "col", class: "getal" }, "Per stuk"), el("th", { scope: "col", class: "getal" }, "Bedrag"))),
    el("tbody", {}, ...rows),
    el("tfoot", {}, el("tr", {},
      el("th", { scope: "row", colspan: "3" }, "Totaal van " + monthName(inv.month)),
      el("td", { class: "getal", id: "maandtotaal" }, euro(inv.total)))));
  const months = el("table", { class: "maanden" },
    el("caption", {}, "Per maand in " + est.year),
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Maand"), el("th", { scope: "col", class: "getal" }, "Totaal"))),
    el("tbody", {}, ...est.months.map((m) => el("tr", {}, el("th", { scope: "row" }, monthName(m.month)), el("td", { class: "getal" }, euro(m.total))))));
  out.replaceChildren(
    el("p", { class: "organisator" }, inv.organiser),
    table,
    el("p", { class: "jaar" }, "Verwacht totaal voor " + est.year + ": ", el("strong", { id: "jaartotaal" }, euro(est.year_total))),
    el("details", {}, el("summary", {}, "Bekijk de maanden van " + est.year), months),
    el("p", { class: "hint" }, "Bron van de schatting: " + est.rule.source));
}

async function submit(ev) {
  ev.preventDefault();
  clearErrors();
  const { body, slotMap } = request();
  const out = document.getElementById("uitkomst");
  const button = document.getElementById("bereken");
  button.disabled = true;
  out.setAttribute("aria-busy", "true");
  try {
    const r = await fetch("/v1/estimates", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
    });
    const data = await r.json();
    if (r.ok) {
      showEstimate(data);
    } else {
      out.replaceChildren(el("p", { class: "hint", id: "geen-resultaat" }, "Geen resultaat: verbeter de velden met een fout."));
      if (data.problems && data.problems.length) showProblems(data.problems, slotMap);
      else general("De berekening lukte niet (" + r.status + "). Probeer het opnieuw.");
    }
  } catch (e) {
    general("De berekening lukte niet: de server antwoordt niet. Probeer het opnieuw.");
  } finally {
    button.disabled = false;
    out.removeAttribute("aria-busy");
  }
}

document.addEventListener("DOMContentLoaded", () => {
  buildDays();
  document.getElementById("opvang").addEventListener("change", showPricing);
  document.getElementById("formulier").addEventListener("submit", submit);
  loadPresets();
});
