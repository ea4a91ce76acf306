// The editable map (a Streamlit components v2 module). vis-network (from pyvis) comes once per
// session in data.vis (netmap/ui/mapeditor.py) and stays on globalThis.vis; a page without it
// asks for it with the trigger "need_vis". The vis Network lives on
// parentElement, so new data (after an edit) updates the drawing in place: zoom, pan and
// selection stay. Events reach Python as triggers: "select" {id}, "move" {moves: [{id, x, y}]},
// and by mode (data.mode): "add" {x, y} (a click on an empty place) and "connect" {source, target}
// (two actors clicked one after the other, or a drag from one to the other). Above the map, find
// an actor and show only some sectors (data.finder, as on the exported map).
export default function ({ data, parentElement, setTriggerValue }) {
  performance.mark("netmap-data"); // marks for benchmarks/bench_app_browser.py --breakdown
  if (!globalThis.vis && data.vis) {
    (0, eval)(data.vis); // a global script (UMD: sets globalThis.vis)
    performance.mark("netmap-vis");
  }
  const vis = globalThis.vis;
  if (!vis) {
    setTriggerValue("need_vis", true);
    return;
  }
  const actorOf = (node) => (typeof node === "string" && node.startsWith("a:") ? node.slice(2) : null);
  let st = parentElement.__netmap;
  if (!st) {
    // The first data go into the DataSets before the Network is made: vis-network then lays them
    // out and draws them once, instead of once for the actors and again for the ties.
    const first = { nodes: new vis.DataSet(), edges: new vis.DataSet(), seen: new Map(), seenEdges: new Map() };
    if (!take(first, data)) {
      setTriggerValue("need_full", true); // changes to a map this page does not have: ask for all
      return;
    }
    const box = document.createElement("div");
    box.className = "netmap-editor";
    box.setAttribute("role", "img");
    box.setAttribute("aria-label", data.label || "");
    box.style.height = (data.height || 640) + "px";
    const status = document.createElement("p");
    status.className = "netmap-status";
    status.setAttribute("aria-live", "polite");
    parentElement.appendChild(status);
    parentElement.appendChild(box);
    st = parentElement.__netmap = { ...first, selected: null };
    st.network = new vis.Network(box, { nodes: st.nodes, edges: st.edges }, data.options);
    st.network.on("click", (p) => {
      const mode = st.data.mode;
      const node = actorAt(st, p);
      if (mode === "connect" && node) {
        if (st.from && st.from !== node && st.nodes.get(st.from)) {
          setTriggerValue("connect", { source: actorOf(st.from), target: actorOf(node) });
          st.from = null;
        } else {
          st.from = node;
        }
        showStatus(st, status);
      } else if (mode === "add" && !p.nodes.length && !p.edges.length) {
        setTriggerValue("add", { x: Math.round(p.pointer.canvas.x), y: Math.round(p.pointer.canvas.y) });
      } else if (node) setTriggerValue("select", { id: actorOf(node) });
      else if (!p.nodes.length && !p.edges.length) {
        st.from = null;
        showStatus(st, status);
        setTriggerValue("select", { id: null });
      }
    });
    st.network.on("dragEnd", (p) => {
      if (!p.nodes.length || st.data.mode === "connect") return;
      const pos = st.network.getPositions(p.nodes);
      const moves = p.nodes.map((n) => ({ id: actorOf(n), x: pos[n].x, y: pos[n].y }));
      for (const n of p.nodes) {
        // What the server will send back: no redraw when it does.
        const last = st.seen.get(n);
        if (last) st.seen.set(n, JSON.stringify({ ...JSON.parse(last), x: pos[n].x, y: pos[n].y }));
      }
      setTriggerValue("move", { moves });
      keepSelection(st); // vis-network selected the dragged actor; the panel shows the open one
    });
    // The tooltip (a name, kind and sector) goes when the pointer leaves the map or the map
    // changes: it stayed, with a name from before a rename or of an actor since deleted.
    box.addEventListener("mouseleave", () => hideTooltip(st));
    globalThis.netmapEditor = st.network; // for tests and benchmarks
    st.network.once("afterDrawing", () => performance.mark("netmap-drawn"));
    st.fresh = true;
    dragToConnect(st, status, setTriggerValue);
    parentElement.insertBefore(makeFinder(st, setTriggerValue), status);
  }
  st.data = data;
  if (data.mode !== "connect") st.from = null;
  showStatus(st, parentElement.querySelector(".netmap-status"));
  const gen = st.gen;
  const had = !st.fresh && (data.nodes || []).length ? new Set(st.nodes.getIds()) : null;
  if (!take(st, data)) {
    setTriggerValue("need_full", true); // a change on a map this page does not have: ask for all
    return;
  }
  if (st.gen !== gen) hideTooltip(st);
  if (had) showAdded(st, had);
  if (st.fresh) {
    st.fresh = false;
    netmapFit(st.network); // mapfit.js, sent before this module
    performance.mark("netmap-fitted");
  }
  if (data.selected !== st.selected) {
    st.selected = data.selected;
    keepSelection(st);
  }
  updateFinder(st);
  connectMode(st);
  parentElement.querySelector(".netmap-editor").dataset.drawn = String(data.rev ?? "");
}

