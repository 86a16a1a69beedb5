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
  var announcer = document.getElementById("announce");
  var lastId = 0;
  var shown = {};
  var deadline = null;
  var busy = false;
  // Set when an answer button was pressed from the keyboard, so the focus moves to the next buttons (or the input)
  // instead of falling back to the page's top when the pressed button goes.
  var focusChoices = false;
  // The last point of the countdown a screen reader was told (5 minutes, 1 minute, over), so each is said once.
  var announced = null;
  // Inside a platform's app (Telegram's Mini App) the page acts as the person's chat there: this token, not the
  // cookie, names it (see WebChannel's /api/web/session).
  var pageSession = null;
  var stopped = false;

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
    var refocus = focusChoices || choicesBox.contains(document.activeElement);
    focusChoices = false;
    choicesBox.textContent = "";
    (choices || []).forEach(function (c) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = c.label;
      b.dataset.token = c.token;
      var spoken = spokenName(c);
      if (spoken) b.setAttribute("aria-label", spoken);
      // A click from the keyboard (Enter, Space) has no pointer behind it: detail is 0.
      b.addEventListener("click", function (e) { focusChoices = e.detail === 0; send({ choice: c.token }, c.label); });
      choicesBox.appendChild(b);
    });
    if (refocus) (choicesBox.querySelector("button") || input).focus();
  }

  // An answer button shows only its letter; a screen reader says the option too ("Phương án B: Sở Nội vụ"), taken
  // from the words the tap stands for ("Câu 3: B. Sở Nội vụ", Choice.said). Other buttons are named by their label.
  function spokenName(c) {
    if (!c.said) return null;
    var mark = ": " + c.label + ". ";
    var at = c.said.indexOf(mark);
    return at < 0 ? c.said : "Phương án " + c.label + ": " + c.said.slice(at + mark.length);
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
    if ((last.deadline || null) !== deadline) announced = null;
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
    if (pageSession) opts.headers["X-Page-Session"] = pageSession;
    if (body) {
      opts.headers["Content-Type"] = "application/json";
      opts.body = JSON.stringify(body);
    }
    return fetch("/api/web/messages?after=" + lastId, opts).then(checked);
  }

  function checked(r) {
    return r.json().then(function (data) {
      // A page whose platform session ended can do nothing more: say so and stop.
      if (r.status === 401 && pageSession) stop(data && data.error);
      if (!r.ok) throw new Error(data && data.error ? data.error : "Lỗi " + r.status);
      return data;
    });
  }

  function stop(message) {
    stopped = true;
    statusLine.textContent = message || "Không mở được trang thi.";
    sendButton.disabled = true;
    input.disabled = true;
    choicesBox.textContent = "";
  }

  // A message keeps its id across retries, so a resend after a dropped connection counts once.
  function send(payload, shown) {
    if (busy || stopped) return;
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
        if (stopped) return;
        statusLine.textContent = err.message || "Không gửi được, vui lòng thử lại.";
        setBusy(false);
      });
    })();
  }

  function poll() {
    if (busy || stopped) return;
    request("GET").then(function (data) { render(data.messages); }).catch(function () { /* next poll */ });
  }

  function tick() {
    if (!deadline) { timer.hidden = true; return; }
    var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    var m = Math.floor(left / 60), s = left % 60;
    timer.hidden = false;
    timer.textContent = left > 0 ? "Thời gian còn lại: " + m + " phút " + (s < 10 ? "0" : "") + s + " giây" : "Đã hết giờ làm bài";
    timer.className = "timer" + (left <= 60 ? " urgent" : "");
    // The countdown itself is silent (it changes every second); a screen reader hears when 5 and 1 minutes are left.
    var mark = left <= 0 ? 0 : left <= 60 ? 60 : left <= 300 ? 300 : null;
    if (mark !== null && mark !== announced) {
      announced = mark;
      announcer.textContent = left > 0 ? "Còn " + Math.ceil(left / 60) + " phút làm bài" : "Đã hết giờ làm bài";
    }
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

  // Telegram opens the Mini App with its signed initData in the address's fragment (#tgWebAppData=...), the same
  // value its own script gives as Telegram.WebApp.initData; the page needs nothing else from Telegram.
  var hash = new URLSearchParams(window.location.hash.replace(/^#/, ""));
  var initData = hash.get("tgWebAppData");
  if (params.get("app") === "telegram" || initData) {
    telegramEvent("web_app_ready");
    telegramEvent("web_app_expand");
    if (!initData) {
      stop("Trang này chỉ mở được bằng nút “Thi ngay” trong cuộc trò chuyện với bot Telegram.");
    } else {
      fetch("/api/web/session", { method: "POST", headers: { "Content-Type": "application/json", "Accept": "application/json" },
        credentials: "omit", body: JSON.stringify({ channel: "telegram", proof: initData }) }).then(function (r) {
        return r.json().then(function (data) {
          if (!r.ok) throw new Error(data && data.error ? data.error : "Lỗi " + r.status);
          return data;
        });
      }).then(function (data) {
        pageSession = data.session;
        // The bot chat keeps the history: the page starts at its current question (a bare start asks it again).
        lastId = data.after;
        send({ start: start || "" }, "Thi ngay");
      }).catch(function (err) {
        stop(err instanceof TypeError ? "Không kết nối được máy chủ, vui lòng mở lại trang." : err.message);
      });
    }
  } else request("GET").then(function (data) {
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

  // Tells the Telegram app the page is ready (and to give it the whole height), as its own script would; outside
  // Telegram nothing listens.
  function telegramEvent(type) {
    try {
      if (window.TelegramWebviewProxy) window.TelegramWebviewProxy.postEvent(type, "{}");
      else if (window.parent !== window) window.parent.postMessage(JSON.stringify({ eventType: type, eventData: {} }), "*");
    } catch (e) { /* not inside Telegram */ }
  }

  setInterval(poll, 3000);
  setInterval(tick, 1000);
})();
