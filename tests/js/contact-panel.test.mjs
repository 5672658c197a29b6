// The browser half of the contact panel, checked against the Python engine.
//
// fixtures/contact-panel-cases.json is written by
// tests/sscp_wagtail/test_contact_panel_browser.py: data islands exactly as
// the page embeds them, and for each a table of instants with the engine's
// own sentence. Run with `node --test tests/js/` (pytest runs it too).
import { test, mock } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const require = createRequire(import.meta.url);
const panel = require("../../sscp_wagtail/static/sscp_wagtail/js/contact-panel.js");
const fixture = JSON.parse(readFileSync(new URL("./fixtures/contact-panel-cases.json", import.meta.url), "utf8"));

for (const island of fixture.islands) {
  test(`status matches the engine: ${island.name}`, () => {
    assert.ok(island.cases.length > 10, "the table is not empty");
    for (const expected of island.cases) {
      const status = panel.statusAt(island.data, Date.parse(expected.at));
      if (expected.sentence === null) {
        assert.equal(status, null, `${expected.at}: past the data, the script must not guess`);
        continue;
      }
      assert.ok(status, `${expected.at}: a status`);
      assert.equal(status.sentence, expected.sentence, expected.at);
      assert.equal(status.open, expected.open, expected.at);
      assert.equal(status.line ? status.line.phone : null, expected.phone, expected.at);
      assert.ok(status.nextCheck > Date.parse(expected.at), `${expected.at}: checks again later`);
    }
  });
}

test("format helpers match opening_hours.format_time", () => {
  const words = fixture.islands[0].data.wording;
  const wall = (hour, minute) => ({ year: 2026, month: 1, day: 1, hour, minute });
  assert.equal(panel.formatTime(wall(0, 0), words), "12 midnight");
  assert.equal(panel.formatTime(wall(12, 0), words), "12 midday");
  assert.equal(panel.formatTime(wall(8, 30), words), "8:30am");
  assert.equal(panel.formatTime(wall(16, 5), words), "4:05pm");
  assert.equal(panel.formatTime(wall(17, 0), words), "5pm");
  assert.equal(panel.lowerFirst("Evenings and weekends"), "evenings and weekends");
  assert.equal(panel.lowerFirst("NSPCC helpline"), "NSPCC helpline");
});

// ---- The page: a minimal DOM, enough for the script's own calls ----------

class FakeNode {
  constructor(tag, attributes = {}) {
    this.tag = tag;
    this.attributes = { ...attributes };
    this.children = [];
    this.hidden = false;
    this.text = "";
  }
  get firstChild() {
    return this.children[0] || null;
  }
  appendChild(child) {
    this.children.push(child);
    return child;
  }
  removeChild(child) {
    this.children = this.children.filter((each) => each !== child);
  }
  getAttribute(name) {
    return Object.hasOwn(this.attributes, name) ? this.attributes[name] : null;
  }
  setAttribute(name, value) {
    this.attributes[name] = String(value);
  }
  get textContent() {
    return this.text + this.children.map((child) => child.textContent).join("");
  }
  set textContent(value) {
    // As in the DOM: the text becomes the element's one child node.
    this.children = value === "" ? [] : [Object.assign(new FakeNode("#text"), { text: value })];
  }
  querySelector(selector) {
    const name = selector.slice(1, -1);
    return this.children.find((child) => name in child.attributes) || null;
  }
}

function fakePage(island, serverSentence) {
  const section = new FakeNode("section", { "data-contact-panel": "" });
  section.id = "contact-panel-1-1";
  const sentence = section.appendChild(new FakeNode("p", { "data-contact-panel-sentence": "" }));
  sentence.textContent = serverSentence;
  const checked = section.appendChild(new FakeNode("p", { "data-contact-panel-checked": "" }));
  checked.textContent = "Correct at 4pm on Friday 13 November 2026.";
  const announcer = section.appendChild(new FakeNode("p", { "data-contact-panel-announce": "", role: "status" }));
  const dataNode = new FakeNode("script", { type: "application/json" });
  dataNode.textContent = JSON.stringify(island);
  const listeners = {};
  const document = {
    readyState: "complete",
    hidden: false,
    querySelectorAll: () => [section],
    getElementById: (id) => (id === "contact-panel-1-1-data" ? dataNode : null),
    createTextNode: (text) => Object.assign(new FakeNode("#text"), { text }),
    createElement: (tag) => new FakeNode(tag),
    addEventListener: (type, listener) => {
      listeners[type] = listener;
    },
  };
  return { document, section, sentence, checked, announcer };
}

test("a cached page shows the status for the reader's time and announces only later changes", (t) => {
  const island = fixture.islands[0].data; // rendered Friday 13 November 2026, 4pm
  mock.timers.enable({ apis: ["setTimeout", "Date"], now: Date.parse("2026-11-13T16:45:00Z") });
  t.after(() => mock.timers.reset());
  const page = fakePage(island, "Open now until 4:30pm: call 0161 217 6028");
  globalThis.document = page.document;
  globalThis.window = { setTimeout, clearTimeout, addEventListener: () => {} };
  t.after(() => {
    delete globalThis.document;
    delete globalThis.window;
  });

  panel.startAll(page.document);
  // 4:45pm: the cached "open until 4:30pm" is replaced, with the number as a link.
  assert.equal(
    page.sentence.textContent,
    "Closed now. Call 0161 718 2118 (evenings and weekends). The office opens again Monday at 8:30am.",
  );
  const link = page.sentence.children.find((child) => child.tag === "a");
  assert.equal(link.href, "tel:+441617182118");
  assert.equal(link.textContent, "0161 718 2118");
  assert.equal(page.checked.hidden, true, "the 'correct at' time is hidden once the status is live");
  assert.equal(page.announcer.textContent, "", "nothing is announced on load");

  // Monday 8:30am: the office opens while the page is open.
  mock.timers.tick(Date.parse("2026-11-16T08:30:00Z") - Date.parse("2026-11-13T16:45:00Z"));
  assert.equal(page.sentence.textContent, "Open now until 5pm: call 0161 217 6028");
  assert.equal(page.announcer.textContent, "Open now until 5pm: call 0161 217 6028");

  // Past the data (eight days after rendering): the dated server status comes back.
  mock.timers.tick(Date.parse("2026-11-21T16:00:01Z") - Date.parse("2026-11-16T08:30:00Z"));
  assert.equal(page.checked.hidden, false);
});
