// The Cytoscape canvas: node/edge model, styles, colours, layouts and sizing.

/* global cytoscape */

export const NODE_TYPES = ['Organisation', 'Person', 'Sector', 'LocalAuthority', 'Lep', 'Partnership'];
export const NODE_TYPE_LABELS = {
  Organisation: 'Organisations', Person: 'People', Sector: 'Sectors', LocalAuthority: 'Local authorities',
  Lep: 'LEPs', Partnership: 'Partnerships'
};
const PREFIX = { Organisation: '', Person: 'person:', Sector: 'sector:', LocalAuthority: 'la:', Lep: 'lep:', Partnership: 'partnership:' };

/** Relationship types on the canvas, grouped by what "expand" fetches. */
export const REL_TYPES = {
  SUPPLIES: 'Supplies', OFFICER: 'Officer of', CONTROLS: 'Controls', MEMBER: 'Member of',
  IN_SECTOR: 'In sector', SUBSECTOR: 'Sub-sector', IN_PLACE: 'Located in', PART_OF: 'Part of LEP', PATH: 'Path step'
};
export const EXPAND_GROUPS = {
  supply: { label: 'Supply chain', rels: ['SUPPLIES'] },
  officers: { label: 'Officers', rels: ['OFFICER'] },
  ownership: { label: 'Ownership', rels: ['CONTROLS'] },
  memberships: { label: 'Memberships', rels: ['MEMBER'] },
  sector: { label: 'Sector', rels: ['IN_SECTOR', 'SUBSECTOR'] },
  place: { label: 'Place', rels: ['IN_PLACE', 'PART_OF'] }
};

/** Colour by kind; chosen for contrast on white and against each other (GOV.UK palette). */
export const KIND_COLOURS = {
  COMPANY: '#1d70b8', UNIVERSITY: '#4c2c92', COLLEGE: '#912b88', LOCAL_AUTHORITY: '#00703c', PUBLIC_BODY: '#28a197',
  TRADE_BODY: '#b58840', CHARITY: '#d53880', LEP: '#003078', PERSON: '#f47738', SECTOR: '#5694ca',
  PLACE: '#85994b', LEP_AREA: '#0b0c0c', PARTNERSHIP: '#d4351c', OTHER: '#505a5f'
};
export const KIND_LABELS = {
  COMPANY: 'Company', UNIVERSITY: 'University', COLLEGE: 'College', LOCAL_AUTHORITY: 'Council', PUBLIC_BODY: 'Public body',
  TRADE_BODY: 'Trade body', CHARITY: 'Charity', LEP: 'LEP (organisation)', PERSON: 'Person', SECTOR: 'Sector',
  PLACE: 'Local authority area', LEP_AREA: 'LEP area', PARTNERSHIP: 'Partnership', OTHER: 'Other'
};

export function nodeId(type, ref) { return (PREFIX[type] ?? '') + ref; }
export function typeOfId(id) {
  for (const [t, p] of Object.entries(PREFIX)) if (p && id.startsWith(p)) return t;
  return 'Organisation';
}
export function refOf(id) { const t = typeOfId(id); return id.substring(PREFIX[t].length); }

/** Cytoscape node data from an organisation as the API returns it (ORG_FIELDS). */
export function orgData(o) {
  return {
    id: o.id, type: 'Organisation', ref: o.id, label: o.name, kind: o.kind || 'OTHER', status: o.status || null,
    year: o.incorporatedOn ? Number(o.incorporatedOn.substring(0, 4)) : null, employees: o.employees ?? null,
    sample: !!o.sample, la: o.localAuthority ? o.localAuthority.code : null
  };
}
export function otherData(type, ref, label, extra = {}) {
  const kind = { Person: 'PERSON', Sector: 'SECTOR', LocalAuthority: 'PLACE', Lep: 'LEP_AREA', Partnership: 'PARTNERSHIP' }[type] || 'OTHER';
  return Object.assign({ id: nodeId(type, ref), type, ref, label, kind }, extra);
}
export function edgeData(rel, source, target, extra = {}) {
  return Object.assign({ id: rel + '|' + source + '|' + target, rel, source, target }, extra);
}

