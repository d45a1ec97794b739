// Sector Graph network explorer: search, expand, filter, details, paths, analyses, share and export.

import { gql, GraphQlError, auth, onBusyChange, onDataLoading, ORG_FIELDS } from './api.js';
import {
  NODE_TYPES, NODE_TYPE_LABELS, REL_TYPES, EXPAND_GROUPS, KIND_COLOURS, KIND_LABELS,
  nodeId, typeOfId, orgData, otherData, edgeData, createGraph, layoutOptions, applySizes
} from './graph.js';
import { encodeState, decodeState } from './state.js';
import { renderSectorProfile } from './chart.js';

const params = new URLSearchParams(location.search);
/** A neighbourhood larger than this is not loaded whole: the explorer says how many more and offers filters. */
const NEIGHBOURHOOD_LIMIT = Number(params.get('limit')) || 2000;
const PAGE = 200;
const YEAR_MIN = 1850;
const YEAR_MAX = new Date().getFullYear();

const $ = id => document.getElementById(id);
const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const fmt = n => Number(n).toLocaleString('en-GB', { maximumFractionDigits: 2 });

const cy = createGraph($('cy'));
const view = {
  layout: 'cose', size: 'none', pathFrom: null, pathTo: null,
  areaLas: null, // Set of LA codes when an area filter is on
  sectorMatches: null // Set of org ids matching the sector filter
};
const timings = { start: performance.now() };
/** Shown = not hidden by hand nor by filters (class based, so it does not wait for a style pass). */
const shownNodes = () => cy.nodes().filter(n => !n.hasClass('hidden') && !n.hasClass('filtered'));
const shownEdges = () => cy.edges().filter(e => !e.hasClass('filtered') && !e.hasClass('hidden')
  && !e.source().hasClass('hidden') && !e.source().hasClass('filtered') && !e.target().hasClass('hidden') && !e.target().hasClass('filtered'));
window.explorer = {
  cy, timings, ready: false,
  visibleNodeIds: () => shownNodes().map(n => n.id()).sort(),
  allNodeIds: () => cy.nodes().map(n => n.id()).sort(),
  expand: (id, groups) => expand(cy.getElementById(id), groups),
  /** Adds and expands several nodes, then paints and lays out once (used by the benchmark). */
  expandMany: async (nodes, groups) => {
    const t0 = performance.now();
    addElements(nodes, [], null);
    for (const d of nodes) await expand(cy.getElementById(d.id), groups, { deferLayout: true });
    timings.loaded = performance.now() - t0;
    await applyFilters();
    await new Promise(r => requestAnimationFrame(() => r()));
    timings.firstRender = performance.now() - t0;
    timings.layoutStop = 0;
    runLayout();
    while (!timings.layoutStop) await new Promise(r => setTimeout(r, 20));
    timings.settled = timings.layoutStop - t0;
    afterChange();
    return { loaded: timings.loaded, firstRender: timings.firstRender, settled: timings.settled, nodes: cy.nodes().length, edges: cy.edges().length };
  },
  select: id => selectNode(cy.getElementById(id))
};

// ---------------------------------------------------------------- status, notices, errors

onBusyChange(b => { $('busy').hidden = !b; document.body.dataset.busy = b ? 'true' : 'false'; });

// Shown while the server says its data are still loading (first start): what is on screen may be partial.
onDataLoading(message => {
  const el = $('data-loading');
  el.textContent = message ? message + ' Refresh the view once it is done.' : '';
  el.hidden = !message;
});

function notice(html, actions = []) {
  const el = $('notice');
  if (!html) { el.hidden = true; el.innerHTML = ''; return; }
  el.innerHTML = html;
  actions.forEach(([label, fn, cls]) => {
    const b = document.createElement('button');
    b.type = 'button'; b.className = 'govuk-button sg-small ' + (cls || 'govuk-button--secondary'); b.textContent = label;
    b.addEventListener('click', fn);
    el.appendChild(b);
  });
  el.hidden = false;
}

function showError(err, target) {
  console.warn(err);
  const msg = err instanceof GraphQlError && err.status === 401
    ? 'This server requires you to sign in.' : 'Something went wrong: ' + (err.message || err);
  if (target) target.innerHTML = `<p class="sg-error">${esc(msg)}</p>`;
  else notice(`<strong>${esc(msg)}</strong> `, err.status === 401 ? [['Sign in', openSignIn, ' ']] : []);
}

/** Analyses may not be deployed yet: a validation error on the field means "not available here". */
function analysisFailed(err, target) {
  if (err instanceof GraphQlError && err.unknownField) {
    target.innerHTML = '<p class="sg-unavailable" data-unavailable="true">This analysis is not available on this server.</p>';
  } else {
    showError(err, target);
  }
}

// ---------------------------------------------------------------- search (type-ahead combobox)

const search = { hits: [], active: -1, seq: 0, timer: null };
const TYPE_BADGE = { Organisation: 'ORG', Sector: 'SECTOR', Lep: 'LEP', LocalAuthority: 'LA' };

$('search-input').addEventListener('input', () => {
  clearTimeout(search.timer);
  search.timer = setTimeout(runSearch, 200);
});
$('search-input').addEventListener('keydown', e => {
  const list = $('search-results');
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    if (!search.hits.length) return;
    const d = e.key === 'ArrowDown' ? 1 : -1;
    search.active = (search.active + d + search.hits.length) % search.hits.length;
    renderHits();
  } else if (e.key === 'Enter') {
    e.preventDefault();
    if (search.hits.length) chooseHit(search.hits[Math.max(0, search.active)]);
  } else if (e.key === 'Escape') {
    list.hidden = true; $('search-input').setAttribute('aria-expanded', 'false');
  }
});
document.addEventListener('click', e => {
  if (!e.target.closest('.sg-search')) { $('search-results').hidden = true; $('search-input').setAttribute('aria-expanded', 'false'); }
});

async function runSearch() {
  const text = $('search-input').value.trim();
  const seq = ++search.seq;
  if (text.length < 2) { search.hits = []; renderHits(); return; }
  try {
    const data = await gql('query($t:String!){search(text:$t, first:12){type id name detail score}}', { t: text });
    if (seq !== search.seq) return;
    search.hits = data.search; search.active = search.hits.length ? 0 : -1;
    renderHits();
  } catch (err) { if (seq === search.seq) showError(err); }
}

function renderHits() {
  const list = $('search-results');
  list.innerHTML = '';
  search.hits.forEach((h, i) => {
    const li = document.createElement('li');
    li.id = 'hit-' + i; li.setAttribute('role', 'option'); li.setAttribute('aria-selected', String(i === search.active));
    li.dataset.id = h.id;
    li.innerHTML = `<span class="sg-hit-type">${esc(TYPE_BADGE[h.type] || h.type)}</span>${esc(h.name)}`
      + (h.detail ? ` <span class="sg-hit-detail">· ${esc(h.detail)}</span>` : '');
    li.addEventListener('mousedown', e => { e.preventDefault(); chooseHit(h); });
    list.appendChild(li);
  });
  if (!search.hits.length && $('search-input').value.trim().length >= 2 && search.seq) {
    list.innerHTML = '<li aria-disabled="true">No matches</li>';
  }
  const open = list.children.length > 0;
  list.hidden = !open;
  $('search-input').setAttribute('aria-expanded', String(open));
  if (search.active >= 0) {
    $('search-input').setAttribute('aria-activedescendant', 'hit-' + search.active);
    const el = $('hit-' + search.active); if (el) el.scrollIntoView({ block: 'nearest' });
  } else $('search-input').removeAttribute('aria-activedescendant');
}

