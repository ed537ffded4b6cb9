/**
 * npm run bench -- web: the dashboard in headless Chromium (Debian's, through playwright-core).
 *
 * - size: the JavaScript the first view loads (the entry script and every module it preloads), raw and
 *   gzipped as the server sends it; GraphiQL's, which only /graphql loads, beside it;
 * - start-up on the embedded default: `server/main.ts` on a fresh data directory (PGlite, migrated and seeded
 *   with the reference network, as `npm start` does), then cold-cache page loads timed from navigation to the
 *   network drawn with its table (the `romgraph:network-drawn` mark);
 * - the synthetic network (DATABASE_URL, 10,000 organisations): time to the first drawing, then frames per
 *   second while the mouse pans (drags) and zooms (wheel) the WebGL drawing, once its layout has stopped,
 *   counted with requestAnimationFrame in the page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { parseCli } from './lib/cli.js';
import { benchDatabaseUrl, ensureSyntheticData, migrateWithReferenceData } from './lib/database.js';
import {
  describeMachine,
  machineLine,
  markdownTable,
  replaceReadmeSection,
  writeJson,
} from './lib/report.js';
import { startServer } from './lib/servers.js';
import { launchBrowser } from '../test/harness/browser.js';
import { freePort } from '../test/harness/free-port.js';

const USAGE = `Usage: npm run bench -- web [options]

  --runs N            cold-cache page loads timed on the embedded default (default 7)
  --seconds S         seconds of panning, and as many of zooming, on the large network (default 5)
  --no-large          skip the synthetic network (which needs DATABASE_URL)
  --organisations N   size of the synthetic network to seed if the database has none (default 10000)
  --readme            record the results in bench/README.md even for a non-default run
  --no-readme         do not record them (default runs are recorded)

Needs Chromium at /usr/bin/chromium (CHROMIUM_PATH to change it) and a built web app (npm run build:web).`;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = path.join(ROOT, 'web', 'dist');
const TARGET_FIRST_VIEW_GZIP_KB = 400;
const TARGET_INTERACTIVE_MS = 2000;
const TARGET_FPS = 30;

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '-');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

interface Bundle {
  files: { file: string; raw: number; gzip: number }[];
  raw: number;
  gzip: number;
}

/** The JavaScript a page of web/dist loads before it runs: its entry and the modules it preloads. */
function bundleOf(page: string): Bundle {
  const html = readFileSync(path.join(DIST, page), 'utf8');
  const urls = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => m[1]!);
  const files = [...new Set(urls)].map((url) => {
    const body = readFileSync(path.join(DIST, url.replace(/^\//, '')));
    return { file: url, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });
  return {
    files,
    raw: files.reduce((n, f) => n + f.raw, 0),
    gzip: files.reduce((n, f) => n + f.gzip, 0),
  };
}

/** `npm start` as a newcomer runs it: the embedded database in a fresh data directory. */
async function startEmbedded(): Promise<{ url: string; readyMs: number; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'romgraph-web-bench-'));
  const port = await freePort();
  const began = performance.now();
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', import.meta.resolve('tsx'), path.join(ROOT, 'server', 'main.ts')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: '',
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        WEB_BUILD_ON_START: 'false',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`[bench] the server exited with ${child.exitCode}`);
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (performance.now() - began > 120_000) throw new Error('[bench] the server was not ready in 120 s');
    await new Promise((r) => setTimeout(r, 50));
  }
  const readyMs = performance.now() - began;
  return {
    url,
    readyMs,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

interface Load {
  interactiveMs: number;
  domContentLoadedMs: number;
  transferredKB: number;
}

/** One cold-cache load of the dashboard, to the network drawn. */
async function timedLoad(
  browser: Browser,
  url: string,
  timeoutMs = 30_000,
): Promise<{ load: Load; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${url}/`);
  await page.waitForFunction(
    () => performance.getEntriesByName('romgraph:network-drawn').length > 0,
    undefined,
    {
      polling: 10,
      timeout: timeoutMs,
    },
  );
  const load = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    return {
      interactiveMs: performance.getEntriesByName('romgraph:network-drawn')[0]!.startTime,
      domContentLoadedMs: nav.domContentLoadedEventEnd,
      transferredKB: (nav.transferSize + resources.reduce((n, r) => n + r.transferSize, 0)) / 1024,
    };
  });
  return { load, page };
}

interface Motion {
  fps: number;
  frames: number;
  seconds: number;
  /** The 95th percentile and the longest time between two frames, ms. */
  p95FrameMs: number;
  worstFrameMs: number;
}

/** Frames per second while `move` runs, counted by requestAnimationFrame in the page. */
async function framesDuring(page: Page, move: () => Promise<void>): Promise<Motion> {
  // A string, not a function: the bench runs through tsx, whose helpers would not exist in the page.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__counting = true;
    const tick = (t) => {
      window.__frames.push(t);
      if (window.__counting) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await move();
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __counting: boolean };
    w.__counting = false;
    return w.__frames;
  });
  const gaps = frames.slice(1).map((t, i) => t - frames[i]!);
  gaps.sort((a, b) => a - b);
  const seconds = (frames.at(-1)! - frames[0]!) / 1000;
  return {
    fps: (frames.length - 1) / seconds,
    frames: frames.length,
    seconds,
    p95FrameMs: gaps[Math.floor(gaps.length * 0.95)] ?? NaN,
    worstFrameMs: gaps.at(-1) ?? NaN,
  };
}

async function pan(page: Page, seconds: number): Promise<void> {
  const box = (await page.locator('#network-drawing').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const end = performance.now() + seconds * 1000;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 0; performance.now() < end; i++) {
    const angle = i / 20;
    await page.mouse.move(cx + Math.cos(angle) * box.width * 0.3, cy + Math.sin(angle) * box.height * 0.3);
  }
  await page.mouse.up();
}

async function zoom(page: Page, seconds: number): Promise<void> {
  const box = (await page.locator('#network-drawing').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const end = performance.now() + seconds * 1000;
  for (let i = 0; performance.now() < end; i++) {
    await page.mouse.wheel(0, Math.floor(i / 15) % 2 === 0 ? -120 : 120);
    await page.waitForTimeout(16);
  }
}

export async function run(args: string[]): Promise<void> {
  const values = parseCli(USAGE, () =>
    parseArgs({
      args,
      options: {
        runs: { type: 'string', default: '7' },
        seconds: { type: 'string', default: '5' },
        'no-large': { type: 'boolean', default: false },
        organisations: { type: 'string', default: '10000' },
        readme: { type: 'boolean' },
        'no-readme': { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }),
  );
  const runs = Number(values.runs);
  const seconds = Number(values.seconds);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('[bench] --runs must be a whole number >= 1');
  if (!(seconds > 0)) throw new Error('[bench] --seconds must be a positive number');
  const defaults = runs === 7 && seconds === 5 && !values['no-large'];
  const record = values['no-readme'] ? false : (values.readme ?? defaults);

  const dashboard = bundleOf('index.html');
  const graphiql = bundleOf('graphiql.html');
  console.log(
    `[bench] first view: ${dashboard.files.length} scripts, ${kb(dashboard.raw)} kB, ${kb(dashboard.gzip)} kB gzipped; GraphiQL (only on /graphql): ${kb(graphiql.gzip)} kB gzipped`,
  );

  const browser = await launchBrowser();
  const results: Record<string, unknown> = { dashboard, graphiql };
  try {
    console.log('[bench] embedded default: first start on a fresh data directory');
    const embedded = await startEmbedded();
    console.log(`[bench] ready after ${ms(embedded.readyMs)} ms`);
    const loads: Load[] = [];
    try {
      await (await timedLoad(browser, embedded.url)).page.context().close(); // the server's first answers
      for (let i = 0; i < runs; i++) {
        const { load, page } = await timedLoad(browser, embedded.url);
        loads.push(load);
        await page.context().close();
        console.log(`[bench] load ${i + 1}: interactive after ${ms(load.interactiveMs)} ms`);
      }
    } finally {
      await embedded.stop();
    }
    results.embedded = { readyMs: embedded.readyMs, loads };

    let large: Record<string, unknown> | null = null;
    let postgres = '';
    if (!values['no-large']) {
      const url = benchDatabaseUrl();
      const organisations = await ensureSyntheticData(url, Number(values.organisations), true);
      postgres = await migrateWithReferenceData(url);
      const server = await startServer({
        name: 'romgraph',
        entry: 'servers/romgraph.ts',
        env: { BENCH_DATABASE_URL: url, BENCH_GRAPH_MAX_EDGES: '150000' },
        timeoutMs: 120_000,
      });
      try {
        const { load, page } = await timedLoad(browser, server.url, 120_000);
        const drawn = await page.evaluate(() => {
          const stage = document.getElementById('network-drawing')!;
          return {
            nodes: Number(stage.dataset.nodes),
            edges: Number(stage.dataset.edges),
            notice: document.getElementById('network-notice')?.textContent ?? '',
          };
        });
        console.log(
          `[bench] ${organisations} synthetic organisations: ${drawn.nodes} nodes and ${drawn.edges} edges drawn after ${ms(load.interactiveMs)} ms (${drawn.notice || 'every tie'})`,
        );
        await page.waitForFunction(
          () => document.getElementById('network-drawing')?.dataset.layout === 'still',
          undefined,
          {
            timeout: 60_000,
          },
        );
        const panning = await framesDuring(page, () => pan(page, seconds));
        console.log(
          `[bench] pan: ${panning.fps.toFixed(1)} fps (p95 frame ${panning.p95FrameMs.toFixed(1)} ms)`,
        );
        const zooming = await framesDuring(page, () => zoom(page, seconds));
        console.log(
          `[bench] zoom: ${zooming.fps.toFixed(1)} fps (p95 frame ${zooming.p95FrameMs.toFixed(1)} ms)`,
        );
        const idle = await framesDuring(page, () => page.waitForTimeout(1000));
        large = { organisations, load, drawn, panning, zooming, idle };
        await page.context().close();
      } finally {
        await server.stop();
      }
    }
    results.large = large;

    if (!postgres) {
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
      postgres = await client.connect().then(
        async () => (await client.query('SHOW server_version')).rows[0].server_version as string,
        () => 'not used',
      );
      await client.end().catch(() => {});
    }
    const machine = describeMachine(postgres);
    results.machine = machine;
    const file = writeJson('web', results);
    console.log(`[bench] results in ${path.relative(ROOT, file)}`);

    const interactive = loads.map((l) => l.interactiveMs);
    const rows: string[][] = [
      [
        'first view JavaScript, gzipped',
        `${kb(dashboard.gzip)} kB (${kb(dashboard.raw)} kB raw, ${dashboard.files.length} files)`,
        `<= ${TARGET_FIRST_VIEW_GZIP_KB} kB`,
        dashboard.gzip / 1024 <= TARGET_FIRST_VIEW_GZIP_KB ? 'met' : 'missed',
      ],
      ['GraphiQL JavaScript, gzipped (only on /graphql)', `${kb(graphiql.gzip)} kB`, '-', '-'],
      ['embedded default: first start to ready', `${ms(embedded.readyMs)} ms`, '-', '-'],
      [
        `time to interactive, cold cache (median / worst of ${runs})`,
        `${ms(median(interactive))} / ${ms(Math.max(...interactive))} ms`,
        `< ${TARGET_INTERACTIVE_MS} ms`,
        Math.max(...interactive) < TARGET_INTERACTIVE_MS ? 'met' : 'missed',
      ],
    ];
    if (large) {
      const l = large as {
        organisations: number;
        load: Load;
        drawn: { nodes: number; edges: number };
        panning: Motion;
        zooming: Motion;
      };
      rows.push(
        [
          `${l.organisations.toLocaleString('en')} organisations: first drawing`,
          `${ms(l.load.interactiveMs)} ms (${l.drawn.nodes.toLocaleString('en')} nodes, ${l.drawn.edges.toLocaleString('en')} edges)`,
          '-',
          '-',
        ],
        [
          'pan (mouse drag), frames per second',
          `${l.panning.fps.toFixed(1)} (p95 frame ${l.panning.p95FrameMs.toFixed(1)} ms)`,
          `>= ${TARGET_FPS}`,
          l.panning.fps >= TARGET_FPS ? 'met' : 'missed',
        ],
        [
          'zoom (mouse wheel), frames per second',
          `${l.zooming.fps.toFixed(1)} (p95 frame ${l.zooming.p95FrameMs.toFixed(1)} ms)`,
          `>= ${TARGET_FPS}`,
          l.zooming.fps >= TARGET_FPS ? 'met' : 'missed',
        ],
      );
    }
    const table = markdownTable(['measure', 'result', 'target', ''], rows);
    console.log(`\n${table}\n`);
    if (record) {
      await replaceReadmeSection(
        'web',
        [
          `Command: \`DATABASE_URL=postgres://postgres@127.0.0.1:5432/romgraph_bench npm run bench -- web\``,
          '',
          `Run on ${new Date().toISOString().slice(0, 10)}: ${machineLine(machine)}; Chromium headless, WebGL in software (SwiftShader).`,
          '',
          table,
        ].join('\n'),
      );
      console.log('[bench] recorded in bench/README.md');
    }
  } finally {
    await browser.close();
  }
}
