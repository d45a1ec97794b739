// GraphQL client for the explorer: same origin, optional HTTP Basic credentials kept in sessionStorage.

const AUTH_KEY = 'sectorgraph.auth';

export class GraphQlError extends Error {
  constructor(message, errors, status) {
    super(message);
    this.errors = errors || [];
    this.status = status;
  }
  /** True when the server does not know a field we asked for: the analysis is not deployed there. */
  get unknownField() {
    return this.errors.some(e => {
      const c = e.extensions && e.extensions.classification;
      const m = String(e.message || '');
      return c === 'ValidationError' || /FieldUndefined|Validation error|undefined on type|not defined|Unknown (argument|type)|UnknownType|WrongType|UnknownArgument/i.test(m);
    });
  }
}

export const auth = {
  user() {
    const raw = sessionStorage.getItem(AUTH_KEY);
    if (!raw) return null;
    try { return JSON.parse(raw).user; } catch { return null; }
  },
  header() {
    const raw = sessionStorage.getItem(AUTH_KEY);
    if (!raw) return null;
    try { return 'Basic ' + JSON.parse(raw).token; } catch { return null; }
  },
  signIn(user, password) {
    const bytes = new TextEncoder().encode(user + ':' + password);
    let bin = '';
    bytes.forEach(b => { bin += String.fromCharCode(b); });
    sessionStorage.setItem(AUTH_KEY, JSON.stringify({ user, token: btoa(bin) }));
  },
  signOut() { sessionStorage.removeItem(AUTH_KEY); }
};

let inFlight = 0;
const listeners = new Set();
export function onBusyChange(fn) { listeners.add(fn); }
function busy(delta) { inFlight += delta; listeners.forEach(fn => fn(inFlight > 0)); }

// The server's extensions.dataLoading (answers given while a fresh store is still being filled).
const loadingListeners = new Set();
export function onDataLoading(fn) { loadingListeners.add(fn); }

/** Runs a query; resolves to data, rejects with GraphQlError (errors from the server or HTTP). */
export async function gql(query, variables = {}) {
  const headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
  const a = auth.header();
  if (a) headers.Authorization = a;
  busy(1);
  try {
    const res = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    let body = null;
    try { body = await res.json(); } catch { /* not JSON */ }
    if (body) {
      const loading = body.extensions && body.extensions.dataLoading;
      loadingListeners.forEach(fn => fn(loading || null));
    }
    if (res.status === 401 || res.status === 403) {
      throw new GraphQlError(res.status === 401 ? 'Sign in required by this server' : 'Your account may not read this', [], res.status);
    }
    if (body && body.errors && body.errors.length) {
      throw new GraphQlError(body.errors.map(e => e.message).join('; '), body.errors, res.status);
    }
    if (!res.ok || !body) throw new GraphQlError('Server error ' + res.status, [], res.status);
    return body.data;
  } finally {
    busy(-1);
  }
}

/** The organisation fields every organisation node carries. */
export const ORG_FIELDS = 'id name kind status incorporatedOn employees sample localAuthority { code }';
