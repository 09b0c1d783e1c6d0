/* sphinxcontrib-publist: tabs, sorting and search for publication lists.
 * The page is complete without this script, which inserts the controls. All it
 * needs is in data-publist-* attributes written at build time: translated
 * labels, the orders offered, each entry's rank in each order (from the Python
 * sort), its tabs and its folded search text. */
(() => {
  // Queries are folded as fields.fold folded the entries' search text.
  const FOLDS = {
    ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", æ: "ae", œ: "oe", ß: "ss",
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
  };
  const FOLDABLE = /[øłđðþæœß\u2018\u2019\u201c\u201d\u2013\u2014]/g;
  const MARKS = /\p{Mn}/gu;
  const FLATTEN = 0;
  const ORDER_GROUPS = 2;
  const TAB_KEYS = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

  /** @param {string} text */
  const fold = (text) =>
    text
      .normalize("NFKD")
      .replace(MARKS, "")
      .toLowerCase()
      .replace(FOLDABLE, (char) => FOLDS[/** @type {keyof FOLDS} */ (char)])
      .split(/\s+/)
      .filter(Boolean)
      .join(" ");

  /**
   * @param {string} tag
   * @param {Record<string, string>} attributes
   * @param {string} [text]
   */
  const make = (tag, attributes, text) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    if (text) node.textContent = text;
    return node;
  };

  /** @param {string} template @param {Record<string, string | number>} values */
  const fill = (template, values) =>
    template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));

  // A new order places this many entries at once, the rest in chunks.
  const FIRST_SCREEN = 150;
  const CHUNK = 300;

  // moveBefore keeps nodes attached: far faster for entries holding <details>.
  /** @type {(parent: Element, node: Element, before: Element | null) => void} */
  const move =
    "moveBefore" in Element.prototype
      ? (parent, node, before) => /** @type {any} */ (parent).moveBefore(node, before)
      : (parent, node, before) => parent.insertBefore(node, before);

  class PublicationList {
    /** @param {HTMLElement} root */
    constructor(root) {
      const data = root.dataset;
      this.root = root;
      this.id = root.id;
      this.controls = (data.publistControls || "").split(" ");
      /** @type {[string, string, number][]} */
      this.sorts = JSON.parse(data.publistSorts || "[]");
      /** @type {[string, string][]} */
      this.tabs = this.has("tabs") ? JSON.parse(data.publistTabs || "[]") : [];
      this.initialSort = Math.max(0, this.sorts.findIndex((choice) => choice[0] === data.publistSort));
      this.groups = Array.from(root.querySelectorAll(".publist-group"), (node, index) => ({
        index,
        node: /** @type {HTMLElement} */ (node),
        list: node.querySelector(".publist-entries") || node,
        firstRanks: this.sorts.map(() => Infinity),
      }));
      /** @type {Map<Element | null, number>} */
      const groupOf = new Map(this.groups.map((group, index) => [group.node, index]));
      this.entries = Array.from(root.querySelectorAll(".publist-entry"), (node) => {
        const entry = /** @type {HTMLElement} */ (node);
        const ranks = (entry.dataset.publistRanks || "").split(" ").map(Number);
        const group = groupOf.get(entry.closest(".publist-group")) ?? 0;
        ranks.forEach((rank, sort) => {
          const first = this.groups[group].firstRanks;
          first[sort] = Math.min(first[sort], rank);
        });
        const tabs = (entry.dataset.publistTabs || "").split(" ").filter(Boolean).map(Number);
        return { node: entry, ranks, group, tabs, text: entry.dataset.publistSearch || "", visible: true };
      });
      this.state = this.readUrl();
      const initialMode = this.sorts[this.initialSort]?.[2];
      this.arrangedSort = initialMode === FLATTEN ? -1 : this.initialSort;
      this.typing = false;
      this.arranging = 0;
      this.status = make("p", { class: "publist-count", role: "status", "aria-live": "polite" });
      this.panel = make("div", { class: "publist-panel", id: `${this.id}-panel` });
      this.flat = make("ul", { class: "publist-entries publist-flat", hidden: "" });
      this.empty = make("p", { class: "publist-no-results", hidden: "" }, this.label("no-results"));
      this.insertControls();
      this.show(this.state);
      window.addEventListener("popstate", () => {
        this.typing = false;
        this.show(this.readUrl());
      });
    }

    /** @param {string} control */
    has(control) {
      return this.controls.includes(control);
    }

    /** @param {string} name */
    label(name) {
      return this.root.getAttribute(`data-publist-label-${name}`) || "";
    }

    insertControls() {
      const bar = make("div", { class: "publist-controls" });
      if (this.tabs.length) bar.append(this.makeTabs());
      const tools = make("div", { class: "publist-tools" });
      if (this.has("search")) tools.append(this.makeSearch());
      if (this.has("sort") && this.sorts.length > 1) tools.append(this.makeSort());
      if (tools.childElementCount) bar.append(tools);
      bar.append(this.status);
      if (this.tabs.length) this.panel.setAttribute("role", "tabpanel");
      this.panel.append(...Array.from(this.root.childNodes), this.flat, this.empty);
      this.root.append(bar, this.panel);
    }

    makeTabs() {
      const list = make("div", { class: "publist-tabs", role: "tablist", "aria-label": this.label("tabs") });
      this.tabButtons = this.tabs.map(([name], index) => {
        const button = make("button", {
          type: "button",
          role: "tab",
          class: "publist-tab",
          id: `${this.id}-tab-${name}`,
          "aria-controls": `${this.id}-panel`,
        });
        button.addEventListener("click", () => this.change({ tab: index }, true));
        return button;
      });
      list.append(...this.tabButtons);
      list.addEventListener("keydown", (event) => this.moveBetweenTabs(event));
      return list;
    }

    /** @param {KeyboardEvent} event */
    moveBetweenTabs(event) {
      const count = this.tabs.length;
      let next = -1;
      if (event.key in TAB_KEYS) {
        const step = TAB_KEYS[/** @type {keyof TAB_KEYS} */ (event.key)];
        next = (this.state.tab + step + count) % count;
      } else if (event.key === "Home") next = 0;
      else if (event.key === "End") next = count - 1;
      if (next < 0) return;
      event.preventDefault();
      this.change({ tab: next }, true);
      this.tabButtons?.[next].focus();
    }

    makeSort() {
      const field = make("div", { class: "publist-sort" });
      const select = /** @type {HTMLSelectElement} */ (make("select", { id: `${this.id}-sort` }));
      for (const [name, text] of this.sorts) select.append(new Option(text, name));
      select.addEventListener("change", () => this.change({ sort: select.selectedIndex }, true));
      field.append(make("label", { for: select.id }, this.label("sort")), select);
      this.sortSelect = select;
      return field;
    }

    makeSearch() {
      const field = make("div", { class: "publist-search" });
      const input = /** @type {HTMLInputElement} */ (
        make("input", {
          type: "search",
          id: `${this.id}-search`,
          placeholder: this.label("search-placeholder"),
          autocomplete: "off",
          spellcheck: "false",
        })
      );
      // The first keystroke adds a history entry, the next ones update it.
      input.addEventListener("input", () => {
        this.change({ query: input.value }, !this.typing);
        this.typing = true;
      });
      field.append(make("label", { for: input.id }, this.label("search")), input);
      this.searchInput = input;
      return field;
    }

    /**
     * @param {Partial<{tab: number, sort: number, query: string}>} update
     * @param {boolean} push
     */
    change(update, push) {
      if (!("query" in update)) this.typing = false;
      this.show({ ...this.state, ...update });
      this.writeUrl(push);
    }

    /** @param {{tab: number, sort: number, query: string}} state */
    show(state) {
      this.state = state;
      if (state.sort !== this.arrangedSort) this.arrange(state.sort);
      this.filter();
      this.syncControls();
    }

    /** @param {number} sort */
    arrange(sort) {
      const mode = this.sorts[sort][2];
      // Ranks are the positions 0..n-1.
      /** @type {typeof this.entries} */
      let ordered = new Array(this.entries.length);
      for (const entry of this.entries) ordered[entry.ranks[sort]] = entry;
      if (mode !== FLATTEN) {
        const groups = this.groups.slice();
        if (mode === ORDER_GROUPS) groups.sort((a, b) => a.firstRanks[sort] - b.firstRanks[sort]);
        // Move only misplaced groups: moving one moves all its entries.
        let before = this.flat;
        for (const group of groups.reverse()) {
          if (group.node.nextElementSibling !== before) move(this.panel, group.node, before);
          before = group.node;
        }
        groups.reverse();
        /** @type {typeof this.entries[]} */
        const members = this.groups.map(() => []);
        for (const entry of ordered) members[entry.group].push(entry);
        ordered = groups.flatMap((group) => members[group.index]);
      }
      this.flat.hidden = mode !== FLATTEN;
      this.arrangedSort = sort;
      this.place(ordered, (entry) => (mode === FLATTEN ? this.flat : this.groups[entry.group].list));
    }

    /**
     * Put entries in order, each after the ordered part of its list. Entries not
     * placed yet sit below it or in a hidden list, so the page reads correctly
     * from the top meanwhile. A newer order stops this one; "publist:arranged"
     * tells when it is done.
     * @param {typeof this.entries} ordered
     * @param {(entry: typeof this.entries[0]) => Element} listOf
     */
    place(ordered, listOf) {
      const run = ++this.arranging;
      /** @type {Map<Element, Element | null>} */
      const cursors = new Map();
      let next = 0;
      /** @param {number} count */
      const step = (count) => {
        for (const end = Math.min(ordered.length, next + count); next < end; next += 1) {
          const { node } = ordered[next];
          const list = listOf(ordered[next]);
          const cursor = cursors.has(list) ? cursors.get(list) ?? null : list.firstElementChild;
          if (cursor === node) cursors.set(list, node.nextElementSibling);
          else move(list, node, cursor);
          if (!cursors.has(list)) cursors.set(list, cursor);
        }
      };
      const rest = () => {
        if (run !== this.arranging) return;
        step(CHUNK);
        if (next < ordered.length) setTimeout(rest, 0);
        else this.root.dispatchEvent(new CustomEvent("publist:arranged"));
      };
      step(FIRST_SCREEN);
      if (next < ordered.length) setTimeout(rest, 0);
      else this.root.dispatchEvent(new CustomEvent("publist:arranged"));
    }

    filter() {
      const terms = fold(this.state.query).split(" ").filter(Boolean);
      const tabCounts = this.tabs.map(() => 0);
      const groupCounts = this.groups.map(() => 0);
      let shown = 0;
      for (const entry of this.entries) {
        const matches = terms.every((term) => entry.text.includes(term));
        if (matches) for (const tab of entry.tabs) tabCounts[tab] += 1;
        const visible = matches && (!this.tabs.length || entry.tabs.includes(this.state.tab));
        if (visible !== entry.visible) {
          entry.node.hidden = !visible;
          entry.visible = visible;
        }
        if (visible) {
          shown += 1;
          groupCounts[entry.group] += 1;
        }
      }
      const flattened = this.sorts[this.state.sort][2] === FLATTEN;
      this.groups.forEach((group, index) => {
        group.node.hidden = flattened || groupCounts[index] === 0;
      });
      this.empty.hidden = shown > 0;
      this.tabButtons?.forEach((button, index) => {
        button.textContent = fill(this.label("tab-count"), { label: this.tabs[index][1], count: tabCounts[index] });
      });
      const status =
        shown === 0 ? this.label("no-results") : fill(this.label(shown === 1 ? "count-one" : "count"), { count: shown });
      if (this.status.textContent !== status) this.status.textContent = status;
    }

    syncControls() {
      const { tab, sort, query } = this.state;
      this.tabButtons?.forEach((button, index) => {
        button.setAttribute("aria-selected", String(index === tab));
        button.tabIndex = index === tab ? 0 : -1;
        if (index === tab) this.panel.setAttribute("aria-labelledby", button.id);
      });
      if (this.sortSelect) this.sortSelect.selectedIndex = sort;
      if (this.searchInput && this.searchInput.value !== query) this.searchInput.value = query;
    }

    /** @param {string} name */
    param(name) {
      return `${this.id}.${name}`;
    }

    readUrl() {
      const params = new URLSearchParams(window.location.search);
      const tab = this.tabs.findIndex(([name]) => name === params.get(this.param("tab")));
      const sort = this.sorts.findIndex(([name]) => name === params.get(this.param("sort")));
      return {
        tab: Math.max(tab, 0),
        sort: sort >= 0 ? sort : this.initialSort,
        query: this.has("search") ? params.get(this.param("q")) || "" : "",
      };
    }

    /** @param {boolean} push */
    writeUrl(push) {
      const { tab, sort, query } = this.state;
      const url = new URL(window.location.href);
      const values = {
        tab: tab > 0 ? this.tabs[tab][0] : "",
        sort: sort !== this.initialSort ? this.sorts[sort][0] : "",
        q: query,
      };
      for (const [name, value] of Object.entries(values)) {
        if (value) url.searchParams.set(this.param(name), value);
        else url.searchParams.delete(this.param(name));
      }
      if (url.href === window.location.href) return;
      try {
        window.history[push ? "pushState" : "replaceState"](null, "", url.href);
      } catch {
        // Some browsers refuse this on file: pages; the view still updates.
      }
    }
  }

  // Print every abstract (where CSS cannot open <details>), then close them again.
  /** @type {NodeListOf<HTMLDetailsElement> | []} */
  let closed = [];
  window.addEventListener("beforeprint", () => {
    closed = document.querySelectorAll(".publist details.publist-abstract:not([open])");
    for (const details of closed) details.open = true;
  });
  window.addEventListener("afterprint", () => {
    for (const details of closed) details.open = false;
  });

  const start = () => {
    for (const root of document.querySelectorAll(".publist[data-publist-controls]")) {
      new PublicationList(/** @type {HTMLElement} */ (root));
    }
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
