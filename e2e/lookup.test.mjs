// End-to-end: what readers type into the drug lookup of the built page:
// brand names, codes, abbreviations, misspellings, accents, label strings,
// markup and gibberish.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, widgetReady } from './helpers.mjs';

const env = setUp();
/** One page for every query (closed with the browser). */
let page;
before(async () => {
  await env.ready();
  ({ page } = await openPage(env.browser, env.server.url));
  await widgetReady(page);
});

const input = () => page.locator('treatment-guide input[role=combobox]');

/** Types like a person (key by key) and returns the suggestions and the status line. */
async function typeQuery(text) {
  await input().fill('');
  await input().pressSequentially(text);
  // Let the widget render what the last key produced.
  await page.evaluate(() => new Promise((done) => setTimeout(done, 50)));
  const status = page.locator('treatment-guide [role=status]');
  await page.waitForFunction(() => {
    const root = document.querySelector('treatment-guide').shadowRoot;
    return root.querySelector('[role=status]').textContent.trim() !== '';
  });
  const options = await page.locator('treatment-guide [role=listbox]:not([hidden]) [role=option]').allInnerTexts();
  return { options: options.map((o) => o.trim()), status: (await status.innerText()).trim() };
}

const finds = [
  ['Adriamycin', 'doxorubicin'], ['adriamicin', 'doxorubicin'], ['Ara-C', 'cytarabine'], ['ara c', 'cytarabine'],
  ['ARAC', 'cytarabine'], ['VP-16', 'etoposide'], ['vp16', 'etoposide'], ['6-MP', 'mercaptopurine'], ['6 mp', 'mercaptopurine'],
  ['Gleevec', 'imatinib'], ['gleevac', 'imatinib'], ['Kymriah', 'tisagenlecleucel'], ['kymria', 'tisagenlecleucel'],
  ['méthotrexate', 'methotrexate'], ['MÉTHOTREXATE', 'methotrexate'], ['vincrisitne', 'vincristine'],
  ['mecaptopurine', 'mercaptopurine'], ['dexamethazone', 'dexamethasone'], ['blinatumumab', 'blinatumomab'],
  ['dauno', 'daunorubicin'], ['ozogamicin', 'inotuzumab ozogamicin'], ['Besponsa', 'inotuzumab ozogamicin'],
  ['vincristine sulfate', 'vincristine'], ['imatinib mesylate', 'imatinib'], ['Gleevec 400 mg', 'imatinib'],
  ['cytarabine injection', 'cytarabine'], ['Decadron 4 mg tab', 'dexamethasone'], ['VM-26', 'teniposide'],
  ['Cytoxan', 'cyclophosphamide'], ['daunomycin', 'daunorubicin'],
];

for (const [query, generic] of finds) {
  test(`"${query}" finds ${generic} first`, async () => {
    const { options, status } = await typeQuery(query);
    assert.ok(options.length > 0, `suggestions for ${query} (status: ${status})`);
    assert.ok(options[0].startsWith(generic), `${options[0]} starts with ${generic}`);
    assert.match(status, /drugs? found/);
  });
}

for (const query of ['xyzzy', 'asdfgh', 'ibuprofen', 'paracetamol', 'aspirin', '<script>alert(1)</script>', '💊💊', 'zz']) {
  test(`"${query}" gives no guess and says so`, async () => {
    const { options, status } = await typeQuery(query);
    assert.deepEqual(options, []);
    assert.match(status, /^This guide does not cover “/);
    assert.equal(await page.locator('treatment-guide script').count(), 0);
  });
}

test('a short code finds only its own drug, never a near miss', async () => {
  const { options } = await typeQuery('MP');
  assert.deepEqual(options.map((o) => o.split(' ')[0]), ['mercaptopurine'], 'MP is a word of 6-MP; VP-16 is not offered');
  const vm = await typeQuery('VM-26');
  assert.deepEqual(vm.options.map((o) => o.split(' ')[0]), ['teniposide']);
});

test('choosing a suggestion with the keyboard opens its card', async () => {
  await typeQuery('Oncovin');
  await input().press('ArrowDown');
  await input().press('Enter');
  const card = page.locator('treatment-guide [data-tg-drug-card]');
  assert.equal(await card.getAttribute('data-tg-drug-card'), 'drug-vincristine');
  assert.match(await card.innerText(), /Oncovin/);
  await page.locator('treatment-guide [data-tg-action=close-card]').click();
  assert.equal(await card.count(), 0);
});