const STYLE = [
  { selector: 'node', style: {
    'background-color': ele => KIND_COLOURS[ele.data('kind')] || KIND_COLOURS.OTHER,
    'label': 'data(label)', 'font-size': 11, 'color': '#0b0c0c', 'text-valign': 'bottom', 'text-margin-y': 3,
    'text-wrap': 'ellipsis', 'text-max-width': 140, 'text-background-color': '#ffffff', 'text-background-opacity': 0.8,
    'text-background-padding': 1, 'width': 'data(size)', 'height': 'data(size)', 'border-width': 1, 'border-color': '#0b0c0c',
    'min-zoomed-font-size': 7
  } },
  { selector: 'node[type = "Sector"]', style: { 'shape': 'round-rectangle' } },
  { selector: 'node[type = "LocalAuthority"], node[type = "Lep"]', style: { 'shape': 'hexagon' } },
  { selector: 'node[type = "Partnership"]', style: { 'shape': 'star' } },
  { selector: 'node:selected', style: { 'border-width': 5, 'border-color': '#ffdd00', 'overlay-opacity': 0 } },
  { selector: 'node.pinned', style: { 'border-style': 'double', 'border-width': 5, 'border-color': '#0b0c0c' } },
  { selector: 'edge', style: {
    'width': 1.5, 'line-color': '#8a8c8e', 'target-arrow-color': '#8a8c8e', 'target-arrow-shape': 'triangle',
    'curve-style': 'bezier', 'arrow-scale': 0.8
  } },
  { selector: 'edge[rel = "SUPPLIES"]', style: { 'line-color': '#1d70b8', 'target-arrow-color': '#1d70b8', 'width': 2.5 } },
  { selector: 'edge[rel = "CONTROLS"]', style: { 'line-color': '#4c2c92', 'target-arrow-color': '#4c2c92', 'line-style': 'dashed', 'width': 2 } },
  { selector: 'edge[rel = "OFFICER"]', style: { 'line-color': '#f47738', 'target-arrow-color': '#f47738' } },
  { selector: 'edge[rel = "MEMBER"]', style: { 'line-color': '#d4351c', 'target-arrow-color': '#d4351c' } },
  { selector: 'edge[rel = "PATH"]', style: { 'line-color': '#ffdd00', 'target-arrow-color': '#0b0c0c', 'width': 5 } },
  { selector: '.faded', style: { 'opacity': 0.15 } },
  { selector: '.hl', style: { 'opacity': 1 } },
  { selector: '.hidden, .filtered', style: { 'display': 'none' } },
  { selector: 'node.gainer', style: { 'border-width': 4, 'border-color': '#00703c' } },
  { selector: 'node.gainer-outside', style: { 'border-width': 4, 'border-color': '#505a5f', 'border-style': 'dashed' } },
  { selector: 'node.gap', style: {
    'border-width': 5, 'border-color': '#d4351c', 'border-style': 'dashed', 'label': 'data(gapLabel)', 'text-wrap': 'wrap',
    'color': '#942514', 'font-weight': 'bold'
  } },
  { selector: 'node.path', style: { 'border-width': 5, 'border-color': '#0b0c0c' } }
];

export function createGraph(container) {
  return cytoscape({
    container, style: STYLE, elements: [], minZoom: 0.05, maxZoom: 4, wheelSensitivity: 0.3,
    textureOnViewport: true, hideEdgesOnViewport: false, pixelRatio: 1
  });
}

/** Layout options; large graphs get fewer iterations so the page stays responsive. */
export function layoutOptions(name, cy, opts = {}) {
  const n = cy.nodes().not('.hidden, .filtered').length;
  // Cytoscape's cose is O(n²) per iteration and runs on the page's thread: beyond 800 nodes it would freeze
  // the page for minutes on a slow machine, so large graphs get the concentric layout unless asked again.
  if (name === 'cose' && n > 800 && !opts.force) name = 'concentric';
  const base = { name, animate: false, fit: opts.fit !== false, padding: 30, nodeDimensionsIncludeLabels: false };
  if (name === 'cose') {
    return Object.assign(base, {
      randomize: !!opts.randomize, numIter: n > 1500 ? 150 : n > 600 ? 300 : 1000, nodeRepulsion: () => 40000,
      idealEdgeLength: () => 60, componentSpacing: 60, gravity: 1, refresh: 20, coolingFactor: 0.95
    });
  }
  if (name === 'concentric') {
    return Object.assign(base, { concentric: node => node.degree(), levelWidth: () => 2, minNodeSpacing: 8 });
  }
  if (name === 'breadthfirst') {
    const roots = cy.nodes(':selected, .pinned').not('.hidden, .filtered');
    return Object.assign(base, { directed: false, spacingFactor: 1, roots: roots.length ? roots : undefined });
  }
  return base;
}

/** Sets every node's data(size) from the chosen metric (20 px .. 80 px, square-root scaled). */
export function applySizes(cy, metric) {
  const nodes = cy.nodes();
  const value = node => {
    if (metric === 'employees') return node.data('employees') || 0;
    if (metric === 'degree') return node.connectedEdges().not('.filtered').length;
    if (metric === 'gain') return node.data('gain') || 0;
    return 0;
  };
  let max = 0;
  nodes.forEach(n => { max = Math.max(max, value(n)); });
  cy.batch(() => nodes.forEach(n => {
    const v = value(n);
    const size = metric === 'none' || max === 0 ? 26 : 16 + 64 * Math.sqrt(v / max);
    n.data('size', Math.round(size));
  }));
}