async function chooseHit(h) {
  $('search-results').hidden = true; $('search-input').setAttribute('aria-expanded', 'false');
  let data;
  if (h.type === 'Organisation') {
    const d = await gql(`query($id:ID!){organisation(id:$id){${ORG_FIELDS}}}`, { id: h.id });
    if (!d.organisation) return;
    data = orgData(d.organisation);
  } else {
    data = otherData(h.type, h.id, h.name);
  }
  const added = addElements([data], [], null);
  const node = cy.getElementById(data.id);
  if (added.nodes) {
    node.position({ x: cy.width() / 2 + Math.random() * 40, y: cy.height() / 2 + Math.random() * 40 });
    if (cy.nodes().length > 1) runLayout();
  }
  afterChange();
  selectNode(node);
}

// ---------------------------------------------------------------- adding, expanding, collapsing

/** Adds nodes and edges that are not on the canvas yet; new nodes remember which node they were expanded from. */
function addElements(nodes, edges, parent) {
  const origin = parent ? parent.position() : { x: cy.width() / 2, y: cy.height() / 2 };
  const toAdd = [];
  const seen = new Set();
  for (const d of nodes) {
    if (seen.has(d.id)) continue;
    seen.add(d.id);
    const existing = cy.getElementById(d.id);
    if (existing.nonempty()) {
      // Keep the richer data (e.g. an organisation first seen only by name).
      for (const [k, v] of Object.entries(d)) if (v !== null && v !== undefined && existing.data(k) == null) existing.data(k, v);
      continue;
    }
    const data = Object.assign({ size: 26 }, d);
    if (parent) data.expandedFrom = parent.id();
    const angle = Math.random() * 2 * Math.PI;
    toAdd.push({ group: 'nodes', data, position: { x: origin.x + 80 * Math.cos(angle), y: origin.y + 80 * Math.sin(angle) } });
  }
  const edgeSeen = new Set();
  for (const e of edges) {
    if (edgeSeen.has(e.id) || cy.getElementById(e.id).nonempty()) continue;
    if (!seen.has(e.source) && cy.getElementById(e.source).empty()) continue;
    if (!seen.has(e.target) && cy.getElementById(e.target).empty()) continue;
    edgeSeen.add(e.id);
    toAdd.push({ group: 'edges', data: e });
  }
  cy.batch(() => cy.add(toAdd));
  return { nodes: toAdd.filter(x => x.group === 'nodes').length, edges: toAdd.filter(x => x.group === 'edges').length };
}

/** The server-side form of the current filters, used when loading a sector's or place's organisations. */
function serverWhere(extra = {}) {
  const w = Object.assign({}, extra);
  const area = $('filter-la').value || $('filter-lep').value;
  if (area && !w.area) w.area = area;
  if ($('filter-sector').value && !w.sector) w.sector = $('filter-sector').value;
  if ($('filter-status').value) w.statusStartsWith = $('filter-status').value;
  const [y0, y1] = years();
  if (y0 > YEAR_MIN) w.incorporatedFrom = y0 + '-01-01';
  if (y1 < YEAR_MAX) w.incorporatedTo = y1 + '-12-31';
  return w;
}

/**
 * Loads a connection of organisations page by page up to the neighbourhood limit.
 * `fetchPage(after)` returns the connection. Returns { orgs, totalCount }.
 */
async function loadOrganisations(fetchPage, room) {
  const orgs = [];
  let after = null, total = 0;
  for (;;) {
    const conn = await fetchPage(after, Math.min(PAGE, Math.max(1, room - orgs.length)));
    total = conn.totalCount;
    conn.edges.forEach(e => orgs.push(e.node));
    if (!conn.pageInfo.hasNextPage || orgs.length >= room) break;
    after = conn.pageInfo.endCursor;
  }
  return { orgs: orgs.slice(0, room), totalCount: total };
}

const CONN = `totalCount pageInfo { hasNextPage endCursor } edges { node { ${ORG_FIELDS} } }`;

function tooMany(what, total, loaded, node) {
  const more = total - loaded;
  notice(`<strong>${esc(what)} has ${fmt(total)} organisations.</strong> Showing ${fmt(loaded)}; `
    + `<strong data-more="${more}">${fmt(more)} more</strong> were not loaded to keep the explorer responsive. `
    + 'Narrow it with the filters (local authority, sector, status, incorporation years) and expand again. ',
  [['Open filters', () => { $('filters').closest('details').open = true; $('filter-la').focus(); }, ' '],
   ['Expand again with filters', () => expand(node, ['sector', 'place']), 'govuk-button--secondary']]);
}

