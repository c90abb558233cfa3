/** The board as last received: departments and operators by id, each replaced whole when a newer version arrives. */
export const board = {
  version: 0,
  serviceLevelGoal: null,
  departments: new Map(),
  operators: new Map(),
};

/**
 * Applies a board from `GET /api/board` or the event stream: a full one replaces everything, a partial one the items it holds.
 * An item older than the one kept is ignored, so a snapshot read while events arrive cannot step back.
 * Answers the ids of what changed.
 */
export function apply(update) {
  const changed = { full: Boolean(update.full), departments: new Set(), operators: new Set() };
  if (update.full) {
    board.departments.clear();
    board.operators.clear();
  }
  for (const department of update.departments ?? []) {
    const kept = board.departments.get(department.id);
    if (kept && kept.version > department.version) continue;
    board.departments.set(department.id, department);
    changed.departments.add(department.id);
  }
  for (const operator of update.operators ?? []) {
    const kept = board.operators.get(operator.id);
    if (kept && kept.version > operator.version) continue;
    board.operators.set(operator.id, operator);
    changed.operators.add(operator.id);
  }
  if (update.serviceLevelGoal !== undefined) board.serviceLevelGoal = update.serviceLevelGoal;
  board.version = Math.max(update.full ? 0 : board.version, update.version ?? 0);
  return changed;
}

/** The departments an operator serves now: the loan's alone, or with a reserve's loan their home as well. */
export function serving(operator) {
  const home = operator.departments[0];
  if (!operator.loan) return home ? [home] : [];
  return operator.loan.keepsHome && home ? [home, operator.loan.department] : [operator.loan.department];
}

/** The department's name, or its id when it is not known (yet). */
export function departmentName(id) {
  return board.departments.get(id)?.name ?? id ?? '–';
}

/** The operator's name, or their id. */
export function operatorName(id) {
  return board.operators.get(id)?.name ?? id ?? '–';
}

/** The departments still open, by name. */
export function openDepartments() {
  return [...board.departments.values()]
    .filter(department => !department.retiredAt)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * What a supervisor counts an operator as: busy while they hold anything, even with room for more (their presence stays
 * `available` until every channel is full); otherwise their presence.
 */
export function engagement(operator) {
  return operator.presence === 'available' && operator.contacts.length > 0 ? 'busy' : operator.presence;
}

/** Per department: operators serving it by engagement, and the loans in and out. Counted from the operator rows. */
export function staffing() {
  const counts = new Map();
  const of = id => {
    let count = counts.get(id);
    if (!count) counts.set(id, count = { available: 0, busy: 0, wrap_up: 0, break: 0, not_responding: 0, lentIn: 0, lentOut: 0 });
    return count;
  };
  for (const operator of board.operators.values()) {
    if (operator.retiredAt) continue;
    for (const id of serving(operator)) {
      const state = engagement(operator);
      if (state in of(id)) of(id)[state] += 1;
    }
    if (operator.loan) {
      of(operator.loan.department).lentIn += 1;
      if (operator.departments[0]) of(operator.departments[0]).lentOut += 1;
    }
  }
  return counts;
}