// An actor added elsewhere than at a click on the map (the form, a pasted list) is placed near
// the network, but may be outside the view: the map is then framed again (three actors added with
// the form were out of sight until the user zoomed out: Danish walk-through).
function showAdded(st, had) {
  const canvas = st.network.canvas.frame.canvas;
  const outside = st.nodes.getIds().some((id) => {
    if (had.has(id) || st.nodes.get(id).hidden) return false;
    const p = st.network.canvasToDOM(st.network.getPositions([id])[id]);
    return p.x < 0 || p.y < 0 || p.x > canvas.clientWidth || p.y > canvas.clientHeight;
  });
  if (outside) netmapFit(st.network);
}

// Show the open actor (the panel's) as the map's selection, and no other.
function keepSelection(st) {
  if (st.selected && st.nodes.get(st.selected)) st.network.selectNodes([st.selected]);
  else st.network.unselectAll();
}

// Hide vis-network's tooltip and forget whose it was, so that the next hover writes the current
// text (hidden by its style only, it came back with the old text on the same actor: review).
function hideTooltip(st) {
  const handler = st.network.interactionHandler; // vis-network 9's own popup state
  if (handler.popup) {
    handler.popup.hide(); // made at the first hover
    handler.popupObj = undefined;
  }
}

// The actor a click was on. In the "connect" mode vis-network puts a node of its own (its
// "targetNode…", the end of the tie being drawn) under the pointer while the button is down, and
// under load the click named that node instead of the actor: the first actor of a tie was then
// lost (a flaky test). Such a click is looked up by the actors' boxes (the topmost wins).
function actorAt(st, p) {
  const hit = p.nodes.find((n) => st.nodes.get(n));
  if (hit || !p.nodes.length) return hit || null;
  const { x, y } = p.pointer.canvas;
  let found = null;
  st.nodes.forEach((n) => {
    const b = st.network.getBoundingBox(n.id);
    if (b && x >= b.left && x <= b.right && y >= b.top && y <= b.bottom) found = n.id;
  }, { filter: (n) => !n.hidden });
  return found;
}

// Drawing a tie by dragging: in the "connect" mode the map is in vis-network's add-edge mode (a
// drag from one actor to another; a drag on an empty place still moves the view). The tie is not
// drawn here: the two actors go to Python, which asks for kind and strength.
function dragToConnect(st, status, setTriggerValue) {
  st.network.setOptions({
    manipulation: {
      enabled: false,
      addEdge: (edge, done) => {
        done(null);
        if (edge.from === edge.to) return; // a click, not a drag: the "click" handler has it
        st.from = null;
        showStatus(st, status);
        setTriggerValue("connect", { source: edge.from.slice(2), target: edge.to.slice(2) });
      },
    },
  });
}

// Enter or leave the add-edge mode; vis-network leaves it whenever its data change, so this
// runs after every update.
function connectMode(st) {
  if (st.data.mode === "connect") st.network.addEdgeMode();
  else if (st.connecting) st.network.disableEditMode();
  st.connecting = st.data.mode === "connect";
}

