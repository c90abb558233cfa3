const storageKey = 'helpdesk.board.key';

/** A refused or failed call, with the problem+json the server sent when it sent one. */
class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `The server answered ${status}.`);
    this.status = status;
    this.problem = problem;
  }
}

/** Fired on `window` when the server no longer accepts the key in use (401), so the board can ask for another. */
export const credentialRefused = 'helpdesk:credential-refused';

/** The API key or token this tab signed in with, if any; kept for the tab's life only. */
export function credential() {
  return sessionStorage.getItem(storageKey);
}

/** Keeps a credential the server accepted. */
export function keepCredential(key) {
  sessionStorage.setItem(storageKey, key);
}

/** Forgets the credential, on sign-out. */
export function forgetCredential() {
  sessionStorage.removeItem(storageKey);
}

/** What to tell someone whose credential the server refused. */
export function refusal(error) {
  if (error.status === 401) return 'That key is not valid.';
  if (error.status === 403) {
    return 'This board is for supervisors and admins; that credential is an operator’s or an integration’s.';
  }
  return error.message;
}

/**
 * Calls the API with the credential as a bearer token; answers the JSON body, or null when there is none.
 * A 401 on a call made with the kept credential also fires `credentialRefused`.
 */
export async function api(path, { method = 'GET', body, headers = {}, key = credential() } = {}) {
  const init = { method, headers: { accept: 'application/json', ...headers } };
  if (key) init.headers.authorization = `Bearer ${key}`;
  if (body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, { title: 'The server cannot be reached.', detail: 'Check the network and try again.' });
  }
  const text = await response.text();
  const json = text && /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = new ApiError(response.status, json);
    if (response.status === 401 && key && key === credential()) {
      window.dispatchEvent(new CustomEvent(credentialRefused, { detail: error }));
    }
    throw error;
  }
  return json;
}

/** A path segment, escaped: ids may hold characters such as ':' or '>'. */
export function segment(id) {
  return encodeURIComponent(id);
}