/** Expands a node's neighbours for the given relationship groups (default: all). */
async function expand(node, groups = Object.keys(EXPAND_GROUPS), opts = {}) {
  if (!node || node.empty()) return;
  const g = new Set(groups);
  const type = node.data('type');
  const ref = node.data('ref');
  const nodes = [], edges = [];
  const me = node.id();
  const room = Math.max(1, NEIGHBOURHOOD_LIMIT - 0);
  notice(null);
  try {
    if (type === 'Organisation') {
      const parts = [];
      if (g.has('place')) parts.push('localAuthority { code name leps { code name } }');
      if (g.has('sector')) parts.push('sectors { primary sector { code name } }');
      if (g.has('supply')) parts.push(`suppliers { what valueGbp supplier { ${ORG_FIELDS} } } customers { what valueGbp customer { ${ORG_FIELDS} } }`);
      if (g.has('officers')) parts.push('officers { role person { id name kind } }');
      if (g.has('ownership')) parts.push(`controlledBy { naturesOfControl person { id name kind } owner { ${ORG_FIELDS} } } controls { controlled { ${ORG_FIELDS} } }`);
      if (g.has('memberships')) parts.push('memberships { role partnership { id name sample } }');
      if (!parts.length) return;
      const d = (await gql(`query($id:ID!){organisation(id:$id){ id ${parts.join(' ')} }}`, { id: ref })).organisation;
      if (!d) return;
      if (d.localAuthority) {
        nodes.push(otherData('LocalAuthority', d.localAuthority.code, d.localAuthority.name));
        edges.push(edgeData('IN_PLACE', me, nodeId('LocalAuthority', d.localAuthority.code)));
      }
      (d.sectors || []).forEach(s => {
        nodes.push(otherData('Sector', s.sector.code, s.sector.code + ' ' + s.sector.name));
        edges.push(edgeData('IN_SECTOR', me, nodeId('Sector', s.sector.code), { primary: s.primary }));
      });
      (d.suppliers || []).forEach(s => { nodes.push(orgData(s.supplier)); edges.push(edgeData('SUPPLIES', s.supplier.id, me, { what: s.what, valueGbp: s.valueGbp })); });
      (d.customers || []).forEach(s => { nodes.push(orgData(s.customer)); edges.push(edgeData('SUPPLIES', me, s.customer.id, { what: s.what, valueGbp: s.valueGbp })); });
      (d.officers || []).forEach(o => {
        nodes.push(otherData('Person', o.person.id, o.person.name, { via: ref, personKind: o.person.kind }));
        edges.push(edgeData('OFFICER', nodeId('Person', o.person.id), me, { role: o.role }));
      });
      (d.controlledBy || []).forEach(c => {
        if (c.owner) { nodes.push(orgData(c.owner)); edges.push(edgeData('CONTROLS', c.owner.id, me)); }
        else if (c.person) {
          nodes.push(otherData('Person', c.person.id, c.person.name, { via: ref, personKind: c.person.kind }));
          edges.push(edgeData('CONTROLS', nodeId('Person', c.person.id), me));
        }
      });
      (d.controls || []).forEach(c => { nodes.push(orgData(c.controlled)); edges.push(edgeData('CONTROLS', me, c.controlled.id)); });
      (d.memberships || []).forEach(m => {
        nodes.push(otherData('Partnership', m.partnership.id, m.partnership.name, { sample: m.partnership.sample }));
        edges.push(edgeData('MEMBER', me, nodeId('Partnership', m.partnership.id), { role: m.role }));
      });
    } else if (type === 'Person') {
      const q = `query($id:ID!){organisation(id:$id){
        officers { person { id roles { role organisation { ${ORG_FIELDS} } } } }
        controlledBy { person { id roles { role organisation { ${ORG_FIELDS} } } } } }}`;
      const d = (await gql(q, { id: node.data('via') })).organisation;
      const people = [...(d?.officers || []), ...(d?.controlledBy || [])].map(x => x.person).filter(p => p && p.id === ref);
      if (people.length && (g.has('officers') || g.has('ownership'))) {
        people[0].roles.forEach(r => {
          nodes.push(orgData(r.organisation));
          edges.push(edgeData('OFFICER', me, r.organisation.id, { role: r.role }));
        });
      }
    } else if (type === 'Sector') {
      if (!g.has('sector')) return;
      const q = `query($c:ID!,$w:OrganisationFilter,$n:Int,$a:String){sector(code:$c){ code name parent { code name } children { code name }
        organisations(where:$w, first:$n, after:$a){ ${CONN} } }}`;
      let meta = null;
      const { orgs, totalCount } = await loadOrganisations(async (after, n) => {
        const s = (await gql(q, { c: ref, w: serverWhere({ sector: undefined }), n, a: after })).sector;
        meta = meta || s;
        return s.organisations;
      }, room);
      if (meta.parent) { nodes.push(otherData('Sector', meta.parent.code, meta.parent.code + ' ' + meta.parent.name)); edges.push(edgeData('SUBSECTOR', nodeId('Sector', meta.parent.code), me)); }
      meta.children.forEach(c => { nodes.push(otherData('Sector', c.code, c.code + ' ' + c.name)); edges.push(edgeData('SUBSECTOR', me, nodeId('Sector', c.code))); });
      orgs.forEach(o => { nodes.push(orgData(o)); edges.push(edgeData('IN_SECTOR', o.id, me)); });
      if (totalCount > orgs.length) tooMany(node.data('label'), totalCount, orgs.length, node);
    } else if (type === 'LocalAuthority') {
      if (!g.has('place')) return;
      const q = `query($c:ID!,$w:OrganisationFilter,$n:Int,$a:String){localAuthority(code:$c){ code name leps { code name }
        organisations(where:$w, first:$n, after:$a){ ${CONN} } }}`;
      let meta = null;
      const { orgs, totalCount } = await loadOrganisations(async (after, n) => {
        const la = (await gql(q, { c: ref, w: serverWhere({ area: ref }), n, a: after })).localAuthority;
        meta = meta || la;
        return la.organisations;
      }, room);
      meta.leps.forEach(l => { nodes.push(otherData('Lep', l.code, l.name)); edges.push(edgeData('PART_OF', me, nodeId('Lep', l.code))); });
      orgs.forEach(o => { nodes.push(orgData(o)); edges.push(edgeData('IN_PLACE', o.id, me)); });
      if (totalCount > orgs.length) tooMany(node.data('label'), totalCount, orgs.length, node);
    } else if (type === 'Lep') {
      if (!g.has('place')) return;
      const lep = (await gql('query($c:ID!){lep(code:$c){ code name localAuthorities { localAuthority { code name } } }}', { c: ref })).lep;
      lep.localAuthorities.forEach(d => {
        nodes.push(otherData('LocalAuthority', d.localAuthority.code, d.localAuthority.name));
        edges.push(edgeData('PART_OF', nodeId('LocalAuthority', d.localAuthority.code), me));
      });
      const q = `query($w:OrganisationFilter,$n:Int,$a:String){organisations(where:$w, first:$n, after:$a){ ${CONN} }}`;
      const area = $('filter-la').value || ref;
      const { orgs, totalCount } = await loadOrganisations(async (after, n) =>
        (await gql(q, { w: serverWhere({ area }), n, a: after })).organisations, room - nodes.length);
      orgs.forEach(o => {
        nodes.push(orgData(o));
        if (o.localAuthority) edges.push(edgeData('IN_PLACE', o.id, nodeId('LocalAuthority', o.localAuthority.code)));
      });
      if (totalCount > orgs.length) tooMany(node.data('label'), totalCount, orgs.length, node);
    } else if (type === 'Partnership') {
      if (!g.has('memberships')) return;
      const p = (await gql(`query($id:ID!){partnership(id:$id){ id members { role organisation { ${ORG_FIELDS} } } }}`, { id: ref })).partnership;
      (p?.members || []).forEach(m => { nodes.push(orgData(m.organisation)); edges.push(edgeData('MEMBER', m.organisation.id, me, { role: m.role })); });
    }
  } catch (err) { showError(err); return; }
  const added = addElements(nodes, edges, node);
  node.data('expanded', true);
  if (opts.deferLayout) return added;
  if (added.nodes || added.edges) {
    await applyFilters();
    // Paint the new neighbours where they landed first, then settle the layout.
    await new Promise(r => requestAnimationFrame(() => r()));
    timings.expandRendered = performance.now();
    runLayout();
  }
  afterChange();
  if (node.selected()) showDetails(node);
  return added;
}

/** Removes the neighbours this node brought in that nothing else holds on to. */
function collapse(node) {
  const drop = cy.nodes().filter(n => n.data('expandedFrom') === node.id() && !n.hasClass('pinned')
    && n.connectedEdges().connectedNodes().difference(n).difference(node).length === 0 && !n.selected());
  cy.batch(() => drop.remove());
  node.data('expanded', false);
  afterChange();
}

function hideNode(node) { node.addClass('hidden'); node.unselect(); afterChange(); }
function togglePin(node) {
  if (node.hasClass('pinned')) { node.removeClass('pinned'); node.unlock(); } else { node.addClass('pinned'); node.lock(); }
  afterChange();
  if (node.selected()) showDetails(node);
}

let layoutRun = null;
function runLayout(opts = {}) {
  if (layoutRun) layoutRun.stop();
  const eles = shownNodes().union(shownEdges());
  if (!eles.length) return;
  const started = performance.now();
  layoutRun = eles.layout(layoutOptions(view.layout, cy, opts));
  layoutRun.one('layoutstop', () => {
    timings.layoutStop = performance.now();
    timings.lastLayoutMs = timings.layoutStop - started;
    layoutRun = null;
    scheduleHash();
  });
  layoutRun.run();
}

