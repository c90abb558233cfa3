import { api } from './api.js';
import { fillSelect, setText } from './dom.js';
import { instant, number } from './format.js';
import { board, openDepartments } from './state.js';

const select = document.getElementById('trend-department');
const container = document.getElementById('charts');
const error = document.getElementById('trends-error');
const keptMilliseconds = 4 * 60 * 60 * 1000;
const pollEvery = 60 * 1000;
const height = 170;
const series = new Map();
const charts = [];
let latest = null;
let timer = null;

/** The three charts: each reads one figure of a point; service level is shown in percent against the goal. */
const figures = [
  { element: 'chart-service-level', label: 'Service level', read: point => point.serviceLevel === null ? null : point.serviceLevel * 100, unit: '%', goal: true },
  { element: 'chart-queue', label: 'Waiting', read: point => point.queueLength, unit: '' },
  { element: 'chart-arrivals', label: 'Arrivals per minute', read: point => point.arrivalsPerMinute, unit: '' },
];

function figureText(figure, value) {
  return value === null ? '–' : `${number(value)}${figure.unit ? ` ${figure.unit}` : ''}`;
}

function colour(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

function createChart(figure, width) {
  const ink = colour('--ink-muted');
  const grid = colour('--grid');
  const lines = [{}, { label: figure.label, stroke: colour('--chart-line'), width: 2, spanGaps: false, value: (u, v) => figureText(figure, v) }];
  if (figure.goal) lines.push({ label: 'Goal', stroke: colour('--chart-goal'), width: 1, dash: [6, 4], value: (u, v) => figureText(figure, v) });
  const axis = { stroke: ink, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
  const element = document.getElementById(figure.element);
  element.setAttribute('role', 'img');
  const options = {
    width,
    height,
    series: lines,
    axes: [axis, { ...axis, size: 50 }],
    scales: { y: figure.goal ? { range: [0, 100] } : { range: (u, min, max) => [0, Math.max(1, max)] } },
    cursor: { drag: { x: false, y: false } },
  };
  return { figure, element, plot: new uPlot(options, dataFor(figure, []), element) };
}

function dataFor(figure, points) {
  const data = [points.map(point => instant(point.at) / 1000), points.map(figure.read)];
  if (figure.goal) data.push(points.map(() => board.serviceLevelGoal === null ? null : board.serviceLevelGoal * 100));
  return data;
}

function describe(chart, points) {
  const last = points.at(-1);
  const value = last ? chart.figure.read(last) : null;
  chart.element.setAttribute('aria-label', last
    ? `${chart.figure.label} over the last ${Math.round((instant(last.at) - instant(points[0].at)) / 60000)} minutes; now ${figureText(chart.figure, value)}`
    : `${chart.figure.label}: no history yet`);
}

function draw() {
  const points = series.get(select.value) ?? [];
  for (const chart of charts) {
    chart.plot.setData(dataFor(chart.figure, points));
    describe(chart, points);
  }
}

function merge(answer) {
  for (const department of answer.departments ?? []) {
    const points = series.get(department.id) ?? [];
    for (const point of department.points) {
      const last = points.at(-1);
      const at = instant(point.at);
      const lastAt = last ? instant(last.at) : -Infinity;
      if (at > lastAt) points.push(point);
      else if (at === lastAt) points[points.length - 1] = point;
    }
    // Measured against the server's newest point, not this browser's clock, which may be set otherwise.
    const oldest = points.length ? instant(points.at(-1).at) - keptMilliseconds : -Infinity;
    while (points.length && instant(points[0].at) < oldest) points.shift();
    series.set(department.id, points);
    if (points.length && (!latest || instant(points.at(-1).at) > instant(latest))) latest = points.at(-1).at;
  }
}

async function poll() {
  try {
    merge(await api(latest ? `/api/board/trends?since=${encodeURIComponent(latest)}` : '/api/board/trends'));
    setText(error, '');
    draw();
  } catch (refused) {
    setText(error, `Trends could not be read: ${refused.message}`);
  }
}

/** Wires the department choice and the charts' widths. */
export function initTrends() {
  select.addEventListener('change', draw);
  new ResizeObserver(() => {
    for (const chart of charts) chart.plot.setSize({ width: chart.element.clientWidth, height });
  }).observe(container);
}

/** Reads the last hours, then new points every minute. */
export async function startTrends() {
  if (!('uPlot' in window)) {
    setText(error, 'The charts could not be loaded (/vendor/uPlot.iife.min.js); the rest of the board works without them.');
    return;
  }
  if (!charts.length) {
    for (const figure of figures) charts.push(createChart(figure, document.getElementById(figure.element).clientWidth || 400));
  }
  updateDepartments();
  await poll();
  timer ??= setInterval(poll, pollEvery);
}

/** Stops polling and forgets the history, on sign-out. */
export function stopTrends() {
  clearInterval(timer);
  timer = null;
  latest = null;
  series.clear();
}

/** Keeps the department choice in step with the board. */
export function updateDepartments() {
  const before = select.value;
  fillSelect(select, openDepartments().map(d => [d.id, d.name]));
  if (select.value !== before) draw();
}

/** Shows one department's trends, from a tile. */
export function showDepartment(id) {
  select.value = id;
  draw();
  select.focus();
}
