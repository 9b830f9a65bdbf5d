// End-to-end: inline help without a tab maze (issue 13). Each distinct term is
// one tab stop per section (a toggletip); later mentions are marked text.
// Checks the Tab presses through every open section, what Chrome's own
// accessibility tree gives a screen reader, and the layout fixes by geometry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, widgetReady, axeViolations, screenshot, SECTION_IDS } from './helpers.mjs';

/** Tab presses from each open section's header to the next header, before issue 13 (a button and a "More about" button per mention). */
const BEFORE = {
  'relapsed-and-refractory': 6, chemotherapy: 63, 'targeted-therapy': 21, 'radiation-therapy': 2, 'cns-treatment': 12,
  'stem-cell-transplant': 3, immunotherapy: 9, 'supportive-therapy': 8, 'clinical-trials': 1,
};

const env = setUp();

const header = (page, id) => page.locator(`treatment-guide [data-tg-section="${id}"] .tg-heading > button`);

/** Facts about one section's panel, from the DOM. */
function panelFacts(page, id) {
  return page.evaluate((id) => {
    const panel = document.querySelector('treatment-guide').shadowRoot.querySelector(`[data-tg-section="${id}"] .tg-panel`);
    const buttons = [...panel.querySelectorAll('button[aria-expanded]')];
    return {
      buttons: buttons.map((b) => b.textContent.trim()),
      tips: new Set([...panel.querySelectorAll('[data-tg-tip]')].map((e) => e.dataset.tgTip)).size,
      links: panel.querySelectorAll('a[href]').length,
      echoes: [...panel.querySelectorAll('.tg-echo')].map((e) => e.textContent),
    };
  }, id);
}

test('one Tab stop per distinct term per section: at most 17 through Chemotherapy', async () => {
  const counts = {};
  for (const id of SECTION_IDS) {
    const { ctx, page } = await openPage(env.browser, env.server.url);
    await widgetReady(page);
    await header(page, id).click();
    let presses = 0;
    for (; presses < 200;) {
      await page.keyboard.press('Tab');
      presses += 1;
      const inside = await page.evaluate((id) => {
        const el = document.querySelector('treatment-guide').shadowRoot.activeElement;
        return !!el?.closest(`[data-tg-section="${id}"] .tg-panel`);
      }, id);
      if (!inside) break;
    }
    const facts = await panelFacts(page, id);
    counts[id] = presses;
    assert.equal(facts.buttons.length, facts.tips, `${id}: one button per distinct term`);
    assert.equal(new Set(facts.buttons).size, facts.buttons.length, `${id}: no term twice`);
    assert.equal(presses, facts.buttons.length + facts.links + 1, `${id}: a stop per term and link, then the next header`);
    await ctx.close();
  }
  const table = Object.entries(counts).map(([id, n]) => `${id}: ${BEFORE[id]} -> ${n}`).join('\n');
  console.log(`Tab presses from an open section's header to the next header (before -> now):\n${table}`);
  assert.ok(counts.chemotherapy <= 17, `chemotherapy takes ${counts.chemotherapy} presses`);
  for (const id of SECTION_IDS) assert.ok(counts[id] <= BEFORE[id], `${id} got no longer`);
});

/**
 * The accessibility tree Chrome gives assistive technology, below one element of the widget
 * (CDP Accessibility.getFullAXTree), as nested { role, name, expanded, children } (ignored nodes skipped).
 */
async function axTree(page, cdp, selector) {
  await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const { result } = await cdp.send('Runtime.evaluate', {
    expression: `document.querySelector('treatment-guide').shadowRoot.querySelector(${JSON.stringify(selector)})`,
  });
  const { node } = await cdp.send('DOM.describeNode', { objectId: result.objectId });
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const root = nodes.find((n) => n.backendDOMNodeId === node.backendNodeId);
  assert.ok(root, `${selector} is in the accessibility tree`);
  const build = (n) => {
    const children = (n.childIds ?? []).flatMap((c) => {
      const child = byId.get(c);
      if (!child) return [];
      return child.ignored ? build(child).children : [build(child)];
    });
    const property = (name) => n.properties?.find((p) => p.name === name)?.value.value;
    return { role: n.role?.value, name: n.name?.value ?? '', expanded: property('expanded'), live: property('live'), children };
  };
  return build(root);
}