// ---------------------------------------------------------------- selection and details

cy.on('tap', 'node', e => selectNode(e.target));
cy.on('dbltap', 'node', e => expand(e.target));
cy.on('mouseover', 'node', e => {
  const hood = e.target.closedNeighborhood();
  cy.batch(() => { cy.elements().addClass('faded'); hood.removeClass('faded'); });
});
cy.on('mouseout', 'node', () => cy.batch(() => cy.elements().removeClass('faded')));
cy.on('free', 'node', () => scheduleHash());

function selectNode(node) {
  if (!node || node.empty()) return;
  cy.$(':selected').unselect();
  node.removeClass('hidden filtered');
  node.select();
  if (!cy.extent() || !node.renderedBoundingBox) return;
  const bb = node.renderedBoundingBox();
  if (bb.x2 < 0 || bb.y2 < 0 || bb.x1 > cy.width() || bb.y1 > cy.height()) cy.center(node);
  showDetails(node);
  scheduleHash();
}

let detailsSeq = 0;
async function showDetails(node) {
  const seq = ++detailsSeq;
  const body = $('details-body');
  $('details-empty').hidden = true;
  const d = node.data();
  const actions = detailActions(node);
  const sampleTag = d.sample ? ' <strong class="govuk-tag govuk-tag--orange">SAMPLE DATA</strong>' : '';
  body.innerHTML = `<h3 class="govuk-heading-s" id="details-name">${esc(d.label)}${sampleTag}</h3><p class="govuk-body-s">${esc(KIND_LABELS[d.kind] || d.type)}</p>`;
  body.appendChild(actions);
  try {
    let html = '';
    if (d.type === 'Organisation') {
      const o = (await gql(`query($id:ID!){organisation(id:$id){ ${ORG_FIELDS} companyNumber dissolvedOn postcode previousNames source asOf companiesHouseUrl
        localAuthority { code name leps { code name } } sectors { primary sector { code name } }
        suppliers { what supplier { id name } } customers { what customer { id name } }
        officers { role appointedOn person { id name } }
        controlledBy { naturesOfControl person { name } owner { id name } } controls { controlled { id name } }
        memberships { role partnership { id name } } }}`, { id: d.ref })).organisation;
      if (seq !== detailsSeq || !o) return;
      const rows = [
        ['Identifier', o.id], ['Kind', KIND_LABELS[o.kind] || o.kind], ['Company number', o.companyNumber], ['Status', o.status],
        ['Incorporated', o.incorporatedOn], ['Dissolved', o.dissolvedOn], ['Employees', o.employees != null ? fmt(o.employees) : null],
        ['Postcode', o.postcode],
        ['Local authority', o.localAuthority && `${o.localAuthority.name} (${o.localAuthority.code})`],
        ['LEP', o.localAuthority && o.localAuthority.leps.map(l => l.name).join(', ')],
        ['Previous names', o.previousNames.join('; ')], ['Source', o.source], ['As of', o.asOf]
      ];
      html += dl(rows);
      if (o.companiesHouseUrl) html += `<p class="govuk-body-s"><a class="govuk-link" id="ch-link" href="${esc(o.companiesHouseUrl)}" target="_blank" rel="noopener noreferrer">View on Companies House (opens in new tab)</a></p>`;
      else if (o.kind === 'COMPANY') html += `<p class="govuk-body-s" id="ch-none">No Companies House page for this record${o.sample ? ' (sample data: not a real company)' : ''}.</p>`;
      html += relList('Sectors', o.sectors.map(s => `${s.sector.code} ${s.sector.name}${s.primary ? ' (primary)' : ''}`));
      html += relList('Suppliers', o.suppliers.map(s => s.supplier.name + (s.what ? ` – ${s.what}` : '')));
      html += relList('Customers', o.customers.map(s => s.customer.name + (s.what ? ` – ${s.what}` : '')));
      html += relList('Officers', o.officers.map(r => `${r.person.name}${r.role ? ', ' + r.role : ''}${r.appointedOn ? ' since ' + r.appointedOn : ''}`));
      html += relList('Controlled by', o.controlledBy.map(c => (c.owner ? c.owner.name : c.person ? c.person.name : '?') + (c.naturesOfControl.length ? ` (${c.naturesOfControl.join(', ')})` : '')));
      html += relList('Controls', o.controls.map(c => c.controlled.name));
      html += relList('Partnerships', o.memberships.map(m => `${m.partnership.name} (${m.role.toLowerCase()})`));
    } else if (d.type === 'Sector') {
      const s = (await gql('query($c:ID!){sector(code:$c){ code name level organisationCount parent { code name } children { code name } }}', { c: d.ref })).sector;
      if (seq !== detailsSeq || !s) return;
      html += dl([['SIC code', s.code], ['Level', s.level], ['Parent', s.parent && `${s.parent.code} ${s.parent.name}`], ['Organisations', fmt(s.organisationCount)]]);
      html += relList('Sub-sectors', s.children.map(c => `${c.code} ${c.name}`));
    } else if (d.type === 'LocalAuthority') {
      const la = (await gql('query($c:ID!){localAuthority(code:$c){ code name organisationCount leps { code name } }}', { c: d.ref })).localAuthority;
      if (seq !== detailsSeq || !la) return;
      html += dl([['ONS code', la.code], ['LEP', la.leps.map(l => l.name).join(', ')], ['Organisations', fmt(la.organisationCount)]]);
    } else if (d.type === 'Lep') {
      const l = (await gql('query($c:ID!){lep(code:$c){ code name code2017 localAuthorities { share localAuthority { code name organisationCount } } }}', { c: d.ref })).lep;
      if (seq !== detailsSeq || !l) return;
      html += dl([['Code', l.code], ['2017 code', l.code2017]]);
      html += relList('Local authorities', l.localAuthorities.map(x => `${x.localAuthority.name} – ${fmt(x.localAuthority.organisationCount)} organisations${x.share < 1 ? ` (share ${x.share})` : ''}`));
    } else if (d.type === 'Partnership') {
      const p = (await gql('query($id:ID!){partnership(id:$id){ id name description areaName sample focusSectors { code name } members { role since organisation { id name } } }}', { id: d.ref })).partnership;
      if (seq !== detailsSeq || !p) return;
      html += dl([['Identifier', p.id], ['Area', p.areaName], ['Description', p.description], ['Sample data', p.sample ? 'yes' : 'no']]);
      html += relList('Focus sectors', p.focusSectors.map(s => `${s.code} ${s.name}`));
      html += relList('Members', p.members.map(m => `${m.organisation.name} (${m.role.toLowerCase()})`));
    } else if (d.type === 'Person') {
      html += dl([['Identifier', d.ref], ['Kind', d.personKind], ['Found via', d.via]]);
    }
    if (seq !== detailsSeq) return;
    const extra = document.createElement('div');
    extra.innerHTML = html;
    body.appendChild(extra);
  } catch (err) { if (seq === detailsSeq) { const e = document.createElement('div'); body.appendChild(e); showError(err, e); } }
}

