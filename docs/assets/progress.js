/* The reader's progress, from HBStore (store.js), shown where a page asks for it:
 * - a question page's .hb-study block: 已掌握 / 需复习 (pressed again to clear) and a private answer draft,
 *   saved as the reader types;
 * - question lists (li[data-id]): a small 已掌握 / 需复习 mark after each marked question;
 * - .hb-count[data-ids]: how many of those questions are marked, e.g. 已掌握 3/12 · 需复习 1 (with data-total
 *   instead: how many questions the records mark, out of that total).
 * Without JavaScript the block and counts stay hidden.
 */
(function () {
  "use strict";

  var LABELS = { known: "已掌握", review: "需复习" };
  var DRAFT_DELAY = 400; // ms after the last keystroke

  function entryOf(doc, id) {
    return doc.questions[id] || {};
  }

  /** Set or remove one field of a question's entry; an entry left empty is dropped. */
  function setField(id, field, value) {
    return window.HBStore.update(function (doc) {
      var entry = Object.assign({}, doc.questions[id]);
      if (value === "" || value === null) delete entry[field];
      else entry[field] = value;
      if (Object.keys(entry).length) doc.questions[id] = entry;
      else delete doc.questions[id];
    });
  }

  function questionBlock(block) {
    var id = block.dataset.id;
    var buttons = block.querySelectorAll(".hb-study__status");
    var draft = block.querySelector(".hb-study__draft");
    var saved = block.querySelector(".hb-study__saved");
    var timer = null;

    function show(entry) {
      buttons.forEach(function (button) {
        button.setAttribute("aria-pressed", String(entry.status === button.dataset.status));
      });
    }

    function said(ok, what) {
      saved.textContent = ok ? what : "浏览器不允许保存（可能是隐私模式），刷新后会丢失。";
    }

    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        var on = button.getAttribute("aria-pressed") !== "true";
        var ok = setField(id, "status", on ? button.dataset.status : null);
        show(entryOf(window.HBStore.load(), id));
        said(ok, on ? "已标记为" + LABELS[button.dataset.status] + "。" : "已取消标记。");
      });
    });
    function saveDraft() {
      clearTimeout(timer);
      timer = null;
      said(setField(id, "draft", draft.value), "草稿已保存在本机。");
    }
    draft.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(saveDraft, DRAFT_DELAY);
    });
    window.addEventListener("pagehide", function () {
      if (timer !== null) saveDraft(); // leaving before the delay ran out
    });
    var entry = entryOf(window.HBStore.load(), id);
    show(entry);
    draft.value = entry.draft || "";
    block.hidden = false;
  }

  function markLists(doc) {
    document.querySelectorAll("li[data-id]").forEach(function (item) {
      var status = entryOf(doc, item.dataset.id).status;
      if (!LABELS[status] || item.querySelector(".hb-mark")) return;
      var mark = document.createElement("span");
      mark.className = "hb-mark hb-mark--" + status;
      mark.textContent = LABELS[status];
      item.querySelector("a").after(" ", mark);
    });
  }

  /** Counts against the ids a node carries, or (data-total: the whole bank) against every marked question. */
  function counts(doc) {
    document.querySelectorAll(".hb-count").forEach(function (node) {
      var ids = node.dataset.ids !== undefined ? node.dataset.ids.split(" ").filter(Boolean) : Object.keys(doc.questions);
      var total = node.dataset.ids !== undefined ? ids.length : Number(node.dataset.total);
      var tally = { known: 0, review: 0 };
      ids.forEach(function (id) {
        var status = entryOf(doc, id).status;
        if (status in tally) tally[status] += 1;
      });
      var text = "我的进度：已掌握 " + tally.known + "/" + total;
      if (tally.review) text += " · 需复习 " + tally.review;
      node.textContent = text;
      node.hidden = false;
    });
  }

  /** For lists drawn later (题目总览 of a large bank): mark the items added since. */
  window.HBProgress = {
    markLists: function () {
      if (window.HBStore) markLists(window.HBStore.load());
    },
  };

  function init() {
    if (!window.HBStore) return;
    var doc = window.HBStore.load();
    document.querySelectorAll(".hb-study[data-id]").forEach(questionBlock);
    markLists(doc);
    counts(doc);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