const walk = (node, fn, parent = null) => { fn(node, parent); node.children.forEach((c) => walk(c, fn, node)); };
const textOf = (node) => (node.role === 'StaticText' ? node.name : node.children.map(textOf).join(''));
const squash = (s) => s.replace(/\s+/g, ' ').trim();

test('Chrome\'s accessibility tree: each term once as a named control, sentences read through', async () => {
  const { ctx, page } = await openPage(env.browser, env.server.url);
  await widgetReady(page);
  await page.locator('treatment-guide [data-tg-action="expand-all"]').click();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Accessibility.enable');
  for (const id of SECTION_IDS) {
    const facts = await panelFacts(page, id);
    const tree = await axTree(page, cdp, `[data-tg-section="${id}"] .tg-panel`);
    const buttons = [];
    walk(tree, (n) => { if (n.role === 'button') buttons.push(n); });
    assert.deepEqual(buttons.map((b) => b.name), facts.buttons, `${id}: each term once, as a button named by its words`);
    assert.ok(buttons.every((b) => b.expanded === false), `${id}: each reports itself collapsed`);
    // Paragraphs and list items hold only text, the term buttons, and their
    // (empty) live regions: no other generic or clickable wrappers that would
    // break a sentence into pieces around the marked names.
    const blocks = [];
    walk(tree, (n) => { if (n.role === 'paragraph' || n.role === 'listitem') blocks.push(n); });
    assert.ok(blocks.length > 0);
    for (const block of blocks) {
      const roles = new Set();
      const visit = (n) => n.children.forEach((c) => {
        if (c.live === 'polite' && c.role === 'generic') {
          assert.deepEqual(c.children, [], `${id}: a closed bubble's live region is empty`);
          return;
        }
        roles.add(c.role);
        if (c.role !== 'button') visit(c);
      });
      visit(block);
      const allowed = ['StaticText', 'InlineTextBox', 'button', 'link', 'ListMarker', 'list', 'listitem'];
      assert.deepEqual([...roles].filter((r) => !allowed.includes(r)), [], `${id}: "${squash(textOf(block)).slice(0, 60)}…"`);
    }
    // The plain-text names (later mentions) are text of the sentence itself.
    for (const echo of facts.echoes) {
      let found = false;
      walk(tree, (n, parent) => {
        if (n.role === 'StaticText' && n.name === echo && ['paragraph', 'listitem'].includes(parent?.role)) found = true;
      });
      assert.ok(found, `${id}: "${echo}" is text in its sentence`);
    }
  }

  // "vincristine (Oncovin)": one button, then the brand name read as text, on one line.
  const chemo = await axTree(page, cdp, '[data-tg-section="chemotherapy"] .tg-panel');
  const items = [];
  walk(chemo, (n) => { if (n.role === 'listitem') items.push(n); });
  const vincristine = items.find((i) => squash(textOf(i)).startsWith('vincristine'));
  assert.equal(squash(textOf(vincristine)), 'vincristine (Oncovin)');
  assert.deepEqual(vincristine.children.filter((c) => c.role !== 'StaticText' && c.role !== 'ListMarker').map((c) => [c.role, c.name, c.live]),
    [['button', 'vincristine', undefined], ['generic', '', 'polite']]);

  // Opened with the keyboard, the live region holds the bubble: read out, and the card's way is the next stop.
  const word = page.locator('treatment-guide [data-tg-section="chemotherapy"] button[aria-expanded]', { hasText: /^vincristine$/ });
  await word.focus();
  await page.keyboard.press('Enter');
  const open = await axTree(page, cdp, '[data-tg-section="chemotherapy"] .tg-panel');
  let button;
  let status;
  walk(open, (n) => {
    if (n.role === 'button' && n.name === 'vincristine') button = n;
    if (n.live === 'polite' && n.children.length) status = n;
  });
  assert.equal(button.expanded, true);
  assert.match(squash(textOf(status)), /^vincristine \(other names: Oncovin\)\..*More about vincristine$/);
  const inside = [];
  walk(status, (n) => { if (n.role === 'button') inside.push(n.name); });
  assert.deepEqual(inside, ['More about vincristine']);
  console.log(`AX tree of the open toggletip: button "${button.name}" expanded=${button.expanded}; live region (polite): "${squash(textOf(status))}"`);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.querySelector('treatment-guide').shadowRoot.activeElement.textContent), 'More about vincristine');
});