function dl(rows) {
  return '<dl>' + rows.filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('') + '</dl>';
}
function relList(title, items) {
  if (!items.length) return '';
  return `<h4 class="govuk-body-s govuk-!-font-weight-bold govuk-!-margin-bottom-1">${esc(title)} (${items.length})</h4>`
    + `<ul class="sg-rel-list">${items.map(i => `<li>${esc(i)}</li>`).join('')}</ul>`;
}

function detailActions(node) {
  const wrap = document.createElement('div');
  wrap.className = 'sg-button-row';
  const add = (label, fn, cls = 'govuk-button--secondary', id) => {
    const b = document.createElement('button');
    b.type = 'button'; b.className = `govuk-button sg-small ${cls}`; b.textContent = label;
    if (id) b.id = id;
    b.addEventListener('click', fn);
    wrap.appendChild(b);
  };
  const type = node.data('type');
  const groups = {
    Organisation: ['supply', 'officers', 'ownership', 'memberships', 'sector', 'place'],
    Person: ['officers'], Sector: ['sector'], LocalAuthority: ['place'], Lep: ['place'], Partnership: ['memberships']
  }[type] || [];
  groups.forEach(g => add('Expand: ' + EXPAND_GROUPS[g].label, () => expand(node, [g]), 'govuk-button--secondary', 'expand-' + g));
  if (groups.length > 1) add('Expand all', () => expand(node, groups), '', 'expand-all');
  add('Collapse', () => collapse(node), 'govuk-button--secondary', 'collapse-node');
  add(node.hasClass('pinned') ? 'Unpin' : 'Pin', () => togglePin(node), 'govuk-button--secondary', 'pin-node');
  add('Hide', () => hideNode(node), 'govuk-button--warning', 'hide-node');
  if (type === 'Organisation') {
    add('Path from here', () => { view.pathFrom = node.id(); renderPathEnds(); }, 'govuk-button--secondary', 'path-from-button');
    add('Path to here', () => { view.pathTo = node.id(); renderPathEnds(); }, 'govuk-button--secondary', 'path-to-button');
  }
  return wrap;
}

// ---------------------------------------------------------------- filters

function years() {
  let a = Number($('year-from').value), b = Number($('year-to').value);
  if (a > b) [a, b] = [b, a];
  return [a, b];
}

function buildTypeFilters() {
  $('node-type-filters').innerHTML = NODE_TYPES.map(t =>
    `<label><input type="checkbox" name="nodeType" value="${t}" checked>${esc(NODE_TYPE_LABELS[t])}</label>`).join('');
  $('rel-type-filters').innerHTML = Object.entries(REL_TYPES).map(([k, v]) =>
    `<label><input type="checkbox" name="relType" value="${k}" checked>${esc(v)}</label>`).join('');
}

let filterTimer = null;
function filtersChanged() {
  clearTimeout(filterTimer);
  const [a, b] = years();
  $('year-output').textContent = `${a} – ${b}`;
  filterTimer = setTimeout(async () => { await applyFilters(); afterChange(); }, 250);
}

async function refreshAreaAndSector() {
  const la = $('filter-la').value, lep = $('filter-lep').value;
  if (la) view.areaLas = new Set([la]);
  else if (lep) {
    const l = (await gql('query($c:ID!){lep(code:$c){ localAuthorities { localAuthority { code } } }}', { c: lep })).lep;
    view.areaLas = new Set((l ? l.localAuthorities : []).map(x => x.localAuthority.code));
  } else view.areaLas = null;
  const sector = $('filter-sector').value;
  if (!sector) { view.sectorMatches = null; return; }
  const ids = cy.nodes('[type = "Organisation"]').map(n => n.id());
  const matches = new Set();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const d = await gql('query($w:OrganisationFilter,$n:Int){organisations(where:$w, first:$n){ edges { node { id } } }}',
      { w: { idIn: chunk, sector }, n: chunk.length });
    d.organisations.edges.forEach(e => matches.add(e.node.id));
  }
  view.sectorMatches = matches;
}

/** Hides (class "filtered") nodes and edges the filters exclude. Area and sector are checked on the server. */
async function applyFilters() {
  try { await refreshAreaAndSector(); } catch (err) { showError(err); }
  const types = new Set([...document.querySelectorAll('input[name=nodeType]:checked')].map(i => i.value));
  const rels = new Set([...document.querySelectorAll('input[name=relType]:checked')].map(i => i.value));
  const status = $('filter-status').value;
  const [y0, y1] = years();
  const yearsOn = y0 > YEAR_MIN || y1 < YEAR_MAX;
  cy.batch(() => {
    cy.nodes().forEach(n => {
      const d = n.data();
      let ok = types.has(d.type);
      if (ok && d.type === 'Organisation') {
        if (status && d.kind === 'COMPANY' && !(d.status || '').startsWith(status)) ok = false;
        if (yearsOn && d.year != null && (d.year < y0 || d.year > y1)) ok = false;
        if (yearsOn && d.year == null && d.kind === 'COMPANY') ok = false;
        if (view.areaLas && !view.areaLas.has(d.la)) ok = false;
        if (view.sectorMatches && !view.sectorMatches.has(d.id)) ok = false;
      }
      if (ok && d.type === 'LocalAuthority' && view.areaLas && !view.areaLas.has(d.ref)) ok = false;
      // What an analysis put on the picture stays visible: the filters narrow the network, not the findings.
      if (n.hasClass('gap') || n.hasClass('gainer') || n.hasClass('gainer-outside')) ok = true;
      n.toggleClass('filtered', !ok);
    });
    cy.edges().forEach(e => e.toggleClass('filtered', !rels.has(e.data('rel'))));
  });
  const hiddenCount = cy.nodes('.filtered').length;
  $('filter-summary').textContent = hiddenCount ? `${fmt(hiddenCount)} nodes hidden by filters.` : '';
}

function readFilters() {
  return {
    nt: [...document.querySelectorAll('input[name=nodeType]:not(:checked)')].map(i => i.value),
    rt: [...document.querySelectorAll('input[name=relType]:not(:checked)')].map(i => i.value),
    lep: $('filter-lep').value, la: $('filter-la').value, sec: $('filter-sector').value, st: $('filter-status').value,
    y: years()
  };
}
async function writeFilters(f) {
  if (!f) return;
  document.querySelectorAll('input[name=nodeType]').forEach(i => { i.checked = !(f.nt || []).includes(i.value); });
  document.querySelectorAll('input[name=relType]').forEach(i => { i.checked = !(f.rt || []).includes(i.value); });
  $('filter-lep').value = f.lep || '';
  await loadLas();
  $('filter-la').value = f.la || '';
  $('filter-sector').value = f.sec || '';
  $('filter-status').value = f.st || '';
  if (f.y) { $('year-from').value = f.y[0]; $('year-to').value = f.y[1]; $('year-output').textContent = `${f.y[0]} – ${f.y[1]}`; }
}

async function loadLas() {
  const lep = $('filter-lep').value;
  const sel = $('filter-la');
  sel.innerHTML = '<option value="">Any local authority</option>';
  if (!lep) return;
  const d = await gql('query($l:ID){localAuthorities(lep:$l){code name}}', { l: lep });
  d.localAuthorities.forEach(la => sel.add(new Option(la.name, la.code)));
}

// ---------------------------------------------------------------- paths

