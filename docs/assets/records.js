/* 学习记录 on the practice page: export the reader's records (HBStore, store.js) as a JSON file, and import such
 * a file again, saying what came in or why nothing did.
 */
(function () {
  "use strict";

  function init() {
    var box = document.querySelector(".hb-records");
    if (!box || !window.HBStore) return;
    var result = box.querySelector(".hb-records__result");
    var input = box.querySelector(".hb-records__import");

    function say(text, failed) {
      result.textContent = text;
      result.classList.toggle("hb-records__result--error", Boolean(failed));
    }

    box.querySelector(".hb-records__export").addEventListener("click", function () {
      say("已导出：" + window.HBStore.exportFile() + "（在浏览器的下载文件夹里）。");
    });
    input.addEventListener("change", function () {
      var file = input.files[0];
      if (!file) return;
      file.text().then(function (text) {
        try {
          var counts = window.HBStore.importText(text);
          say("已导入“" + file.name + "”：" + counts.questions + " 道题的记录、" + counts.stories + " 个故事、" + counts.routes + " 条学习路线的打卡。");
        } catch (error) {
          say("没有导入“" + file.name + "”：" + error.message, true);
        }
        input.value = "";
      });
    });
    box.hidden = false;
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