/** Boxes of the layout checks, measured in the page. */
function layout(page) {
  return page.evaluate(() => {
    const root = document.querySelector('treatment-guide').shadowRoot;
    const lines = (el) => [...new Set([...el.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)))];
    // Each bracketed or punctuated unit ("(Adriamycin)", "(Cerubidine,") on one line box.
    const units = [...root.querySelectorAll('.tg-panel .tg-nowrap')].filter((u) => u.checkVisibility())
      .map((u) => ({ text: u.textContent, lines: lines(u).length }));
    // An opening bracket never ends a line: the "(" and the first letter after it share a line.
    const brackets = [];
    for (const block of root.querySelectorAll('.tg-panel p, .tg-panel li')) {
      if (!block.checkVisibility()) continue;
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      const chars = [];
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        for (let i = 0; i < t.data.length; i += 1) chars.push([t, i]);
      }
      chars.forEach(([t, i], k) => {
        if (t.data[i] !== '(' || !chars[k + 1]) return;
        const box = (node, at) => { const r = document.createRange(); r.setStart(node, at); r.setEnd(node, at + 1); return r.getBoundingClientRect(); };
        const [next, j] = chars[k + 1];
        brackets.push({ text: (t.data.slice(i) + next.data.slice(j)).slice(0, 20), same: Math.abs(box(t, i).top - box(next, j).top) < 4 });
      });
    }
    // Hyphenated words of headings on one line.
    const hyphenated = [...root.querySelectorAll('.tg-toggle-title .tg-nowrap, .tg-summary .tg-nowrap')]
      .map((u) => ({ text: u.textContent, lines: lines(u).length }));
    // The focus ring of each header against the summary below it.
    const rings = [...root.querySelectorAll('.tg-section')].map((s) => {
      const button = s.querySelector('.tg-toggle');
      const summary = s.querySelector('.tg-summary');
      const style = getComputedStyle(button);
      button.focus();
      const focused = getComputedStyle(button);
      const reach = parseFloat(focused.outlineOffset) + parseFloat(focused.outlineWidth);
      return { id: s.dataset.tgSection, ringBottom: button.getBoundingClientRect().bottom + reach, summaryTop: summary?.getBoundingClientRect().top, style: style.outlineStyle };
    });
    return { units, brackets, hyphenated, rings, overflow: document.documentElement.scrollWidth - window.innerWidth };
  });
}