function renderPathEnds() {
  const name = id => id ? (cy.getElementById(id).data('label') || id) : '–';
  $('path-from').textContent = name(view.pathFrom);
  $('path-to').textContent = name(view.pathTo);
  $('paths-box').open = true;
}

async function findPaths() {
  const out = $('path-result');
  if (!view.pathFrom || !view.pathTo) { out.innerHTML = '<p>Select an organisation and choose “Path from here”, then another and “Path to here”.</p>'; return; }
  out.textContent = 'Searching…';
  try {
    const d = await gql(`query($f:ID!,$t:ID!,$h:Int){connection(from:$f, to:$t, maxHops:$h){ paths { nodes { id name type } relationships } }}`,
      { f: view.pathFrom, t: view.pathTo, h: Number($('path-hops').value) || 4 });
    const paths = d.connection ? d.connection.paths : [];
    if (!paths.length) { out.innerHTML = '<p>No path within that many hops.</p>'; return; }
    const nodes = [], edges = [], onPath = new Set();
    paths.forEach(p => {
      p.nodes.forEach((n, i) => {
        const t = NODE_TYPES.includes(n.type) ? n.type : 'Organisation';
        const id = nodeId(t, n.id);
        onPath.add(id);
        nodes.push(t === 'Organisation' ? { id, type: t, ref: n.id, label: n.name, kind: 'OTHER' } : otherData(t, n.id, n.name));
        if (i > 0) {
          const prev = p.nodes[i - 1];
          const pid = nodeId(NODE_TYPES.includes(prev.type) ? prev.type : 'Organisation', prev.id);
          const rel = p.relationships && p.relationships[i - 1];
          edges.push(edgeData('PATH', pid, id, { label: typeof rel === 'string' ? rel : JSON.stringify(rel) }));
        }
      });
    });
    addElements(nodes, edges, cy.getElementById(view.pathFrom));
    await enrichOrganisations();
    cy.nodes().removeClass('path');
    cy.batch(() => onPath.forEach(id => cy.getElementById(id).removeClass('hidden filtered').addClass('path')));
    out.innerHTML = `<p>${paths.length} path(s):</p><ol class="sg-ranked">` + paths.map(p =>
      `<li>${p.nodes.map((n, i) => esc(n.name) + (i < p.nodes.length - 1 ? ` <em>–${esc(p.relationships?.[i] ?? '')}→</em> ` : '')).join('')}</li>`).join('') + '</ol>';
    runLayout();
    afterChange();
  } catch (err) { analysisFailed(err, out); }
}

/** Fills in organisation nodes known only by id and name (from analyses or a shared link). */
async function enrichOrganisations(ids) {
  const want = ids || cy.nodes('[type = "Organisation"]').filter(n => n.data('kind') === 'OTHER' || n.data('sample') === undefined).map(n => n.id());
  for (let i = 0; i < want.length; i += PAGE) {
    const chunk = want.slice(i, i + PAGE);
    const d = await gql(`query($w:OrganisationFilter,$n:Int){organisations(where:$w, first:$n){ edges { node { ${ORG_FIELDS} } } }}`,
      { w: { idIn: chunk }, n: chunk.length });
    cy.batch(() => d.organisations.edges.forEach(e => {
      const n = cy.getElementById(e.node.id);
      if (n.nonempty()) { const od = orgData(e.node); delete od.id; n.data(od); }
    }));
  }
}

// ---------------------------------------------------------------- analyses

async function loadPartnerships() {
  try {
    const d = await gql('query{partnerships{ id name sample }}');
    ['impact-partnership', 'gaps-partnership'].forEach(id => {
      const sel = $(id);
      sel.innerHTML = '';
      d.partnerships.forEach(p => sel.add(new Option(p.name + (p.sample ? ' (sample)' : ''), p.id)));
    });
  } catch (err) { showError(err); }
}

async function ensurePartnership(pid) {
  const id = nodeId('Partnership', pid);
  if (cy.getElementById(id).empty()) {
    const p = (await gql('query($id:ID!){partnership(id:$id){ id name sample }}', { id: pid })).partnership;
    if (!p) return cy.collection();
    addElements([otherData('Partnership', p.id, p.name, { sample: p.sample })], [], null);
  }
  const node = cy.getElementById(id);
  await expand(node, ['memberships']);
  return node;
}

const gqlString = s => JSON.stringify(String(s));

async function runImpact(e) {
  e.preventDefault();
  const out = $('impact-result');
  out.textContent = 'Running scenario…';
  const pid = $('impact-partnership').value;
  const amount = Number($('impact-amount').value) || 0;
  const input = `{area: ${gqlString($('impact-area').value.trim())}, partnershipId: ${gqlString(pid)}, `
    + `scenario: {kind: FINAL_DEMAND, industry: ${gqlString($('impact-industry').value.trim())}, amountGbpMillion: ${amount}}}`;
  try {
    const d = (await gql(`query{supplyChainImpact(input: ${input}){
      partners { organisation { id name } gainGbpMillion share why }
      nonMembers { organisation { id name } gainGbpMillion }
      totalInsideGbpMillion totalOutsideGbpMillion }}`)).supplyChainImpact;
    await ensurePartnership(pid);
    const nodes = [...d.partners, ...d.nonMembers].map(g => ({ id: g.organisation.id, type: 'Organisation', ref: g.organisation.id, label: g.organisation.name, kind: 'OTHER' }));
    addElements(nodes, [], cy.getElementById(nodeId('Partnership', pid)));
    await enrichOrganisations();
    cy.batch(() => {
      cy.nodes().removeClass('gainer gainer-outside').forEach(n => n.removeData('gain'));
      d.partners.forEach(g => cy.getElementById(g.organisation.id).data('gain', g.gainGbpMillion).addClass('gainer').removeClass('hidden filtered'));
      d.nonMembers.forEach(g => cy.getElementById(g.organisation.id).data('gain', g.gainGbpMillion).addClass('gainer-outside').removeClass('hidden filtered'));
    });
    view.size = 'gain'; $('size-select').value = 'gain';
    const ranked = [...d.partners].sort((a, b) => b.gainGbpMillion - a.gainGbpMillion);
    out.innerHTML = `<p>Inside the partnership: <strong>£${fmt(d.totalInsideGbpMillion)}m</strong>; outside: <strong>£${fmt(d.totalOutsideGbpMillion)}m</strong>.</p>`
      + '<h4 class="govuk-body-s govuk-!-font-weight-bold">Members ranked by gain</h4><ol class="sg-ranked" id="impact-ranked">'
      + ranked.map(g => `<li>${esc(g.organisation.name)} – £${fmt(g.gainGbpMillion)}m${g.share != null ? ` (${fmt(g.share * 100)}%)` : ''}${g.why ? `<br><span class="govuk-body-s">${esc(g.why)}</span>` : ''}</li>`).join('')
      + '</ol>' + (d.nonMembers.length ? '<h4 class="govuk-body-s govuk-!-font-weight-bold">Biggest gainers outside</h4><ol class="sg-ranked">'
      + [...d.nonMembers].sort((a, b) => b.gainGbpMillion - a.gainGbpMillion).map(g => `<li>${esc(g.organisation.name)} – £${fmt(g.gainGbpMillion)}m</li>`).join('') + '</ol>' : '');
    await applyFilters();
    runLayout();
    afterChange();
  } catch (err) { analysisFailed(err, out); }
}

