// The review page: propose, adjust, redact, download. No framework, no asset from elsewhere.
"use strict";

const byId = (id) => document.getElementById(id);
let state = null; // {file, fields, text, items: [{start, end, type, action, reason, category, active, added}]}

function say(message, isError) {
  const status = byId("status");
  status.textContent = message;
  status.className = isError ? "error" : "";
}

function authHeaders() {
  const token = byId("token").value.trim();
  return token ? { Authorization: "Bearer " + token } : {};
}

function form(extra) {
  const data = new FormData();
  data.append("file", state.file, state.file.name);
  data.append("path", state.path);
  for (const subject of state.subjects) data.append("subject", subject);
  for (const [key, value] of Object.entries(extra || {})) data.append(key, value);
  return data;
}

async function post(url, data) {
  const response = await fetch(url, { method: "POST", headers: authHeaders(), body: data });
  let body = null;
  try { body = await response.json(); } catch (e) { body = { error: response.statusText }; }
  if (!response.ok) {
    const error = new Error(body.error || response.statusText);
    error.status = response.status;
    throw error;
  }
  return body;
}

function label(item) {
  return item.added ? item.type + " (added)" : item.type + (item.category ? " · " + item.category : "");
}

function renderText() {
  const doc = byId("doc");
  doc.textContent = "";
  const text = state.text;
  const cuts = new Set([0, text.length]);
  for (const item of state.items) { cuts.add(item.start); cuts.add(item.end); }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = state.items.filter((it) => it.start <= a && it.end >= b);
    if (!covering.length) { doc.appendChild(document.createTextNode(text.slice(a, b))); continue; }
    const span = document.createElement("span");
    span.textContent = text.slice(a, b);
    const active = covering.filter((it) => it.active);
    span.className = active.length ? (active.some((it) => !it.added) ? "on" : "added") : "off";
    const starting = covering.filter((it) => it.start === a);
    if (starting.length) span.dataset.label = starting.map(label).join(", ");
    span.title = covering.map((it) => label(it) + ": " + it.reason).join("\n");
    span.dataset.ids = covering.map((it) => it.start + "-" + it.end).join(" ");
    doc.appendChild(span);
  }
}

function renderTable() {
  const body = byId("removals").querySelector("tbody");
  body.textContent = "";
  for (const item of state.items) {
    const row = document.createElement("tr");
    row.className = item.active ? "" : "kept";
    const box = document.createElement("input");
    box.type = "checkbox";
    box.checked = item.active;
    box.dataset.id = item.start + "-" + item.end;
    box.setAttribute("aria-label", "remove " + item.type + " at " + item.start);
    box.addEventListener("change", () => {
      item.active = box.checked;
      if (item.added && !item.active) state.items = state.items.filter((it) => it !== item);
      refresh();
    });
    const cells = [box, item.type + (item.added ? " (added)" : ""), item.category || "", item.action, item.reason];
    for (const cell of cells) {
      const td = document.createElement("td");
      if (typeof cell === "string") td.textContent = cell; else td.appendChild(cell);
      row.appendChild(td);
    }
    body.appendChild(row);
  }
  const removed = state.items.filter((it) => it.active).length;
  byId("counts").textContent = removed + " of " + state.items.length + " will be removed";
}

function refresh() {
  renderText();
  renderTable();
  for (const id of ["download-doc", "download-report"]) byId(id).hidden = true;
}

function offsetIn(container, node, offset) {
  const range = document.createRange();
  range.selectNodeContents(container);
  range.setEnd(node, offset);
  return range.toString().length;
}

function addSelection() {
  const selection = window.getSelection();
  const doc = byId("doc");
  if (!state || !selection.rangeCount || selection.isCollapsed) { say("Select some text in the document first.", true); return; }
  const range = selection.getRangeAt(0);
  if (!doc.contains(range.startContainer) || !doc.contains(range.endContainer)) { say("Select text inside the document.", true); return; }
  let start = offsetIn(doc, range.startContainer, range.startOffset);
  let end = offsetIn(doc, range.endContainer, range.endOffset);
  while (start < end && /\s/.test(state.text[start])) start++;
  while (end > start && /\s/.test(state.text[end - 1])) end--;
  if (start >= end) { say("The selection holds no text.", true); return; }
  state.items.push({ start, end, type: byId("add-type").value, action: "redact", reason: "added by the reviewer",
                     category: null, active: true, added: true });
  state.items.sort((a, b) => a.start - b.start || b.end - a.end);
  selection.removeAllRanges();
  refresh();
  say("Added a " + byId("add-type").value + " redaction (" + (end - start) + " characters).");
}

async function propose(event) {
  event.preventDefault();
  const file = byId("file").files[0];
  if (!file) { say("Choose a document first.", true); return; }
  state = { file, path: byId("path").value,
            subjects: byId("subject").value.split(";").map((s) => s.trim()).filter(Boolean), items: [] };
  byId("review").hidden = true;
  say("Reading and detecting…");
  try {
    const proposal = await post("/v1/review", form());
    if (proposal.status === "withheld") { say(proposal.message, true); return; }
    state.text = proposal.text;
    state.items = proposal.removals.map((r) => ({ ...r, active: true, added: false }));
    byId("review").hidden = false;
    refresh();
    say(proposal.removals.length + " redactions proposed on the " + proposal.path + " path. Review them below.");
  } catch (error) {
    say((error.status ? error.status + ": " : "") + error.message, true);
  }
}

function download(id, blob, filename) {
  const link = byId(id);
  if (link.href && link.href.startsWith("blob:")) URL.revokeObjectURL(link.href);
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  link.hidden = false;
}

async function apply() {
  const keep = state.items.filter((it) => !it.added && !it.active).map((it) => [it.start, it.end]);
  const add = state.items.filter((it) => it.added && it.active).map((it) => [it.start, it.end, it.type]);
  say("Redacting…");
  try {
    const result = await post("/v1/review/redact", form({ keep: JSON.stringify(keep), add: JSON.stringify(add),
                                                           reviewer: byId("reviewer").value }));
    const bytes = Uint8Array.from(atob(result.document), (c) => c.charCodeAt(0));
    download("download-doc", new Blob([bytes], { type: result.media_type }), result.filename);
    download("download-report", new Blob([JSON.stringify(result.report, null, 2)], { type: "application/json" }),
             result.filename.replace(/\.[^.]+$/, "") + ".report.json");
    const review = result.report.review;
    say("Ready: " + result.report.summary.removed + " removed; you kept " + review.kept + " and added " +
        review.added + ". Download below.");
  } catch (error) {
    say((error.status ? error.status + ": " : "") + error.message, true);
  }
}

document.addEventListener("DOMContentLoaded", () => {
  byId("upload").addEventListener("submit", propose);
  byId("add-selection").addEventListener("click", addSelection);
  byId("apply").addEventListener("click", apply);
});
