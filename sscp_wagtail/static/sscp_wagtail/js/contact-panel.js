/*
 * Contact panels: keep "which number to call now" right on a cached page.
 *
 * The server renders the status for the moment it built the page, marked
 * with that moment, and embeds (as a JSON data island, not a script) every
 * status the panel will have over the next days, each computed by the
 * server's opening-hours engine. This script only picks the one for the
 * reader's clock and words it the way the server does; it does no time-zone
 * or holiday arithmetic of its own, so it cannot disagree with the engine.
 * If the page is older than the data covers, the server's dated status stays.
 *
 * Changes while the page is open are announced once through a polite status
 * region; the first update on load is not announced (it is what the reader
 * is about to read anyway).
 *
 * In Node (tests) the pure functions are exported and nothing touches a DOM.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else if (typeof document !== "undefined") {
    api.startAll(document);
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var MINUTE = 60 * 1000;
  var DAY = 24 * 60 * MINUTE;
  // Re-check at least this often, so a laptop waking from sleep catches up.
  var MAX_WAIT = 60 * MINUTE;

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  // A local wall-clock moment as plain numbers: {year, month (1-12), day, hour, minute}.
  function parseWall(text) {
    var match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text);
    if (!match) {
      return null;
    }
    return {
      year: +match[1],
      month: +match[2],
      day: +match[3],
      hour: +match[4],
      minute: +match[5]
    };
  }

  function dayNumber(wall) {
    return Math.round(Date.UTC(wall.year, wall.month - 1, wall.day) / DAY);
  }

  // Monday = 0, as in Python's date.weekday().
  function weekday(wall) {
    return (new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay() + 6) % 7;
  }

  function offsetAt(zone, ms) {
    var offset = zone.length ? zone[0].offset : 0;
    for (var i = 0; i < zone.length; i += 1) {
      if (Date.parse(zone[i].from) <= ms) {
        offset = zone[i].offset;
      }
    }
    return offset;
  }

  function localWall(zone, ms) {
    var local = new Date(ms + offsetAt(zone, ms) * MINUTE);
    return {
      year: local.getUTCFullYear(),
      month: local.getUTCMonth() + 1,
      day: local.getUTCDate(),
      hour: local.getUTCHours(),
      minute: local.getUTCMinutes()
    };
  }

  // The same as opening_hours.format_time.
  function formatTime(wall, words) {
    if (words.twenty_four_hour) {
      return (wall.hour < 10 ? "0" : "") + wall.hour + ":" + (wall.minute < 10 ? "0" : "") + wall.minute;
    }
    if (wall.hour === 0 && wall.minute === 0) {
      return words.midnight;
    }
    if (wall.hour === 12 && wall.minute === 0) {
      return words.midday;
    }
    var hour = wall.hour % 12 || 12;
    var suffix = wall.hour < 12 ? words.am : words.pm;
    if (wall.minute === 0) {
      return hour + suffix;
    }
    return hour + ":" + (wall.minute < 10 ? "0" : "") + wall.minute + suffix;
  }

  // The same as opening_hours._format_when.
  function formatWhen(moment, reference, words) {
    var daysAhead = dayNumber(moment) - dayNumber(reference);
    var time = formatTime(moment, words);
    if (daysAhead === 0) {
      return format(words.today_at, { time: time });
    }
    if (daysAhead === 1) {
      return format(words.tomorrow_at, { time: time });
    }
    var name = words.weekdays[weekday(moment)];
    if (daysAhead < 7) {
      return format(words.weekday_at, { weekday: name, time: time });
    }
    return format(words.date_at, {
      weekday: name,
      day: moment.day,
      month: words.months[moment.month - 1],
      time: time
    });
  }

  // The same as opening_hours._lower_first.
  function lowerFirst(label) {
    if (label.length > 1 && label[1] !== label[1].toLowerCase()) {
      return label;
    }
    return label.slice(0, 1).toLowerCase() + label.slice(1);
  }

  // The same as opening_hours.status_sentence, for one segment seen at `now`.
  function sentenceFor(segment, line, now, words) {
    if (segment.open && line) {
      var until = segment.until ? parseWall(segment.until) : null;
      if (!until) {
        return format(words.open_now, { phone: line.phone });
      }
      var endsTonight = until.hour === 0 && until.minute === 0 && dayNumber(until) - dayNumber(now) === 1;
      var untilText =
        dayNumber(until) === dayNumber(now) || endsTonight ? formatTime(until, words) : formatWhen(until, now, words);
      return format(words.open_until, { until: untilText, phone: line.phone });
    }
    var parts = [words.closed_now];
    if (line) {
      parts.push(format(words.call_instead, { phone: line.phone, label: lowerFirst(line.label) }));
    }
    var reopens = segment.reopens ? parseWall(segment.reopens) : null;
    if (reopens) {
      parts.push(format(words.reopens, { when: formatWhen(reopens, now, words) }));
    }
    return parts.join(" ");
  }

  function nextLocalMidnight(zone, ms) {
    var wall = localWall(zone, ms);
    var midnightWall = Date.UTC(wall.year, wall.month - 1, wall.day + 1);
    // Wall-clock midnight minus the offset then in force; London never changes at midnight.
    return midnightWall - offsetAt(zone, midnightWall - offsetAt(zone, ms) * MINUTE) * MINUTE;
  }

  /*
   * The status at `ms` (milliseconds since the epoch), or null when the data
   * does not reach that far. Returns {open, line, sentence, nextCheck}: the
   * line to call (or null) and when the wording can next change.
   */
  function statusAt(data, ms) {
    var segments = data.segments || [];
    var validUntil = Date.parse(data.valid_until);
    if (!segments.length || !(ms < validUntil)) {
      return null;
    }
    var index = 0;
    for (var i = 0; i < segments.length; i += 1) {
      if (Date.parse(segments[i].from) <= ms) {
        index = i;
      }
    }
    // A reader's clock a little behind the server's still gets the first status.
    var segment = segments[index];
    var line = segment.current === null || segment.current === undefined ? null : data.lines[segment.current];
    var now = localWall(data.zone, ms);
    var segmentEnd = index + 1 < segments.length ? Date.parse(segments[index + 1].from) : validUntil;
    return {
      open: segment.open,
      line: line,
      sentence: sentenceFor(segment, line, now, data.wording),
      nextCheck: Math.min(segmentEnd, validUntil, nextLocalMidnight(data.zone, ms))
    };
  }

  // ---- The page -----------------------------------------------------------

  function renderSentence(element, status) {
    var line = status.line;
    var at = line && line.tel ? status.sentence.indexOf(line.phone) : -1;
    while (element.firstChild) {
      element.removeChild(element.firstChild);
    }
    if (at < 0) {
      element.appendChild(document.createTextNode(status.sentence));
      return;
    }
    var link = document.createElement("a");
    link.href = "tel:" + line.tel;
    link.textContent = line.phone;
    element.appendChild(document.createTextNode(status.sentence.slice(0, at)));
    element.appendChild(link);
    element.appendChild(document.createTextNode(status.sentence.slice(at + line.phone.length)));
  }

  function start(section) {
    if (section.getAttribute("data-contact-panel-ready") === "true") {
      return; // the script is included once per panel; each panel starts once
    }
    section.setAttribute("data-contact-panel-ready", "true");
    var island = document.getElementById(section.id + "-data");
    var sentence = section.querySelector("[data-contact-panel-sentence]");
    var checked = section.querySelector("[data-contact-panel-checked]");
    var announcer = section.querySelector("[data-contact-panel-announce]");
    var data;
    try {
      data = JSON.parse(island.textContent);
    } catch (error) {
      return; // keep the server's dated status
    }
    var shown = null;
    var timer = null;

    function update() {
      window.clearTimeout(timer);
      var now = Date.now();
      var status = statusAt(data, now);
      if (!status) {
        if (checked) {
          checked.hidden = false; // too old to recompute: say when it was true
        }
        return;
      }
      if (status.sentence !== shown) {
        renderSentence(sentence, status);
        if (shown !== null && announcer) {
          announcer.textContent = status.sentence;
        }
        shown = status.sentence;
      }
      if (checked) {
        checked.hidden = true; // live now, so no "correct at" time
      }
      timer = window.setTimeout(update, Math.max(1000, Math.min(status.nextCheck - now, MAX_WAIT)));
    }

    update();
    document.addEventListener("visibilitychange", function () {
      if (!document.hidden) {
        update();
      }
    });
    window.addEventListener("pageshow", update);
  }

  function startAll(doc) {
    function run() {
      var sections = doc.querySelectorAll("[data-contact-panel]");
      for (var i = 0; i < sections.length; i += 1) {
        start(sections[i]);
      }
    }
    if (doc.readyState === "loading") {
      doc.addEventListener("DOMContentLoaded", run);
    } else {
      run();
    }
  }

  return {
    statusAt: statusAt,
    sentenceFor: sentenceFor,
    formatTime: formatTime,
    formatWhen: formatWhen,
    lowerFirst: lowerFirst,
    localWall: localWall,
    startAll: startAll
  };
});