async function runGaps() {
  const out = $('gaps-result');
  out.textContent = 'Looking for gaps…';
  const pid = $('gaps-partnership').value;
  try {
    const gaps = (await gql('query($p:ID!){partnershipGaps(partnershipId:$p){ gaps { kind severity sentence nodeIds figures } }}', { p: pid })).partnershipGaps.gaps;
    await ensurePartnership(pid);
    // Gap nodes may be organisations (org ids) or sectors (SIC codes); add organisations we do not have.
    const resolve = raw => ['', 'sector:', 'la:', 'lep:', 'partnership:', 'person:'].map(p => p + raw).find(id => cy.getElementById(id).nonempty());
    const missing = [...new Set(gaps.flatMap(g => g.nodeIds || []))].filter(id => !resolve(id));
    const orgIds = missing.filter(id => /^[A-Z]{2}-[A-Z]{3}-/.test(id));
    addElements(orgIds.map(id => ({ id, type: 'Organisation', ref: id, label: id, kind: 'OTHER' })), [], cy.getElementById(nodeId('Partnership', pid)));
    missing.filter(id => !orgIds.includes(id) && /^[A-Z0-9.]+$/.test(id)).forEach(code => addElements([otherData('Sector', code, code)], [], null));
    await enrichOrganisations();
    cy.batch(() => {
      cy.nodes('.gap').removeClass('gap').forEach(n => n.removeData('gapLabel'));
      gaps.forEach((g, i) => (g.nodeIds || []).forEach(raw => {
        const id = resolve(raw); if (!id) return;
        const n = cy.getElementById(id);
        n.addClass('gap').removeClass('hidden filtered').data('gapLabel', `${n.data('label')}\n⚠ gap ${i + 1}: ${g.kind}`);
      }));
    });
    if (!gaps.length) { out.innerHTML = '<p>No gaps found for this partnership.</p>'; }
    else {
      out.innerHTML = `<p>${gaps.length} gap(s); marked on the graph with a red dashed border.</p>`;
      gaps.forEach((g, i) => {
        const div = document.createElement('div');
        div.className = 'sg-gap'; div.tabIndex = 0; div.setAttribute('role', 'button');
        const figures = g.figures && typeof g.figures === 'object'
          ? Object.entries(g.figures).map(([k, v]) => `${k}: ${typeof v === 'object' && v !== null ? JSON.stringify(v) : (typeof v === 'number' ? fmt(v) : v)}`).join(', ') : (g.figures ?? '');
        div.innerHTML = `<strong>Gap ${i + 1}: ${esc(g.kind)}</strong> <span class="govuk-tag govuk-tag--${g.severity >= 0.66 ? 'red' : g.severity >= 0.33 ? 'yellow' : 'grey'}">severity ${esc(fmt(g.severity))}</span><br>${esc(g.sentence)}`
          + (figures ? `<br><span class="govuk-body-s">${esc(figures)}</span>` : '');
        const focus = () => {
          const nodes = cy.collection();
          (g.nodeIds || []).forEach(raw => { const id = resolve(raw); if (id) nodes.merge(cy.getElementById(id)); });
          if (nodes.length) { cy.$(':selected').unselect(); nodes.select(); cy.animate({ fit: { eles: nodes.closedNeighborhood(), padding: 60 } }, { duration: 300 }); }
        };
        div.addEventListener('click', focus);
        div.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); focus(); } });
        out.appendChild(div);
      });
    }
    runLayout();
    afterChange();
  } catch (err) { analysisFailed(err, out); }
}

async function runProfile() {
  const out = $('profile-result');
  out.textContent = 'Loading profile…';
  try {
    // SIC sections against the nation: the rows are sectors a user can click onto the canvas.
    const p = (await gql('query($a:String!){sectorProfile(area:$a){ sections { code name companies locationQuotient } }}', { a: $('profile-area').value.trim() })).sectorProfile;
    out.innerHTML = '';
    renderSectorProfile(out, p ? p.sections : [], row => {
      addElements([otherData('Sector', row.code, row.code + ' ' + row.name)], [], null);
      afterChange();
      selectNode(cy.getElementById(nodeId('Sector', row.code)));
    });
  } catch (err) { analysisFailed(err, out); }
}

// ---------------------------------------------------------------- legend, counts, sample tag, node list

function afterChange() {
  applySizes(cy, view.size);
  const visible = shownNodes();
  $('graph-count').textContent = `${fmt(visible.length)} nodes, ${fmt(shownEdges().length)} relationships`
    + (cy.nodes().length > visible.length ? ` (${fmt(cy.nodes().length - visible.length)} hidden)` : '');
  const kinds = new Set(visible.map(n => n.data('kind')));
  $('legend').innerHTML = [...kinds].sort().map(k =>
    `<li><span class="sg-swatch" style="background:${KIND_COLOURS[k] || KIND_COLOURS.OTHER}"></span>${esc(KIND_LABELS[k] || k)}</li>`).join('')
    || '<li>Nothing on the canvas yet.</li>';
  $('sample-tag').hidden = !visible.some(n => n.data('sample'));
  if ($('node-list-box').open) renderNodeList();
  scheduleHash();
}

function renderNodeList() {
  const nodes = shownNodes().sort((a, b) => String(a.data('label')).localeCompare(String(b.data('label'))));
  const max = 500;
  $('node-list').innerHTML = nodes.slice(0, max).map(n => `<li><button type="button" data-id="${esc(n.id())}">${esc(n.data('label'))}</button></li>`).join('')
    + (nodes.length > max ? `<li>…and ${fmt(nodes.length - max)} more (use search or filters)</li>` : '');
}
$('node-list').addEventListener('click', e => { const b = e.target.closest('button'); if (b) selectNode(cy.getElementById(b.dataset.id)); });
$('node-list-box').addEventListener('toggle', () => { if ($('node-list-box').open) renderNodeList(); });

// ---------------------------------------------------------------- share (URL hash) and export

let hashTimer = null;
let restoring = false;
function scheduleHash() {
  if (restoring) return;
  clearTimeout(hashTimer);
  hashTimer = setTimeout(writeHash, 300);
}
async function currentState() {
  return {
    v: 1,
    n: cy.nodes().map(n => {
      const d = n.data(), p = n.position();
      return [n.id(), d.label, Math.round(p.x), Math.round(p.y), d.via || 0, d.gain ?? 0];
    }),
    e: cy.edges().map(e => [e.data('rel'), e.data('source'), e.data('target')]),
    pin: cy.nodes('.pinned').map(n => n.id()),
    hid: cy.nodes('.hidden').map(n => n.id()),
    gap: cy.nodes('.gap').map(n => [n.id(), n.data('gapLabel')]),
    gn: cy.nodes('.gainer').map(n => n.id()), go: cy.nodes('.gainer-outside').map(n => n.id()),
    l: view.layout, s: view.size, f: readFilters(), sel: cy.$('node:selected').map(n => n.id())[0] || null,
    z: cy.zoom(), p: cy.pan()
  };
}
async function writeHash() {
  if (restoring) return;
  const enc = cy.nodes().length ? await encodeState(await currentState()) : '';
  const url = location.pathname + location.search + (enc ? '#s=' + enc : '');
  history.replaceState(null, '', url);
  window.explorer.hashWritten = Date.now();
}

