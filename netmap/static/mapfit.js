// How both maps (the exported page and the app's editable map) frame the network: fitted to the
// bulk of the actors, so that no single actor sets the zoom. An actor far from the others (beyond
// three times the spread of the middle half of the actors, across or down) is left out of the
// frame; it stays on the map, found by zooming out or by its name. Names are drawn
// under the marks, a little lower than vis-network's bounding box says: the frame keeps a margin
// of LOW map units under it.
function netmapFit(network) {
  const LOW = 14, MARGIN = 0.96;
  const ids = network.body.nodeIndices.filter((id) => !network.body.nodes[id].options.hidden);
  if (!ids.length) return;
  const pos = network.getPositions(ids);
  const fence = (values) => {
    const v = values.slice().sort((a, b) => a - b);
    const q1 = v[Math.floor((v.length - 1) / 4)], q3 = v[Math.ceil(((v.length - 1) * 3) / 4)];
    const spread = Math.max(q3 - q1, 200);
    return [q1 - 3 * spread, q3 + 3 * spread];
  };
  const [x0, x1] = fence(ids.map((id) => pos[id].x));
  const [y0, y1] = fence(ids.map((id) => pos[id].y));
  const bulk = ids.filter((id) => pos[id].x >= x0 && pos[id].x <= x1 && pos[id].y >= y0 && pos[id].y <= y1);
  network.fit({ nodes: bulk, animation: false }); // brings the nodes' sizes up to date
  const box = { left: Infinity, right: -Infinity, top: Infinity, bottom: -Infinity };
  for (const id of bulk) {
    const b = network.getBoundingBox(id);
    box.left = Math.min(box.left, b.left);
    box.right = Math.max(box.right, b.right);
    box.top = Math.min(box.top, b.top);
    box.bottom = Math.max(box.bottom, b.bottom + LOW);
  }
  const canvas = network.canvas.frame.canvas;
  const scale = Math.min(
    1,
    (MARGIN * canvas.clientWidth) / Math.max(box.right - box.left, 1),
    (MARGIN * canvas.clientHeight) / Math.max(box.bottom - box.top, 1),
  );
  network.moveTo({
    position: { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 },
    scale,
    animation: false,
  });
}
