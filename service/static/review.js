// Review page: keyboard navigation between findings, highlight <-> panel links, adding a finding on a selection.
(function () {
  "use strict";
  const cards = Array.from(document.querySelectorAll(".finding[data-id]"));
  const draft = document.getElementById("draft");
  let cur = -1;

  function marksOf(id) {
    return Array.from(document.querySelectorAll("mark[data-f]")).filter(m => m.dataset.f.split(" ").includes(id));
  }
  function select(i, scrollDraft) {
    if (!cards.length) return;
    cur = (i + cards.length) % cards.length;
    document.querySelectorAll(".current").forEach(el => el.classList.remove("current"));
    const card = cards[cur];
    card.classList.add("current");
    card.scrollIntoView({block: "nearest"});
    const marks = marksOf(card.dataset.id);
    marks.forEach(m => m.classList.add("current"));
    if (scrollDraft !== false && marks.length) marks[0].scrollIntoView({block: "center"});
    history.replaceState(null, "", "#f-" + card.dataset.id);
  }
  function submitAction(action) {
    if (cur < 0) return;
    const form = cards[cur].querySelector(`form input[name=action][value=${action}]`);
    if (form) form.form.submit();
  }

  document.addEventListener("keydown", ev => {
    const t = ev.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT")) return;
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const k = ev.key.toLowerCase();
    if (k === "j" || ev.key === "ArrowDown") { select(cur + 1); ev.preventDefault(); }
    else if (k === "k" || ev.key === "ArrowUp") { select(cur - 1); ev.preventDefault(); }
    else if (k === "a") submitAction("accept");
    else if (k === "d" && cur >= 0) { const r = cards[cur].querySelector("input[name=reason]"); if (r) { r.focus(); ev.preventDefault(); } }
    else if (k === "e" && cur >= 0) { const d = cards[cur].querySelector("details.edit"); if (d) { d.open = true; d.querySelector("textarea").focus(); ev.preventDefault(); } }
  });
  cards.forEach((card, i) => card.addEventListener("click", ev => { if (!ev.target.closest("form, details")) select(i); }));
  document.querySelectorAll("mark[data-f]").forEach(m => m.addEventListener("click", () => {
    const id = m.dataset.f.split(" ")[0];
    const i = cards.findIndex(c => c.dataset.id === id);
    if (i >= 0) select(i, false);
  }));
  if (location.hash.startsWith("#f-")) {
    const i = cards.findIndex(c => "#f-" + c.dataset.id === location.hash);
    if (i >= 0) select(i);
  }

  // Offsets of a selection inside the draft, in code points of the canonical text.
  const addBtn = document.getElementById("add-btn");
  function offset(node, off) {
    const r = document.createRange();
    r.setStart(draft, 0);
    r.setEnd(node, off);
    return Array.from(r.toString()).length;
  }
  if (draft && addBtn) {
    document.addEventListener("selectionchange", () => {
      const sel = window.getSelection();
      if (!sel.rangeCount || sel.isCollapsed) return;
      const r = sel.getRangeAt(0);
      if (!draft.contains(r.startContainer) || !draft.contains(r.endContainer)) return;
      const s = offset(r.startContainer, r.startOffset), e = offset(r.endContainer, r.endOffset);
      if (e <= s) return;
      document.getElementById("sel-start").value = s;
      document.getElementById("sel-end").value = e;
      document.getElementById("sel-hint").textContent = "已选中：「" + sel.toString().slice(0, 40) + "」";
      addBtn.disabled = false;
    });
  }
})();