async function restoreFromHash() {
  const m = /[#&]s=([^&]+)/.exec(location.hash);
  if (!m) return false;
  restoring = true;
  try {
    const st = await decodeState(m[1]);
    await writeFilters(st.f);
    view.layout = st.l || 'cose'; $('layout-select').value = view.layout;
    view.size = st.s || 'none'; $('size-select').value = view.size;
    const els = st.n.map(([id, label, x, y, via, gain]) => {
      const type = typeOfId(id);
      const ref = id.substring(nodeId(type, '').length);
      const data = type === 'Organisation' ? { id, type, ref, label, kind: 'OTHER' } : otherData(type, ref, label);
      if (via) data.via = via;
      if (gain) data.gain = gain;
      data.size = 26;
      return { group: 'nodes', data, position: { x, y } };
    });
    st.e.forEach(([rel, s, t]) => els.push({ group: 'edges', data: edgeData(rel, s, t) }));
    cy.batch(() => {
      cy.add(els);
      (st.pin || []).forEach(id => cy.getElementById(id).addClass('pinned').lock());
      (st.hid || []).forEach(id => cy.getElementById(id).addClass('hidden'));
      (st.gap || []).forEach(([id, label]) => cy.getElementById(id).addClass('gap').data('gapLabel', label));
      (st.gn || []).forEach(id => cy.getElementById(id).addClass('gainer'));
      (st.go || []).forEach(id => cy.getElementById(id).addClass('gainer-outside'));
    });
    await enrichOrganisations();
    await applyFilters();
    afterChangeNoHash();
    cy.viewport({ zoom: st.z || 1, pan: st.p || { x: 0, y: 0 } });
    if (st.sel) { const n = cy.getElementById(st.sel); if (n.nonempty()) { n.select(); showDetails(n); } }
    return true;
  } catch (err) {
    notice('<strong>The shared link could not be opened:</strong> ' + esc(err.message));
    return false;
  } finally { restoring = false; }
}
function afterChangeNoHash() { restoring = true; try { afterChange(); } finally { restoring = false; } }

$('share-button').addEventListener('click', async () => {
  await writeHash();
  const url = location.href;
  try {
    await navigator.clipboard.writeText(url);
    notice('Link copied: opening it shows this same picture. ');
  } catch {
    notice(`Copy this link to share this view: <input class="govuk-input" id="share-url" readonly value="${esc(url)}">`);
    $('share-url').select();
  }
});

function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url; a.download = name; a.hidden = true;
  document.body.appendChild(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
const csvCell = v => { const s = v == null ? '' : String(v); return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; };
const csv = rows => rows.map(r => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

$('export-png').addEventListener('click', () => {
  download(cy.png({ output: 'blob', full: true, bg: '#ffffff', scale: 1, maxWidth: 4000, maxHeight: 4000 }), 'sector-graph.png');
});
$('export-nodes-csv').addEventListener('click', () => {
  const rows = [['id', 'type', 'kind', 'name', 'status', 'incorporated_year', 'employees', 'local_authority', 'sample', 'degree', 'impact_gain_gbp_m']];
  const edges = shownEdges();
  shownNodes().forEach(n => {
    const d = n.data();
    rows.push([d.id, d.type, d.kind, d.label, d.status, d.year, d.employees, d.la, d.sample ? 'true' : 'false', n.connectedEdges().intersection(edges).length, d.gain]);
  });
  download(new Blob([csv(rows)], { type: 'text/csv' }), 'sector-graph-nodes.csv');
});
$('export-edges-csv').addEventListener('click', () => {
  const rows = [['source', 'target', 'relationship', 'source_name', 'target_name', 'detail']];
  shownEdges().forEach(e => rows.push([e.data('source'), e.data('target'), e.data('rel'), e.source().data('label'), e.target().data('label'), e.data('what') || e.data('role') || '']));
  download(new Blob([csv(rows)], { type: 'text/csv' }), 'sector-graph-relationships.csv');
});

// ---------------------------------------------------------------- sign in

function renderAuth() {
  const u = auth.user();
  $('auth-user').textContent = u ? 'Signed in as ' + u : '';
  $('sign-in-button').textContent = u ? 'Account' : 'Sign in';
  $('sign-out-button').hidden = !u;
}
function openSignIn() { $('sign-in-dialog').showModal(); $('sign-in-user').focus(); }
$('sign-in-button').addEventListener('click', openSignIn);
$('sign-in-dialog').addEventListener('close', () => {
  const v = $('sign-in-dialog').returnValue;
  if (v === 'ok' && $('sign-in-user').value) { auth.signIn($('sign-in-user').value, $('sign-in-password').value); notice(null); init(); }
  if (v === 'signout') auth.signOut();
  $('sign-in-password').value = '';
  renderAuth();
});

// ---------------------------------------------------------------- wiring and start-up

$('layout-select').addEventListener('change', e => { view.layout = e.target.value; runLayout({ randomize: false }); });
$('size-select').addEventListener('change', e => { view.size = e.target.value; afterChange(); });
$('fit-button').addEventListener('click', () => cy.fit(shownNodes(), 30));
$('relayout-button').addEventListener('click', () => runLayout({ randomize: true, force: true }));
$('clear-button').addEventListener('click', () => { cy.elements().remove(); $('details-body').innerHTML = ''; $('details-empty').hidden = false; notice(null); afterChange(); });
$('filters').addEventListener('change', filtersChanged);
$('filters').addEventListener('input', e => { if (e.target.type === 'range') filtersChanged(); });
$('filters').addEventListener('submit', e => e.preventDefault());
$('filter-lep').addEventListener('change', () => loadLas().catch(showError));
$('reset-filters').addEventListener('click', async () => {
  await writeFilters({ nt: [], rt: [], lep: '', la: '', sec: '', st: '', y: [YEAR_MIN, YEAR_MAX] });
  await applyFilters(); afterChange();
});
$('path-run').addEventListener('click', findPaths);
$('impact-form').addEventListener('submit', runImpact);
$('gaps-run').addEventListener('click', runGaps);
$('profile-run').addEventListener('click', runProfile);
window.addEventListener('hashchange', async () => {
  if (restoring) return;
  cy.elements().remove();
  await restoreFromHash();
});

let initialised = false;
async function init() {
  $('year-from').min = $('year-to').min = YEAR_MIN;
  $('year-from').max = $('year-to').max = YEAR_MAX;
  if (!initialised) { $('year-to').value = YEAR_MAX; $('year-output').textContent = `${YEAR_MIN} – ${YEAR_MAX}`; buildTypeFilters(); }
  initialised = true;
  renderAuth();
  try {
    const d = await gql('query{ leps { code name } sectors { code name } }');
    const lep = $('filter-lep'), sec = $('filter-sector');
    lep.length = 1; sec.length = 1;
    d.leps.forEach(l => lep.add(new Option(l.name, l.code)));
    d.sectors.forEach(s => sec.add(new Option(`${s.code} ${s.name}`, s.code)));
  } catch (err) { showError(err); }
  await loadPartnerships();
  await restoreFromHash();
  afterChangeNoHash();
  timings.ready = performance.now();
  window.explorer.ready = true;
  document.body.dataset.ready = 'true';
}
init();
