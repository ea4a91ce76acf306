// The editable map (a Streamlit components v2 module). vis-network (from pyvis) comes once per
// session in data.vis (netmap/ui/mapeditor.py) and stays on globalThis.vis; a page without it
// asks for it with the trigger "need_vis". The vis Network lives on
// parentElement, so new data (after an edit) updates the drawing in place: zoom, pan and
// selection stay. Events reach Python as triggers: "select" {id}, "move" {moves: [{id, x, y}]},
// and by mode (data.mode): "add" {x, y} (a click on an empty place) and "connect" {source, target}
// (two actors clicked one after the other).
export default function ({ data, parentElement, setTriggerValue }) {
  if (!globalThis.vis && data.vis) (0, eval)(data.vis); // a global script (UMD: sets globalThis.vis)
  const vis = globalThis.vis;
  if (!vis) {
    setTriggerValue("need_vis", true);
    return;
  }
  const actorOf = (node) => (typeof node === "string" && node.startsWith("a:") ? node.slice(2) : null);
  let st = parentElement.__netmap;
  if (!st) {
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
    st = parentElement.__netmap = { nodes: new vis.DataSet(), edges: new vis.DataSet(), seen: new Map(), seenEdges: new Map() };
    st.network = new vis.Network(box, { nodes: st.nodes, edges: st.edges }, data.options);
    st.network.on("click", (p) => {
      const mode = st.data.mode;
      if (mode === "connect" && p.nodes.length) {
        if (st.from && st.from !== p.nodes[0] && st.nodes.get(st.from)) {
          setTriggerValue("connect", { source: actorOf(st.from), target: actorOf(p.nodes[0]) });
          st.from = null;
        } else {
          st.from = p.nodes[0];
        }
        showStatus(st, status);
      } else if (mode === "add" && !p.nodes.length && !p.edges.length) {
        setTriggerValue("add", { x: Math.round(p.pointer.canvas.x), y: Math.round(p.pointer.canvas.y) });
      } else if (p.nodes.length) setTriggerValue("select", { id: actorOf(p.nodes[0]) });
      else if (!p.edges.length) {
        st.from = null;
        showStatus(st, status);
        setTriggerValue("select", { id: null });
      }
    });
    st.network.on("dragEnd", (p) => {
      if (!p.nodes.length) return;
      const pos = st.network.getPositions(p.nodes);
      const moves = p.nodes.map((n) => ({ id: actorOf(n), x: pos[n].x, y: pos[n].y }));
      for (const n of p.nodes) {
        // What the server will send back: no redraw when it does.
        const last = st.seen.get(n);
        if (last) st.seen.set(n, JSON.stringify({ ...JSON.parse(last), x: pos[n].x, y: pos[n].y }));
      }
      setTriggerValue("move", { moves });
    });
    globalThis.netmapEditor = st.network; // for tests and benchmarks
    st.fresh = true;
  }
  st.data = data;
  if (data.mode !== "connect") st.from = null;
  showStatus(st, parentElement.querySelector(".netmap-status"));
  if (!take(st, data)) {
    setTriggerValue("need_full", true); // a change on a map this page does not have: ask for all
    return;
  }
  if (st.fresh) {
    st.fresh = false;
    netmapFit(st.network); // mapfit.js, sent before this module
  }
  if (data.selected !== st.selected) {
    st.selected = data.selected;
    if (data.selected && st.nodes.get(data.selected)) st.network.selectNodes([data.selected]);
    else st.network.unselectAll();
  }
  parentElement.querySelector(".netmap-editor").dataset.drawn = String(data.rev ?? "");
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
