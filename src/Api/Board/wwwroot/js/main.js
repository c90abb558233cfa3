import { api, credential, credentialRefused, forgetCredential, keepCredential, refusal } from './api.js';
import { setText } from './dom.js';
import { connect } from './live.js';
import { apply, board } from './state.js';
import { initTiles, render as renderTiles } from './tiles.js';
import { initPeople, render as renderPeople, showDepartment as showPeople } from './people.js';
import { initTrends, startTrends, stopTrends, updateDepartments, showDepartment as showTrends } from './trends.js';
import { initAlerts, loadNotices, clearNotices, add as addNotice } from './alerts.js';
import { initLending, openLend, bringBack } from './lending.js';
import { initAssign, openAssign } from './assign.js';
import { initBalancer, loadBalancer } from './balancer.js';
import { initBroadcasts, loadBroadcasts } from './broadcasts.js';
import { initContact, follow, refresh as refreshContact } from './contact.js';

const signInPage = document.getElementById('sign-in-page');
const signInForm = document.getElementById('sign-in-form');
const signInKey = document.getElementById('sign-in-key');
const signInError = document.getElementById('sign-in-error');
const boardPage = document.getElementById('board');
const signOutButton = document.getElementById('sign-out');
const connection = document.getElementById('connection');
const liveState = document.getElementById('live-state');
const keptMeasures = 1000;
let live = null;

/** Applies a board or a change to it, renders what it touched, and records how long that took as `board-render`. */
function applyBoard(update) {
  performance.mark('board-render-start');
  const changed = apply(update);
  renderTiles();
  renderPeople(changed.full ? null : changed.operators);
  if (changed.departments.size) updateDepartments();
  document.body.dataset.boardVersion = String(board.version);
  if (performance.getEntriesByName('board-render').length >= keptMeasures) performance.clearMeasures('board-render');
  performance.measure('board-render', 'board-render-start');
  performance.clearMarks('board-render-start');
}

function showLiveState(state) {
  setText(liveState, state);
  liveState.dataset.state = state;
}

function showSignIn(message = '') {
  boardPage.hidden = true;
  connection.hidden = true;
  signOutButton.hidden = true;
  signInPage.hidden = false;
  setText(signInError, message);
  signInKey.value = '';
  signInKey.focus();
}

async function open(firstBoard) {
  signInPage.hidden = true;
  boardPage.hidden = false;
  signOutButton.hidden = false;
  applyBoard(firstBoard);
  connection.hidden = false;
  await loadNotices();
  if (!credential()) return;
  live = connect({ onBoard: applyBoard, onNotice, onState: showLiveState });
  follow();
  await Promise.all([loadBalancer(), loadBroadcasts(), startTrends()]);
}

function onNotice(notice) {
  addNotice(notice);
  if (notice.type.startsWith('balancer-')) loadBalancer();
}

function signOut(message) {
  live?.close();
  live = null;
  showLiveState('reconnecting');
  stopTrends();
  clearNotices();
  forgetCredential();
  for (const dialog of document.querySelectorAll('dialog[open]')) dialog.close();
  showSignIn(message);
}

/** Reads the board with a credential, answering a refusal's words rather than throwing. */
async function readBoard(key) {
  try {
    return { board: await api('/api/board', { key }) };
  } catch (error) {
    return { refused: error.status === 401 || error.status === 403 ? refusal(error) : `The board could not be read: ${error.message}` };
  }
}

signInForm.addEventListener('submit', async event => {
  event.preventDefault();
  const key = signInKey.value.trim();
  if (!key) {
    setText(signInError, 'Enter an API key or a token.');
    return;
  }
  const button = signInForm.querySelector('[type="submit"]');
  button.disabled = true;
  const read = await readBoard(key);
  button.disabled = false;
  if (read.refused) {
    setText(signInError, read.refused);
    signInKey.focus();
    return;
  }
  keepCredential(key);
  await open(read.board);
});

signOutButton.addEventListener('click', () => signOut(''));
window.addEventListener(credentialRefused, event => signOut(refusal(event.detail)));

initTiles({
  onTrends: id => { showTrends(id); document.getElementById('trends-heading').scrollIntoView({ block: 'start' }); },
  onPeople: id => { showPeople(id); document.getElementById('people-heading').scrollIntoView({ block: 'start' }); },
  onAssign: openAssign,
  onDropOperator: openLend,
});
initPeople({ onLend: id => openLend(id), onBringBack: bringBack });
initTrends();
initAlerts();
initLending();
initAssign(refreshContact);
initBalancer();
initBroadcasts();
initContact({ onAssign: openAssign });

if (credential()) {
  const read = await readBoard(credential());
  if (read.refused) signOut(read.refused);
  else await open(read.board);
} else {
  showSignIn();
}