for (const [name, viewport, options] of [
  ['320-light', { width: 320, height: 700 }, { colorScheme: 'light' }],
  ['375-light', { width: 375, height: 800 }, { colorScheme: 'light' }],
  ['375-dark', { width: 375, height: 800 }, { colorScheme: 'dark' }],
  ['375-forced', { width: 375, height: 800 }, { forcedColors: 'active' }],
  ['1280-dark', { width: 1280, height: 900 }, { colorScheme: 'dark' }],
]) {
  test(`layout at ${name}: brackets stay with their names, headings keep hyphenated words, focus rings clear the summary`, async () => {
    const { page, problems } = await openPage(env.browser, env.server.url, { viewport, ...options, bypassCSP: true });
    await widgetReady(page);
    await page.locator('treatment-guide [data-tg-action="expand-all"]').click();
    const found = await layout(page);
    assert.ok(found.units.length > 10);
    assert.deepEqual(found.units.filter((u) => u.lines !== 1), [], 'each glued unit on one line');
    assert.ok(found.brackets.length > 10);
    assert.deepEqual(found.brackets.filter((b) => !b.same), [], 'no line ends with an opening bracket');
    assert.ok(found.hyphenated.some((h) => h.text === 'T-cell'), '"CAR T-cell therapy" keeps "T-cell" together');
    assert.deepEqual(found.hyphenated.filter((h) => h.lines !== 1), []);
    for (const ring of found.rings.filter((r) => r.summaryTop !== undefined)) {
      assert.ok(ring.ringBottom <= ring.summaryTop + 0.5, `${ring.id}: the focus ring ends at ${ring.ringBottom}, the summary starts at ${ring.summaryTop}`);
    }
    assert.ok(found.overflow <= 0, `no sideways scrolling (overflow ${found.overflow}px)`);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, `inline-help-all-open-${name}`);
    assert.deepEqual(problems, []);
  });
}

test('the deep-linked header\'s focus ring does not strike through the summary (375 px, dark)', async () => {
  const { page } = await openPage(env.browser, `${env.server.url}#tg-chemotherapy`, { viewport: { width: 375, height: 800 }, colorScheme: 'dark' });
  await widgetReady(page);
  await page.waitForFunction(() => document.querySelector('treatment-guide').shadowRoot.activeElement?.matches('.tg-toggle'));
  const box = await page.evaluate(() => {
    const root = document.querySelector('treatment-guide').shadowRoot;
    const button = root.activeElement;
    const style = getComputedStyle(button);
    const summary = button.closest('.tg-section').querySelector('.tg-summary');
    return {
      visible: button.matches(':focus-visible') && style.outlineStyle === 'solid',
      ring: button.getBoundingClientRect().bottom + parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth),
      summary: summary.getBoundingClientRect().top,
    };
  });
  assert.ok(box.visible, 'the ring shows');
  assert.ok(box.ring <= box.summary + 0.5, JSON.stringify(box));
  await page.waitForTimeout(400);
  await screenshot(page, 'inline-help-deep-link-375-dark');
});

for (const [name, scheme] of [['light', 'light'], ['dark', 'dark']]) {
  test(`a bubble opened from a later mention near the right edge stays on screen under it (375 px, ${name})`, async () => {
    const { page } = await openPage(env.browser, env.server.url, { viewport: { width: 375, height: 800 }, colorScheme: scheme, bypassCSP: true });
    await widgetReady(page);
    await header(page, 'chemotherapy').click();
    const echoes = page.locator('treatment-guide [data-tg-section=chemotherapy] .tg-echo');
    let best = 0;
    let rightmost = 0;
    for (let i = 0; i < await echoes.count(); i += 1) {
      const box = await echoes.nth(i).boundingBox();
      if (box && box.x + box.width > rightmost) { rightmost = box.x + box.width; best = i; }
    }
    const echo = echoes.nth(best);
    await echo.click();
    const tip = await echo.getAttribute('data-tg-tip');
    const bubble = page.locator(`treatment-guide #${tip} .tg-bubble`);
    assert.ok(await bubble.isVisible());
    const box = await bubble.boundingBox();
    const words = await echo.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 375, `inside the screen: ${JSON.stringify(box)}`);
    assert.ok(box.y >= words.y + words.height - 1 && box.y <= words.y + words.height + 12, 'just under the words tapped');
    assert.deepEqual(await axeViolations(page), []);
    await bubble.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${(await import('./helpers.mjs')).ARTIFACTS}inline-help-bubble-375-${name}.png` });
  });
}