// The bar above the map: find an actor by (part of) its name, and the sectors shown.
function makeFinder(st, setTriggerValue) {
  const bar = document.createElement("div");
  bar.className = "netmap-finder";
  bar.innerHTML =
    '<form role="search"><label><span></span> <input type="search" list="netmap-names" autocomplete="off"></label> ' +
    '<button type="submit"></button></form><datalist id="netmap-names"></datalist>' +
    '<fieldset><legend></legend><span class="netmap-sectors"></span></fieldset><span role="status" aria-live="polite"></span>';
  st.off = new Set(); // the sectors not shown
  st.finder = bar;
  bar.querySelector("form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const text = st.data.finder || {};
    const hit = findActor(st, bar.querySelector("input").value);
    bar.querySelector("[role=status]").textContent = hit ? text.found + " " + hit.name : text.not_found;
    if (!hit) return;
    if (st.off.delete(hit.sector)) st.finderKey = null; // its sector is shown again
    updateFinder(st);
    st.network.selectNodes([hit.id]);
    st.network.focus(hit.id, { scale: Math.max(st.network.getScale(), 1), locked: false, animation: false });
    setTriggerValue("select", { id: hit.id.slice(2) });
  });
  bar.addEventListener("change", (ev) => {
    const code = ev.target.dataset && ev.target.dataset.sector;
    if (code === undefined) return;
    if (ev.target.checked) st.off.delete(code);
    else st.off.add(code);
    filterSectors(st);
    connectMode(st);
  });
  return bar;
}

// The actor whose name is the text, else the first whose name holds it (case ignored).
function findActor(st, query) {
  const q = query.trim().toLowerCase();
  if (!q) return null;
  const all = st.nodes.get();
  return all.find((n) => n.name.toLowerCase() === q) || all.find((n) => n.name.toLowerCase().includes(q)) || null;
}

// Texts, sector boxes and names after new data; only what changed is rebuilt.
function updateFinder(st) {
  const f = st.data.finder || { sectors: [] };
  const bar = st.finder;
  const key = JSON.stringify(f);
  if (key !== st.finderKey) {
    st.finderKey = key;
    bar.querySelector("label span").textContent = f.find || "";
    bar.querySelector("button").textContent = f.find_go || "";
    bar.querySelector("legend").textContent = f.filter || "";
    const boxes = bar.querySelector(".netmap-sectors");
    boxes.replaceChildren();
    for (const [code, label] of f.sectors) {
      const l = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.dataset.sector = code;
      box.checked = !st.off.has(code);
      l.append(box, " " + label);
      boxes.append(l);
    }
  }
  const names = st.nodes.map((n) => n.name).sort();
  if (names.join("\n") !== st.names) {
    st.names = names.join("\n");
    const list = bar.querySelector("datalist");
    list.replaceChildren(...names.map((n) => Object.assign(document.createElement("option"), { value: n })));
  }
  filterSectors(st);
}

// Hide the actors of the sectors not shown (their ties go with them), show the others.
function filterSectors(st) {
  const changes = [];
  st.nodes.forEach((n) => {
    const hide = st.off.has(n.sector);
    if (Boolean(n.hidden) !== hide) changes.push({ id: n.id, hidden: hide });
  });
  if (changes.length) st.nodes.update(changes);
}

// The line above the map: what a click does now (and, when connecting, from which actor).
function showStatus(st, el) {
  const text = st.data.text || {};
  const from = st.from && st.nodes.get(st.from);
  el.textContent = from ? (text.connect_from || "").replace("{name}", from.name) : text[st.data.mode] || "";
  el.hidden = !el.textContent;
}

// Bring the map to the run's data: all of it (data.base undefined), or only what changed since
// the data this page drew last (data.base: its generation; data.gone_nodes, data.gone_edges:
// ids no longer there). False when the page does not have that generation.
function take(st, data) {
  if (data.gen !== undefined && data.gen === st.gen) return true; // drawn already (the page was only drawn again)
  if (data.base === undefined) {
    apply(st.nodes, st.seen, data.nodes || []);
    apply(st.edges, st.seenEdges, data.edges || []);
  } else if (data.base === st.gen) {
    change(st.nodes, st.seen, data.nodes || [], data.gone_nodes || []);
    change(st.edges, st.seenEdges, data.edges || [], data.gone_edges || []);
  } else {
    return false;
  }
  st.gen = data.gen;
  return true;
}

// Remove the `gone` ids from a vis DataSet and add or update `items` that differ from what it has.
function change(set, seen, items, gone) {
  if (gone.length) {
    set.remove(gone);
    gone.forEach((id) => seen.delete(id));
  }
  const changed = items.filter((item) => {
    const text = JSON.stringify(item);
    if (seen.get(item.id) === text) return false;
    seen.set(item.id, text);
    return true;
  });
  if (changed.length) set.update(changed);
}

// Bring a vis DataSet to `items`: remove what is gone, add or update only what changed.
function apply(set, seen, items) {
  const want = new Set(items.map((i) => i.id));
  change(set, seen, items, set.getIds().filter((id) => !want.has(id)));
}
