// @ts-check
/* sphinxcontrib-publist: tabs, sort, search and facets from data-publist-*; BibTeX copy buttons. */
(() => {
	/** @typedef {{id: string, label: string}} Tab */
	/** @typedef {Tab & {groups: "flatten" | "keep" | "order"}} Sort */
	/** @typedef {{id: string, shown: boolean, values: string[], labels: string[]}} Facet */
	/** @typedef {{node: HTMLElement, ranks: number[], group: number, tabs: number[], facets: number[][],
	 *   visible: boolean, text: string | null}} Entry */

	// Data attributes are checked, not trusted: a list whose data has another shape stays as built.
	/** @template T @param {HTMLElement} root @param {string} name @param {(value: any) => value is T} isValid */
	const read = (root, name, isValid) => {
		const value = JSON.parse(root.getAttribute(`data-publist-${name}`) ?? "null");
		if (isValid(value)) return value;
		throw new TypeError(`unexpected data-publist-${name}`);
	};
	/** @template T @param {(item: any) => item is T} isItem */
	const listOf = (isItem) => /** @param {any} list @returns {list is T[]} */ (list) =>
		Array.isArray(list) && list.length > 0 && list.every(isItem);
	/** @param {any} tab @returns {tab is Tab} */
	const isTab = (tab) => typeof tab?.id === "string" && typeof tab.label === "string";
	/** @param {any} sort @returns {sort is Sort} */
	const isSort = (sort) => ["flatten", "keep", "order"].includes(sort?.groups) && isTab(sort);
	/** @param {any} list @returns {list is string[]} */
	const isStrings = (list) => Array.isArray(list) && list.every((item) => typeof item === "string");
	/** @param {any} facet @returns {facet is Facet} */
	const isFacet = (facet) => typeof facet?.id === "string" && typeof facet.shown === "boolean"
		&& isStrings(facet.values) && isStrings(facet.labels) && facet.values.length === facet.labels.length;
	/** @param {any} folds @returns {folds is Record<string, string>} */
	const isFolds = (folds) => folds?.constructor === Object
		&& Object.entries(folds).every(([char, to]) => /^[^\0-\x7f]$/u.test(char) && typeof to === "string");

	// Python's fields.fold, given the characters where it and the browser's Unicode steps differ.
	// Replaced before marks are dropped: Python folds one mark, the iota subscript, to a letter.
	/** @param {Record<string, string>} folds */
	const makeFold = (folds) => {
		const special = new RegExp(`[${Object.keys(folds).join("")}]`, "gu");
		/** @param {string} text */
		return (text) => text.normalize("NFKD").toLowerCase().replace(special, (char) => folds[char])
			.replace(/\p{Mn}/gu, "").split(/\s+/).filter(Boolean);
	};
	// Searched: what a reader sees of an entry, not its buttons.
	const SEARCHED = ".publist-title, .publist-authors, .publist-meta, .publist-citation, .publist-abstract-body";
	const idle = window.requestIdleCallback || setTimeout;
	/** @type {Partial<Record<string, number>>} */
	const TAB_KEYS = { ArrowRight: 1, ArrowLeft: -1 };
	// A new order places this many entries at once, the rest in chunks.
	const FIRST_SCREEN = 150;
	const CHUNK = 300;

	/** @param {ParentNode} parent @param {string} selector */
	const all = (parent, selector) => /** @type {HTMLElement[]} */ ([...parent.querySelectorAll(selector)]);

	/**
	 * @template {keyof HTMLElementTagNameMap} K
	 * @param {K} tag @param {Record<string, string>} attributes @param {string} [text]
	 */
	const make = (tag, attributes, text = "") => {
		const node = document.createElement(tag);
		for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
		node.textContent = text;
		return node;
	};

	// moveBefore keeps nodes attached: far faster for entries holding <details>.
	/** @type {(parent: Element, node: Element, before: Element | null) => void} */
	const move =
		"moveBefore" in Element.prototype
			? (parent, node, before) => parent.moveBefore(node, before)
			: (parent, node, before) => parent.insertBefore(node, before);

	class PublicationList {
		/** @param {HTMLElement} root */
		constructor(root) {
			const data = root.dataset;
			this.root = root;
			this.id = root.id;
			this.controls = (data.publistControls || "").split(" ");
			// Read before the page changes, so that bad data leaves the list as built.
			this.sorts = read(root, "sorts", listOf(isSort));
			this.tabs = this.has("tabs") ? read(root, "tabs", listOf(isTab)) : [];
			this.fold = makeFold(read(root, "fold", isFolds));
			/** @type {Facet[]} */
			this.facets = root.hasAttribute("data-publist-facets") ? read(root, "facets", listOf(isFacet)) : [];
			this.initialSort = Math.max(0, this.sorts.findIndex(({ id }) => id === data.publistSort));
			/** @type {{index: number, node: HTMLElement, list: HTMLElement}[]} */
			this.groups = [];
			/** @type {Entry[]} */
			this.entries = [];
			this.adopt(root);
			// A paged list (:per-page:) shows a window of its entries, the rest loaded from chunks.
			this.perPage = Number(data.publistPerPage) || 0;
			this.chunks = this.perPage ? read(root, "chunks", isStrings) : [];
			this.loaded = !this.chunks.length;
			this.limit = this.perPage;
			/** @type {Entry[]} */
			this.ordered = [];
			/** @type {Entry[]} */
			this.placed = this.entries;
			this.pager = root.querySelector(":scope > .publist-pager");
			// Read when idle, a chunk at a time.
			/** @param {number} from */
			const prepare = (from) => idle(() => {
				for (const entry of this.entries.slice(from, from + CHUNK)) this.textOf(entry);
				if (from + CHUNK < this.entries.length) prepare(from + CHUNK);
			});
			prepare(0);
			this.state = this.readUrl();
			// The page as built shows the initial order, headings included.
			this.arrangedSort = this.initialSort;
			this.typing = false;
			this.arranging = 0;
			this.status = make("p", { class: "publist-count", role: "status", "aria-live": "polite" });
			this.panel = make("div", { class: "publist-panel", id: `${this.id}-panel` });
			this.flat = make("ul", { class: "publist-entries publist-flat", hidden: "" });
			this.empty = make("p", { class: "publist-no-results", hidden: "" }, this.label("no-results"));
			this.more = make("button", { type: "button", class: "publist-more", hidden: "" });
			this.more.addEventListener("click", () => {
				this.limit += this.perPage;
				this.placeWindow();
			});
			/** @type {number[][]} Per facet and value: the entries showing if it were picked. */
			this.facetCounts = this.facets.map(({ values }) => values.map(() => 0));
			this.insertControls();
			this.show(this.state);
			window.addEventListener("popstate", () => {
				this.typing = false;
				this.limit = this.perPage;
				this.show(this.readUrl());
			});
			if (!this.loaded) {
				this.status.textContent = this.label("loading");
				void this.load();
				window.addEventListener("hashchange", () => this.reveal(location.hash));
				// Paper gets every entry that shows.
				window.addEventListener("beforeprint", () => {
					this.limit = Infinity;
					if (this.windowed()) this.placeWindow();
				});
			}
		}

		/** Take the groups and entries of ``parent``: the list as built, or a chunk of it.
		 * @param {ParentNode} parent */
		adopt(parent) {
			/** @type {Map<Element, number>} */
			const groupOf = new Map();
			for (const node of all(parent, ".publist-group")) {
				// A group that goes on from an earlier page is the same group.
				const known = this.groups.find((group) => group.node.id === node.id);
				if (known) groupOf.set(node, known.index);
				else {
					groupOf.set(node, this.groups.length);
					this.groups.push({ index: this.groups.length, node,
						list: node.querySelector(".publist-entries") || node });
				}
			}
			for (const node of all(parent, ".publist-entry")) {
				const { dataset } = node;
				const group = groupOf.get(/** @type {Element} */ (node.closest(".publist-group"))) ?? 0;
				const ranks = (dataset.publistRanks || "").split(" ").map(Number);
				const tabs = (dataset.publistTabs || "").split(" ").filter(Boolean).map(Number);
				const facets = this.facetValues(dataset.publistFacets);
				this.entries.push({ node, ranks, group, tabs, facets, visible: true, text: null });
			}
		}

		// Chunks one after another, their text read at once: the reader's first keystroke must not wait.
		async load() {
			try {
				for (const url of this.chunks) {
					const response = await fetch(url);
					if (!response.ok) throw new Error(`${url}: ${response.status}`);
					const template = document.createElement("template");
					template.innerHTML = await response.text();
					const from = this.entries.length;
					this.adopt(template.content);
					for (const entry of this.entries.slice(from)) this.textOf(entry);
				}
			} catch (error) {
				// From file: pages, say: the pager still leads to every page.
				console.warn(`publist: list #${this.id} searches its first page only:`, error);
				this.perPage = 0;
			}
			this.loaded = true;
			this.arrangedSort = -1;
			this.root.setAttribute("data-publist-loaded", "");
			this.show(this.state);
			this.reveal(location.hash);
		}

		windowed() {
			return this.perPage > 0 && this.loaded;
		}

		/** Place the first ``limit`` entries that show, in order; take the others out of the page. */
		placeWindow() {
			const flat = this.groupsFor(this.state.sort) === "flatten";
			const showing = this.ordered.filter((entry) => entry.visible);
			const shown = showing.slice(0, this.limit);
			for (const { node } of this.placed) node.remove();
			for (const { node } of this.groups) node.remove();
			let previous = null;
			for (const entry of shown) {
				const box = flat ? null : this.groups[entry.group];
				if (box && box !== previous) this.flat.before((previous = box).node);
				(box ? box.list : this.flat).append(entry.node);
			}
			this.placed = shown;
			const left = showing.length - shown.length;
			this.more.hidden = left <= 0;
			this.more.textContent = this.label("more").replace("{count}", String(Math.min(left, this.perPage)));
			this.more.title = this.label("shown").replace("{shown}", String(shown.length))
				.replace("{total}", String(showing.length));
			if (this.pager instanceof HTMLElement) this.pager.hidden = true;
			this.root.dispatchEvent(new CustomEvent("publist:arranged"));
		}

		/** Bring the entry or group ``hash`` names into the window; whether one did.
		 * @param {string} hash */
		reveal(hash) {
			const id = decodeURIComponent(hash.slice(1));
			if (!this.windowed() || !id || document.getElementById(id)) return false;
			const showing = this.ordered.filter((entry) => entry.visible);
			const at = showing.findIndex(({ node, group }) => node.id === id || this.groups[group].node.id === id);
			if (at < 0) return false;
			this.limit = Math.max(this.limit, at + this.perPage);
			this.placeWindow();
			document.getElementById(id)?.scrollIntoView();
			return true;
		}

		/** @param {Entry} entry */
		textOf(entry) {
			return (entry.text ??=
				this.fold(all(entry.node, SEARCHED).map((part) => part.textContent).join(" ")).join(" "));
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
			const tools = make("div", { class: "publist-tools" });
			if (this.tabs.length) {
				bar.append(this.makeTabs());
				this.panel.setAttribute("role", "tabpanel");
			}
			if (this.has("search")) tools.append(this.makeSearch());
			if (this.has("sort") && this.sorts.length > 1) tools.append(this.makeSort());
			if (tools.childElementCount) bar.append(tools);
			if (this.facets.length) bar.append(this.makeFacets());
			bar.append(this.status);
			// Below the list's chart and download link.
			const groups = this.groups.map((group) => group.node);
			this.root.insertBefore(bar, groups[0]);
			bar.after(this.panel);
			this.panel.append(...groups, this.flat, this.empty, this.more);
			this.makeChart();
			this.makeJumpBar(bar);
		}

		makeTabs() {
			const list = make("div", { class: "publist-tabs", role: "tablist", "aria-label": this.label("tabs") });
			this.tabButtons = this.tabs.map((tab, index) => {
				const button = make("button", { type: "button", role: "tab", class: "publist-tab",
					id: `${this.id}-tab-${tab.id}`, "aria-controls": this.panel.id });
				button.addEventListener("click", () => this.change({ tab: index }, true));
				return button;
			});
			list.append(...this.tabButtons);
			// The row scrolls where it does not fit: bring a focused tab wholly into view.
			list.addEventListener("focusin", (event) =>
				/** @type {HTMLElement} */ (event.target).scrollIntoView({ block: "nearest", inline: "nearest" }));
			list.addEventListener("keydown", (event) => {
				const count = this.tabs.length;
				const step = TAB_KEYS[event.key];
				const next = step ? (this.state.tab + step + count) % count
					: { Home: 0, End: count - 1 }[event.key] ?? -1;
				if (next < 0) return;
				event.preventDefault();
				this.change({ tab: next }, true);
				this.tabButtons?.[next].focus();
			});
			return list;
		}

		makeSort() {
			const select = make("select", { id: `${this.id}-sort` });
			for (const { id, label } of this.sorts) select.append(new Option(label, id));
			select.addEventListener("change", () => this.change({ sort: select.selectedIndex }, true));
			this.sortSelect = select;
			return this.field("sort", select);
		}

		makeSearch() {
			const input = make("input", { type: "search", id: `${this.id}-search`,
				placeholder: this.label("search-placeholder"), autocomplete: "off" });
			// The first keystroke adds a history entry, the next ones update it.
			input.addEventListener("input", () => {
				this.change({ query: input.value }, !this.typing);
				this.typing = true;
			});
			this.searchInput = input;
			return this.field("search", input);
		}

		/** @param {string} name @param {HTMLElement} control */
		field(name, control) {
			const field = make("div", { class: `publist-${name}` });
			field.append(make("label", { for: control.id }, this.label(name)), control);
			return field;
		}

		/** @param {Partial<typeof this.state>} update @param {boolean} push */
		change(update, push) {
			if (!("query" in update)) this.typing = false;
			this.limit = this.perPage;
			this.show({ ...this.state, ...update });
			this.writeUrl(push);
		}

		/** @param {typeof this.state} state */
		show(state) {
			this.state = state;
			if (state.sort !== this.arrangedSort) this.arrange(state.sort);
			const counts = this.filter();
			if (this.windowed()) this.placeWindow();
			const { tab, sort, query } = state;
			// Counts wait for every entry.
			this.tabButtons?.forEach((button, index) => {
				button.textContent = this.loaded ? this.label("tab-count")
					.replace("{label}", this.tabs[index].label).replace("{count}", String(counts[index])) : this.tabs[index].label;
				button.setAttribute("aria-selected", String(index === tab));
				button.tabIndex = index === tab ? 0 : -1;
				if (index === tab) this.panel.setAttribute("aria-labelledby", button.id);
			});
			if (this.sortSelect) this.sortSelect.selectedIndex = sort;
			if (this.searchInput && this.searchInput.value !== query) this.searchInput.value = query;
			this.showFacets();
			this.showChart();
			this.showJumpBar();
		}

		/**
		 * How an order treats the groups. The initial order is the one the list was built
		 * in, so its groups hold it as they stand: a list whose order happens to be the
		 * title order (any one-entry list) keeps its year headings.
		 * @param {number} sort
		 */
		groupsFor(sort) {
			const mode = this.sorts[sort].groups;
			return sort === this.initialSort && mode === "flatten" ? "keep" : mode;
		}

		/** @param {number} sort */
		arrange(sort) {
			const mode = this.groupsFor(sort);
			// Ranks are the positions 0..n-1.
			/** @type {typeof this.entries} */
			let ordered = new Array(this.entries.length);
			for (const entry of this.entries) ordered[entry.ranks[sort]] = entry;
			if (mode !== "flatten") {
				// Groups in the order of their first entry, or as built.
				const groups =
					mode === "order" ? [...new Set(ordered.map((entry) => this.groups[entry.group]))] : this.groups;
				ordered = groups.flatMap((group) => ordered.filter((entry) => entry.group === group.index));
			}
			this.flat.hidden = mode !== "flatten";
			this.arrangedSort = sort;
			this.ordered = ordered;
			if (!this.windowed()) this.place(ordered, mode === "flatten");
		}

		/**
		 * Order entries from the top; the rest wait below or in a hidden list.
		 * @param {typeof this.entries} ordered @param {boolean} flat
		 */
		place(ordered, flat) {
			const run = ++this.arranging;
			/** @type {Map<Element, Element | null>} */
			const cursors = new Map();
			let next = 0;
			let previous = /** @type {Element | null} */ (null);
			/** @param {number} count */
			const step = (count) => {
				for (const end = Math.min(ordered.length, next + count); next < end; next += 1) {
					const { node, group } = ordered[next];
					const box = flat ? null : this.groups[group];
					const list = box ? box.list : this.flat;
					// A group moves (with its entries) when its first entry is placed.
					if (box && !cursors.has(list)) {
						const slot = previous ? previous.nextElementSibling : this.panel.firstElementChild;
						if (slot !== box.node) move(this.panel, box.node, slot);
						previous = box.node;
					}
					const cursor = cursors.has(list) ? cursors.get(list) ?? null : list.firstElementChild;
					if (cursor === node) cursors.set(list, node.nextElementSibling);
					else move(list, node, cursor);
					if (!cursors.has(list)) cursors.set(list, cursor);
				}
				// A newer order stops this one.
				if (next < ordered.length) requestAnimationFrame(() => setTimeout(() => run === this.arranging && step(CHUNK)));
				else this.root.dispatchEvent(new CustomEvent("publist:arranged"));
			};
			step(FIRST_SCREEN);
		}

		filter() {
			const terms = this.fold(this.state.query);
			const tabCounts = this.tabs.map(() => 0);
			const groupCounts = this.groups.map(() => 0);
			const picked = this.state.picks.map((picks) => (picks.length ? new Set(picks) : null));
			for (const counts of this.facetCounts) counts.fill(0);
			let shown = 0;
			for (const entry of this.entries) {
				const matches = terms.every((term) => this.textOf(entry).includes(term));
				const inTab = !this.tabs.length || entry.tabs.includes(this.state.tab);
				// Facets the entry fails: with one failing, that facet's chips may still count it.
				let failing = 0;
				let failed = -1;
				picked.forEach((picks, facet) => {
					if (picks && !entry.facets[facet].some((value) => picks.has(value))) [failing, failed] = [failing + 1, facet];
				});
				if (matches && !failing) for (const tab of entry.tabs) tabCounts[tab] += 1;
				if (matches && inTab && failing <= 1) {
					entry.facets.forEach((values, facet) => {
						if (!failing || failed === facet) for (const value of values) this.facetCounts[facet][value] += 1;
					});
				}
				const visible = matches && inTab && !failing;
				if (visible !== entry.visible) entry.node.hidden = !(entry.visible = visible);
				if (visible) {
					shown += 1;
					groupCounts[entry.group] += 1;
				}
			}
			const flattened = this.groupsFor(this.state.sort) === "flatten";
			for (const group of this.groups) group.node.hidden = flattened || !groupCounts[group.index];
			this.empty.hidden = shown > 0;
			const count = this.label(shown === 1 ? "count-one" : "count").replace("{count}", String(shown));
			const status = !this.loaded ? this.label("loading") : shown ? count : this.label("no-results");
			if (this.status.textContent !== status) this.status.textContent = status;
			return tabCounts;
		}

		// URL parameters are named after the list's id: several lists keep apart.
		readUrl() {
			const params = new URLSearchParams(location.search);
			/** @param {string} name */
			const param = (name) => params.get(`${this.id}.${name}`);
			const tab = this.tabs.findIndex(({ id }) => id === param("tab"));
			const sort = this.sorts.findIndex(({ id }) => id === param("sort"));
			const query = (this.has("search") && param("q")) || "";
			return { tab: Math.max(tab, 0), sort: sort < 0 ? this.initialSort : sort, query,
				picks: this.readPicks(params) };
		}

		/** @param {boolean} push */
		writeUrl(push) {
			const { tab, sort, query } = this.state;
			const url = new URL(location.href);
			const values = {
				tab: tab > 0 ? this.tabs[tab].id : "",
				sort: sort !== this.initialSort ? this.sorts[sort].id : "",
				q: query,
			};
			for (const [name, value] of Object.entries(values)) {
				if (value) url.searchParams.set(`${this.id}.${name}`, value);
				else url.searchParams.delete(`${this.id}.${name}`);
			}
			this.writePicks(url.searchParams);
			if (url.href === location.href) return;
			try {
				history[push ? "pushState" : "replaceState"](null, "", url.href);
			} catch {
				// Some browsers refuse this on file: pages; the view still updates.
			}
		}

		// Facets: chips, the year chart's bars and the jump bar, all following this.state.picks
		// (per facet, the indices of the picked values).

		/** @param {string | undefined} text "0;3 5": facets apart by ";", value indices by spaces */
		facetValues(text) {
			if (!this.facets.length) return [];
			const parts = (text ?? "").split(";");
			const bad = () => new TypeError("unexpected data-publist-facets");
			if (parts.length !== this.facets.length) throw bad();
			return parts.map((part, facet) => part.split(" ").filter(Boolean).map((word) => {
				const value = Number(word);
				if (!Number.isInteger(value) || value < 0 || value >= this.facets[facet].values.length) throw bad();
				return value;
			}));
		}

		/** @param {URLSearchParams} params */
		readPicks(params) {
			return this.facets.map(({ id, values }) => [...new Set(params.getAll(`${this.id}.${id}`)
				.map((value) => values.indexOf(value)).filter((index) => index >= 0))]);
		}

		/** @param {URLSearchParams} params */
		writePicks(params) {
			this.facets.forEach(({ id, values }, facet) => {
				params.delete(`${this.id}.${id}`);
				for (const value of this.state.picks[facet]) params.append(`${this.id}.${id}`, values[value]);
			});
		}

		/** @param {number[][]} picks */
		pick(picks) {
			// Read first: Chromium drops focus from an element as soon as it is hidden.
			const focused = /** @type {HTMLElement | null} */ (document.activeElement);
			this.change({ picks }, true);
			// A chip or button that hid itself hands focus to the first chip left.
			if (focused && this.facetBox?.contains(focused) && !focused.checkVisibility()) {
				all(this.facetBox, "button").find((button) => button.checkVisibility())?.focus();
			}
		}

		/** @param {number} facet @param {number} value */
		toggle(facet, value) {
			this.pick(this.state.picks.map((picks, index) => {
				if (index !== facet) return picks;
				return picks.includes(value) ? picks.filter((other) => other !== value) : [...picks, value];
			}));
		}

		makeFacets() {
			const box = make("div", { class: "publist-facets", role: "group", "aria-label": this.label("facets") });
			this.chipGroups = this.facets.map((facet, index) => {
				const labelId = `${this.id}-facet-${facet.id}`;
				const group = make("div", { class: `publist-facet publist-facet-${facet.id}`, role: "group",
					"aria-labelledby": labelId });
				group.append(make("span", { class: "publist-facet-label", id: labelId }, this.label(`facet-${facet.id}`)));
				const chips = facet.values.map((_, value) => {
					const chip = make("button", { type: "button", class: "publist-chip", "aria-pressed": "false" });
					chip.addEventListener("click", () => this.toggle(index, value));
					return chip;
				});
				group.append(...chips);
				box.append(group);
				return { group, chips };
			});
			this.clearButton = make("button", { type: "button", class: "publist-clear-facets", hidden: "" },
				this.label("clear-facets"));
			this.clearButton.addEventListener("click", () => this.pick(this.facets.map(() => [])));
			box.append(this.clearButton);
			this.facetBox = box;
			return box;
		}

		showFacets() {
			const { picks } = this.state;
			this.chipGroups?.forEach(({ group, chips }, facet) => {
				const { shown, labels } = this.facets[facet];
				chips.forEach((chip, value) => {
					const pressed = picks[facet].includes(value);
					const count = this.facetCounts[facet][value];
					const text = this.label("tab-count").replace("{label}", labels[value]).replace("{count}", String(count));
					if (chip.textContent !== text) chip.textContent = text;
					chip.setAttribute("aria-pressed", String(pressed));
					// Chips of a facet the list does not offer appear only when picked (from the chart).
					chip.hidden = !pressed && (!shown || !count);
				});
				group.hidden = chips.every((chip) => chip.hidden);
			});
			if (this.clearButton) this.clearButton.hidden = picks.every((list) => !list.length);
			if (this.facetBox) this.facetBox.hidden = !this.loaded;
		}

		// The year chart's bars pick years, by mouse or (one tab stop, arrow keys) by keyboard.
		makeChart() {
			const year = this.facets.findIndex(({ id }) => id === "year");
			const svg = this.root.querySelector(".publist-chart-svg");
			if (year < 0 || !(svg instanceof SVGSVGElement)) return;
			const bottom = Number(svg.dataset.barBottom);
			const area = Number(svg.dataset.barArea);
			if (!(area > 0 && bottom >= area)) return;
			const { values } = this.facets[year];
			const bars = [...svg.querySelectorAll("rect.publist-chart-bar")].flatMap((rect) => {
				const value = values.indexOf(rect.getAttribute("data-year") ?? "");
				const count = rect.nextElementSibling;
				if (value < 0 || !(rect instanceof SVGRectElement) || !count?.matches(".publist-chart-count")) return [];
				rect.setAttribute("role", "button");
				rect.tabIndex = -1;
				rect.addEventListener("click", () => this.toggle(year, value));
				return [{ rect, count, value, title: rect.querySelector("title") }];
			});
			if (!bars.length) return;
			bars[bars.length - 1].rect.tabIndex = 0;
			// Its children are controls now, not parts of one image; the counts list would go stale.
			svg.setAttribute("role", "group");
			const counts = svg.parentElement?.querySelector(".publist-visually-hidden");
			if (counts instanceof HTMLElement) counts.hidden = true;
			svg.addEventListener("keydown", (event) => {
				const at = bars.findIndex(({ rect }) => rect === event.target);
				if (at < 0) return;
				if (event.key === "Enter" || event.key === " ") {
					event.preventDefault();
					this.toggle(year, bars[at].value);
					return;
				}
				const step = TAB_KEYS[event.key];
				const next = step ? (at + step + bars.length) % bars.length
					: { Home: 0, End: bars.length - 1 }[event.key] ?? -1;
				if (next < 0) return;
				event.preventDefault();
				bars.forEach(({ rect }, index) => (rect.tabIndex = index === next ? 0 : -1));
				bars[next].rect.focus();
			});
			this.chart = { svg, bars, year, bottom, area };
		}

		showChart() {
			if (!this.chart) return;
			const { svg, bars, year, bottom, area } = this.chart;
			const counts = bars.map(({ value }) => this.facetCounts[year][value]);
			const highest = Math.max(1, ...counts);
			const picks = this.state.picks[year];
			bars.forEach(({ rect, count, value, title }, index) => {
				const number = counts[index];
				const height = (area * number) / highest;
				rect.setAttribute("y", (bottom - height).toFixed(1));
				rect.setAttribute("height", height.toFixed(1));
				count.setAttribute("y", (bottom - height - 3).toFixed(1));
				count.textContent = number ? String(number) : "";
				const name = this.label(number === 1 ? "chart-bar-one" : "chart-bar")
					.replace("{year}", this.facets[year].values[value]).replace("{count}", String(number));
				rect.setAttribute("aria-label", name);
				if (title) title.textContent = name;
				rect.setAttribute("aria-pressed", String(picks.includes(value)));
			});
			svg.classList.toggle("publist-chart-picked", picks.length > 0);
		}

		// The jump bar (built as plain links) sits below the controls and hides emptied groups.
		/** @param {HTMLElement} bar */
		makeJumpBar(bar) {
			const nav = this.root.querySelector(":scope > .publist-jump");
			if (!(nav instanceof HTMLElement)) return;
			bar.after(nav);
			// A paged list's links name the page where their group starts: "page-2.html#year-2019".
			this.jumpLinks = all(nav, "li").map((item) => {
				const href = item.querySelector("a")?.getAttribute("href") ?? "";
				return { item, id: decodeURIComponent(href.slice(href.indexOf("#") + 1)) };
			});
			this.jumpBar = nav;
			nav.addEventListener("click", (event) => {
				const link = /** @type {Element} */ (event.target).closest("a");
				const id = this.jumpLinks?.find(({ item }) => item.contains(link))?.id;
				if (!this.windowed() || !id || !this.groupNamed(id)) return;
				event.preventDefault();
				this.reveal(`#${id}`);
				location.hash = id;
			});
			// Orders that turn the groups round (oldest year first) turn the links round too.
			const links = /** @type {HTMLElement} */ (nav.querySelector("ul"));
			this.root.addEventListener("publist:arranged", () => {
				const items = this.groupOrder()
					.flatMap((group) => this.jumpLinks?.find(({ id }) => id === group.node.id)?.item ?? []);
				if (items.some((item, index) => links.children[index] !== item)) links.append(...items);
			});
		}

		/** @param {string} id */
		groupNamed(id) {
			return this.groups.find(({ node }) => node.id === id);
		}

		// The groups as the reader meets them: in the window's order, or the page's.
		groupOrder() {
			if (this.windowed()) return [...new Set(this.ordered.map(({ group }) => this.groups[group]))];
			return this.groups.filter((group) => group.node.parentElement === this.panel)
				.sort((a, b) => (a.node.compareDocumentPosition(b.node) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
		}

		showJumpBar() {
			if (!this.jumpBar || !this.jumpLinks) return;
			for (const { item, id } of this.jumpLinks) {
				const group = this.groupNamed(id);
				// Until every page is in, the links lead to the pages.
				item.hidden = this.loaded && (!group || group.node.hidden);
			}
			this.jumpBar.hidden = this.jumpLinks.every(({ item }) => item.hidden);
		}
	}

	// BibTeX copy buttons, labelled by the toggle's data-publist-copy and -copied.
	const clipboard = navigator.clipboard;
	const ANNOUNCEMENT_MS = 4000;

	/** @param {HTMLElement} details */
	const addCopyButton = (details) => {
		const code = details.querySelector("pre");
		if (!code || details.querySelector(".publist-copy")) return;
		const button = make("button", { type: "button", class: "publist-copy" }, details.dataset.publistCopy || "Copy");
		const status = make("span", { class: "publist-copy-status", role: "status", "aria-live": "polite" });
		/** @type {number | undefined} */
		let timer;
		button.addEventListener("click", () => {
			const text = (code.textContent || "").replace(/\n+$/, "") + "\n";
			clipboard.writeText(text).then(
				() => {
					status.textContent = details.dataset.publistCopied || "Copied";
					clearTimeout(timer);
					timer = setTimeout(() => (status.textContent = ""), ANNOUNCEMENT_MS);
				},
				() => (status.textContent = ""),
			);
		});
		// Before the code in tab order.
		const summary = details.querySelector("summary");
		if (summary) summary.after(button, status);
		else details.prepend(button, status);
	};

	// Themes without colour properties (sphinx_rtd_theme, alabaster) colour links by a rule
	// on `a`: a hidden probe link reads it, for toggles and tabs to match the links.
	// Skipped where the theme has them: restyling a long list is not free.
	const adoptLinkColour = () => {
		const style = getComputedStyle(document.body);
		if (style.getPropertyValue("--color-link") || style.getPropertyValue("--pst-color-link")) return;
		const roots = all(document, ".publist, .publist-details");
		const probes = roots.map((root) => root.appendChild(make("a", { href: "#", hidden: "" })));
		const colours = probes.map((probe) => getComputedStyle(probe).color);
		roots.forEach((root, index) => root.style.setProperty("--publist-theme-link", colours[index]));
		for (const probe of probes) probe.remove();
	};

	const start = () => {
		adoptLinkColour();
		// singlehtml may hold lists sharing an id: keep each apart.
		const ids = new Set();
		for (const root of all(document, ".publist[data-publist-controls]")) {
			const base = root.id;
			for (let n = 2; ids.has(root.id); n += 1) root.id = `${base}-${n}`;
			ids.add(root.id);
			try {
				new PublicationList(root);
			} catch (error) {
				console.warn(`publist: list #${root.id} is shown without controls:`, error);
			}
		}
		if (typeof clipboard?.writeText !== "function") return;
		for (const details of all(document, "details.publist-bibtex")) addCopyButton(details);
	};
	if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
	else start();
})();
