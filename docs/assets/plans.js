/* 故事库 and 学习路线: the reader's STAR worksheets and the ticks of the study routes, saved in this
 * browser only, under the localStorage key hb-study that the progress marks, drafts and practice mode
 * share: {"version": 1, "questions": {…}, "stories": {…}, "routes": {…}}. This script reads the whole
 * document but writes only its own parts (stories, routes), reading it again just before each write so
 * that what another page saved is kept. Missing or corrupt data reads as an empty document: the page
 * always works. Without JavaScript the worksheets and ticks stay hidden (nothing could save them).
 */
(function () {
  "use strict";

  var KEY = "hb-study";
  var VERSION = 1;

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function load() {
    try {
      var doc = JSON.parse(window.localStorage.getItem(KEY) || "{}");
      return isObject(doc) ? doc : {};
    } catch (error) {
      return {}; // corrupt JSON, or storage blocked (private mode, file://)
    }
  }

  function part(doc, name) {
    return isObject(doc[name]) ? doc[name] : {};
  }

  // Read, change one part, write back; false when the browser does not let us store anything.
  function update(name, change) {
    var doc = load();
    var tree = part(doc, name);
    change(tree);
    doc[name] = tree;
    doc.version = VERSION;
    try {
      window.localStorage.setItem(KEY, JSON.stringify(doc));
      return true;
    } catch (error) {
      return false;
    }
  }

  // Set or clear entry[key] in tree[id], dropping the entry once it is empty.
  function put(tree, id, key, value) {
    var entry = isObject(tree[id]) ? tree[id] : {};
    if (value) entry[key] = value;
    else delete entry[key];
    if (Object.keys(entry).length) tree[id] = entry;
    else delete tree[id];
  }

  function setUpWorksheets() {
    var stories = part(load(), "stories");
    document.querySelectorAll(".hb-star[data-story]").forEach(function (sheet) {
      var id = sheet.getAttribute("data-story");
      var saved = isObject(stories[id]) ? stories[id] : {};
      var status = sheet.querySelector(".hb-star__status");
      sheet.querySelectorAll("textarea[data-field]").forEach(function (area) {
        var field = area.getAttribute("data-field");
        area.value = typeof saved[field] === "string" ? saved[field] : "";
        area.addEventListener("input", function () {
          var stored = update("stories", function (tree) {
            put(tree, id, field, area.value);
          });
          status.textContent = stored ? "已保存在本机浏览器。" : "无法保存：这个浏览器不允许网页在本机存储（例如隐私模式）。";
        });
      });
      sheet.hidden = false;
    });
  }

  function showProgress(route) {
    var boxes = document.querySelectorAll('input[data-route="' + route + '"][data-day]');
    var done = Array.prototype.filter.call(boxes, function (box) {
      return box.checked;
    }).length;
    document.querySelectorAll('.hb-route__progress[data-route="' + route + '"]').forEach(function (line) {
      line.textContent = "已完成 " + done + " / " + boxes.length + " 天";
      line.hidden = false;
    });
  }

  function setUpRoutes() {
    var doc = load();
    var routes = part(doc, "routes");
    var shown = {};
    document.querySelectorAll("input[type=checkbox][data-route][data-day]").forEach(function (box) {
      var route = box.getAttribute("data-route");
      var day = box.getAttribute("data-day");
      box.checked = isObject(routes[route]) && routes[route][day] === true;
      box.addEventListener("change", function () {
        update("routes", function (tree) {
          put(tree, route, day, box.checked);
        });
        showProgress(route);
      });
      box.closest(".hb-route__tick").hidden = false;
      shown[route] = true;
    });
    Object.keys(shown).forEach(showProgress);
    showStatus(part(doc, "questions"));
  }

  // 已掌握 / 需复习 as marked on the question pages (hb-study questions, written by another script).
  function showStatus(questions) {
    var labels = { known: "已掌握", review: "需复习" };
    document.querySelectorAll(".hb-route__status[data-question]").forEach(function (span) {
      var entry = questions[span.getAttribute("data-question")];
      var status = isObject(entry) && Object.prototype.hasOwnProperty.call(labels, entry.status) ? entry.status : "";
      span.textContent = status ? labels[status] : "";
      span.className = "hb-route__status" + (status ? " hb-route__status--" + status : "");
    });
  }

  function setUp() {
    setUpWorksheets();
    setUpRoutes();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
