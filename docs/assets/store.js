/* The reader's study records, kept in this browser only (localStorage key "hb-study"), never sent anywhere:
 *
 *   {"version": 1,
 *    "questions": {"<question id>": {"status": "known" | "review", "rating": 1..5, "practised": "<ISO time>", "draft": "<text>"}},
 *    "stories": {"<story id>": {"s": "...", "t": "...", "a": "...", "r": "..."}},
 *    "routes": {"<route id>": {"<day number>": true}}}
 *
 * Every field is optional. Each page changes its own part with HBStore.update(fn), which reads the stored
 * document, lets fn change it and writes it back. exportFile() downloads the document as a JSON file and
 * importText(text) merges such a file back, after checking all of it: a file that is not ours, of another
 * version or with a malformed entry throws an Error with a message for the reader and changes nothing.
 */
(function () {
  "use strict";

  var KEY = "hb-study";
  var VERSION = 1;
  var APP = "pm-interview-handbook";
  var PARTS = ["questions", "stories", "routes"];
  var STATUSES = ["known", "review"];
  var STORY_FIELDS = ["s", "t", "a", "r"];

  function empty() {
    return { version: VERSION, questions: {}, stories: {}, routes: {} };
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  /** The stored document; a fresh empty one when there is none, it is not JSON or not of this version. */
  function load() {
    var doc;
    try {
      doc = JSON.parse(window.localStorage.getItem(KEY) || "null");
    } catch (error) {
      doc = null; // corrupt, or storage blocked
    }
    if (!isObject(doc) || doc.version !== VERSION) return empty();
    PARTS.forEach(function (part) {
      if (!isObject(doc[part])) doc[part] = {};
    });
    return doc;
  }

  /** Write the document; false when the browser refuses (storage blocked or full). */
  function save(doc) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(doc));
      return true;
    } catch (error) {
      return false;
    }
  }

  /** Read, let fn change the document in place, write back. Returns whether it was saved. */
  function update(fn) {
    var doc = load();
    fn(doc);
    return save(doc);
  }

  function fail(message) {
    throw new Error(message + "未导入任何内容，本机记录没有改动。");
  }

  function checkFields(entry, where, checks) {
    if (!isObject(entry)) fail(where + "应是一个对象。");
    Object.keys(entry).forEach(function (field) {
      if (!checks[field]) fail(where + "有未知字段“" + field + "”。");
      var problem = checks[field](entry[field]);
      if (problem) fail(where + "的 " + field + " " + problem + "，实际为 " + JSON.stringify(entry[field]) + "。");
    });
  }

  var QUESTION_CHECKS = {
    status: function (v) { return STATUSES.indexOf(v) < 0 ? "应为 known（已掌握）或 review（需复习）" : ""; },
    rating: function (v) { return typeof v === "number" && v % 1 === 0 && v >= 1 && v <= 5 ? "" : "应为 1 到 5 的整数"; },
    practised: function (v) { return typeof v === "string" && !isNaN(Date.parse(v)) ? "" : "应为 ISO 8601 格式的时间"; },
    draft: function (v) { return typeof v === "string" ? "" : "应为文字"; },
  };
  var STORY_CHECKS = {};
  STORY_FIELDS.forEach(function (field) {
    STORY_CHECKS[field] = QUESTION_CHECKS.draft;
  });

  /** Throws unless every entry of the document's parts has the shape the handbook writes. */
  function validate(doc) {
    if (!isObject(doc) || doc.version !== VERSION) fail("文件里的学习记录（data）不是版本 " + VERSION + " 的格式。");
    PARTS.forEach(function (part) {
      if (doc[part] !== undefined && !isObject(doc[part])) fail("文件里的 " + part + " 应是一个对象。");
    });
    Object.keys(doc.questions || {}).forEach(function (id) {
      checkFields(doc.questions[id], "题目 " + id + " ", QUESTION_CHECKS);
    });
    Object.keys(doc.stories || {}).forEach(function (id) {
      checkFields(doc.stories[id], "故事 " + id + " ", STORY_CHECKS);
    });
    Object.keys(doc.routes || {}).forEach(function (id) {
      var days = doc.routes[id];
      if (!isObject(days)) fail("学习路线 " + id + " 应是一个对象。");
      Object.keys(days).forEach(function (day) {
        if (!/^[1-9][0-9]*$/.test(day)) fail("学习路线 " + id + " 的“" + day + "”不是天数。");
        if (typeof days[day] !== "boolean") fail("学习路线 " + id + " 第 " + day + " 天应为 true 或 false。");
      });
    });
  }

  /** The document of an exported file's text, checked (see validate). */
  function parseExport(text) {
    var file;
    try {
      file = JSON.parse(text);
    } catch (error) {
      fail("文件不是有效的 JSON。");
    }
    if (!isObject(file) || file.app !== APP) fail("这不是本手册导出的学习记录（缺少 \"app\": \"" + APP + "\"）。");
    if (file.version !== VERSION) fail("不支持的学习记录版本 " + JSON.stringify(file.version) + "（本手册读取版本 " + VERSION + "）。");
    validate(file.data);
    return file.data;
  }

  /** Merge an exported file into the stored records: each entry of the file replaces the same entry here (a
   *  question's fields, a story, a route's days), other entries stay. Returns how many of each it brought. */
  function importText(text) {
    var incoming = parseExport(text);
    var counts = {};
    var doc = load();
    PARTS.forEach(function (part) {
      var entries = incoming[part] || {};
      counts[part] = Object.keys(entries).length;
      Object.keys(entries).forEach(function (id) {
        doc[part][id] = Object.assign({}, doc[part][id], entries[id]);
      });
    });
    if (!save(doc)) throw new Error("浏览器不允许保存（可能是隐私模式或存储已满），未导入。");
    return counts;
  }

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  /** The export of the stored records, as the file's object. */
  function exported(now) {
    return { app: APP, version: VERSION, exported: now.toISOString(), data: load() };
  }

  /** Download the stored records as 手册学习记录-YYYY-MM-DD.json. */
  function exportFile() {
    var now = new Date();
    var blob = new Blob([JSON.stringify(exported(now), null, 1)], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "手册学习记录-" + now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate()) + ".json";
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 0);
    return link.download;
  }

  window.HBStore = { KEY: KEY, load: load, update: update, exportFile: exportFile, importText: importText, exported: exported };
})();
