// The landing page's countdown: the server wrote the time left to the minute; this keeps it counting to the second.
(function () {
  var el = document.querySelector("[data-until]");
  if (!el) return;
  var until = Number(el.getAttribute("data-until"));
  function tick() {
    var s = Math.floor((until - Date.now()) / 1000);
    if (s <= 0) { el.textContent = "0 giây (tải lại trang để cập nhật)"; return; }
    var d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60);
    el.textContent = (d ? d + " ngày " : "") + (d || h ? h + " giờ " : "") + m + " phút " + (s % 60) + " giây";
    setTimeout(tick, 1000);
  }
  tick();
})();
