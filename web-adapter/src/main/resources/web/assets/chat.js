// The participant's chat page: sends what they type or tap, shows the bot's replies, counts down the paper's time.
(function () {
  "use strict";
  var log = document.getElementById("log");
  var choicesBox = document.getElementById("choices");
  var form = document.getElementById("composer");
  var input = document.getElementById("text");
  var sendButton = document.getElementById("send");
  var statusLine = document.getElementById("status");
  var timer = document.getElementById("timer");
  var lastId = 0;
  var shown = {};
  var deadline = null;
  var busy = false;

  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return Date.now().toString(36) + Math.random().toString(36).slice(2, 12);
  }

  function bubble(text, who) {
    var div = document.createElement("div");
    div.className = "msg " + who;
    div.textContent = text;
    log.appendChild(div);
    log.scrollTop = log.scrollHeight;
    return div;
  }

  function showChoices(choices) {
    choicesBox.textContent = "";
    (choices || []).forEach(function (c) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = c.label;
      b.dataset.token = c.token;
      b.addEventListener("click", function () { send({ choice: c.token }, c.label); });
      choicesBox.appendChild(b);
    });
  }

  function render(messages) {
    // A poll also brings back recent rows the cursor may have passed (see WebChannel.history): show each id once.
    messages = (messages || []).filter(function (m) { return !shown[m.id]; });
    if (messages.length === 0) return;
    var before = lastId;
    messages.forEach(function (m) {
      shown[m.id] = true;
      if (m.kind === "logout") {
        // Leaving a shared computer: nothing of the previous person stays on the screen.
        log.textContent = "";
        bubble(m.text, "bot");
        lastId = 0;
        shown = {};
        return;
      }
      bubble(m.text, "bot");
      lastId = Math.max(lastId, m.id);
    });
    var last = messages[messages.length - 1];
    // A late announcement arriving below the current question leaves its buttons and countdown as they are.
    if (last.id < before && last.kind !== "logout") return;
    showChoices(last.choices);
    // Every reply during a paper carries its deadline; any other reply ends the countdown.
    deadline = last.deadline || null;
    tick();
  }

  function setBusy(on) {
    busy = on;
    sendButton.disabled = on;
    Array.prototype.forEach.call(choicesBox.querySelectorAll("button"), function (b) { b.disabled = on; });
  }

  function request(method, body) {
    var opts = { method: method, headers: { "Accept": "application/json" }, credentials: "same-origin" };
    if (body) {
      opts.headers["Content-Type"] = "application/json";
      opts.body = JSON.stringify(body);
    }
    return fetch("/api/web/messages?after=" + lastId, opts).then(function (r) {
      return r.json().then(function (data) {
        if (!r.ok) throw new Error(data && data.error ? data.error : "Lỗi " + r.status);
        return data;
      });
    });
  }

  // A message keeps its id across retries, so a resend after a dropped connection counts once.
  function send(payload, shown) {
    if (busy) return;
    payload.id = newId();
    bubble(shown, "me");
    setBusy(true);
    statusLine.textContent = "Đang gửi…";
    var tries = 0;
    (function attempt() {
      request("POST", payload).then(function (data) {
        statusLine.textContent = "";
        setBusy(false);
        render(data.messages);
      }).catch(function (err) {
        tries++;
        if (err instanceof TypeError && tries < 5) {
          statusLine.textContent = "Mất kết nối, đang thử gửi lại…";
          setTimeout(attempt, 1500 * tries);
          return;
        }
        statusLine.textContent = err.message || "Không gửi được, vui lòng thử lại.";
        setBusy(false);
      });
    })();
  }

  function poll() {
    if (busy) return;
    request("GET").then(function (data) { render(data.messages); }).catch(function () { /* next poll */ });
  }

  function tick() {
    if (!deadline) { timer.hidden = true; return; }
    var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    var m = Math.floor(left / 60), s = left % 60;
    timer.hidden = false;
    timer.textContent = left > 0 ? "Thời gian còn lại: " + m + " phút " + (s < 10 ? "0" : "") + s + " giây" : "Đã hết giờ làm bài";
    timer.className = "timer" + (left <= 60 ? " urgent" : "");
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var text = input.value.trim();
    if (!text) return;
    input.value = "";
    send({ text: text }, text);
  });

  // A link names a contest, a unit, or both (?contest=CODE&unit=CODE): the start carries "CONTEST-UNIT", as a
  // Telegram deep link does.
  var params = new URLSearchParams(window.location.search);
  var linkContest = params.get("contest"), linkUnit = params.get("unit");
  var start = linkContest && linkUnit ? linkContest + "-" + linkUnit : (linkContest || linkUnit);
  if (start && !/^[A-Za-z0-9_-]{1,64}$/.test(start)) start = null;

  fetch("/api/web/contest" + (linkContest ? "?code=" + encodeURIComponent(linkContest) : "")).then(function (r) { return r.json(); }).then(function (c) {
    document.getElementById("title").textContent = c.title;
    document.title = c.title;
    document.getElementById("subtitle").textContent = c.organizer || "";
  }).catch(function () { /* the header keeps its default */ });

  request("GET").then(function (data) {
    // A chat that already talks follows a link that names a contest once per tab, to move there.
    var followed = linkContest && sessionStorage.getItem("followed") === start;
    if (start && (data.messages.length === 0 || (linkContest && !followed))) {
      if (linkContest) sessionStorage.setItem("followed", start);
      if (data.messages.length > 0) render(data.messages);
      send({ start: start }, "Xin chào");
    } else if (data.messages.length === 0) {
      send({ text: "Xin chào" }, "Xin chào");
    } else {
      render(data.messages);
    }
  }).catch(function () { statusLine.textContent = "Không kết nối được máy chủ, vui lòng tải lại trang."; });

  setInterval(poll, 3000);
  setInterval(tick, 1000);
})();
