// factcheck's HTML report: filters that work without a server. The filters' state is also the
// address's fragment (#person=Aleph&rule=FC101), so that a filtered view can be linked to.
"use strict";
(() => {
  const form = document.getElementById("filters");
  if (!form) return;
  const fields = form.elements;
  const findings = Array.from(document.querySelectorAll("article.finding"));
  const groups = Array.from(document.querySelectorAll("section.group"));
  const figures = Array.from(document.querySelectorAll("figure[data-person]"));
  const shown = document.getElementById("shown");
  const none = document.getElementById("none");
  const keys = ["person", "rule", "severity"];

  function fromAddress() {
    const wanted = new URLSearchParams(window.location.hash.slice(1));
    for (const key of keys) {
      const value = wanted.get(key) || "";
      const known = Array.from(fields[key].options).some((option) => option.value === value);
      fields[key].value = known ? value : "";
    }
    if (fields["new"]) fields["new"].checked = wanted.get("new") === "1";
  }

  function toAddress() {
    const state = new URLSearchParams();
    for (const key of keys) if (fields[key].value) state.set(key, fields[key].value);
    if (fields["new"] && fields["new"].checked) state.set("new", "1");
    const fragment = state.toString();
    try {
      history.replaceState(null, "", fragment ? "#" + fragment : window.location.pathname);
    } catch (error) {
      // A page opened where the address cannot change: the filters work all the same.
    }
  }

  function apply() {
    const person = fields.person.value;
    const rule = fields.rule.value;
    const severity = fields.severity.value;
    const onlyNew = Boolean(fields["new"] && fields["new"].checked);
    let count = 0;
    const named = new Set(); // the people of the findings shown: their timelines show too
    for (const finding of findings) {
      const people = JSON.parse(finding.dataset.people || "[]");
      const match =
        (!person || people.includes(person)) &&
        (!rule || finding.dataset.rule === rule) &&
        (!severity || finding.dataset.severity === severity) &&
        (!onlyNew || finding.dataset.new === "true");
      finding.hidden = !match;
      if (match) {
        count += 1;
        for (const name of people) named.add(name);
      }
    }
    // A timeline is drawn once, in the first group of its person, which may show none of the
    // findings that name the person: it shows whenever one of them does.
    for (const figure of figures) {
      const who = figure.dataset.person;
      figure.hidden = !named.has(who) || (person !== "" && who !== person);
    }
    for (const group of groups) {
      const shown = "article.finding:not([hidden]), figure[data-person]:not([hidden])";
      group.hidden = !group.querySelector(shown);
    }
    shown.textContent = "Showing " + count + " of " + findings.length + " findings";
    none.hidden = count > 0;
    document.documentElement.dataset.shown = String(count);
  }

  form.addEventListener("change", () => {
    apply();
    toAddress();
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", () => {
    window.setTimeout(() => {
      apply();
      toAddress();
    });
  });
  window.addEventListener("hashchange", () => {
    fromAddress();
    apply();
  });
  // Printed, every explanation shows: a closed <details> would print as its summary alone. (The
  // tables beside the timelines stay closed: on paper the drawings say it.)
  const closed = [];
  window.addEventListener("beforeprint", () => {
    for (const details of document.querySelectorAll("details.derivation:not([open])")) {
      closed.push(details);
      details.open = true;
    }
  });
  window.addEventListener("afterprint", () => {
    for (const details of closed.splice(0)) details.open = false;
  });
  fromAddress();
  apply();
  form.hidden = false;
  // For the benchmark and the tests: the script ran, how long after the page was asked for,
  // and how tall the page is.
  const root = document.documentElement;
  root.dataset.ready = "1";
  root.dataset.scriptMs = String(Math.round(performance.now()));
  root.dataset.height = String(root.scrollHeight);
})();
