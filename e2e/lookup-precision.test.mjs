// End-to-end: the drug lookup never passes off another real drug as one of
// the guide's, in English and in French. "gemtuzumab ozogamicin" (another
// leukemia drug) shares a word with inotuzumab ozogamicin; a label with a
// salt or a dose still finds the guide's drug.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, widgetReady, hostPage } from './helpers.mjs';

const FRENCH_PAGE = '/fr.html';
const routes = {
  [FRENCH_PAGE]: {
    body: hostPage({ lang: 'fr', title: 'Page', viewport: false, body: '<main><treatment-guide></treatment-guide></main>' }),
  },
};

const env = setUp({ routes });

/** Types `text` key by key into the widget's lookup; returns the options offered and the status line. */
async function typeQuery(page, text) {
  const input = page.locator('treatment-guide input[role=combobox]');
  await input.fill('');
  await input.pressSequentially(text);
  await page.waitForFunction((typed) => {
    const root = document.querySelector('treatment-guide').shadowRoot;
    return root.querySelector('input[role=combobox]').value === typed
      && root.querySelector('[role=status]').textContent.trim() !== '';
  }, text);
  // Let the widget render what the last key produced.
  await page.evaluate(() => new Promise((done) => setTimeout(done, 50)));
  const options = await page.locator('treatment-guide [role=listbox]:not([hidden]) [role=option]').allInnerTexts();
  const status = await page.locator('treatment-guide [role=status]').innerText();
  return { options: options.map((o) => o.trim()), status: status.trim() };
}

/** The status line of a lookup that found drugs ("2 drugs found", "1 médicament trouvé"). */
const FOUND = /^\d+\s\S+\s(found|trouvés?)/;

const editions = [
  { language: 'English', path: '/' },
  { language: 'French', path: FRENCH_PAGE },
];

for (const { language, path } of editions) {
  test(`${language}: other drugs get no guide drug; labels of guide drugs find theirs`, async () => {
    const { ctx, page, problems } = await openPage(env.browser, new URL(path, env.server.url).href);
    try {
      await widgetReady(page);
      for (const other of ['gemtuzumab ozogamicin', 'gemtuzumab ozogamicine', 'vinblastine sulfate', 'idarubicin', 'prednisolone']) {
        const { options, status } = await typeQuery(page, other);
        assert.deepEqual(options, [], `${other}: no guide drug offered (status: ${status})`);
        assert.doesNotMatch(status, FOUND, `${other}: the status does not say a drug was found`);
      }
      const label = await typeQuery(page, 'vincristine sulfate');
      assert.ok(label.options.length > 0, `vincristine sulfate finds a drug (status: ${label.status})`);
      assert.ok(label.options[0].startsWith('vincristine'), `${label.options[0]} starts with vincristine`);
      assert.match(label.status, FOUND);
      const inotuzumab = await typeQuery(page, 'inotuzumab ozogamicin 1 mg');
      assert.ok(inotuzumab.options[0]?.startsWith('inotuzumab ozogamicin'), `${inotuzumab.options[0]}`);
      assert.deepEqual(problems, []);
    } finally {
      await ctx.close();
    }
  });
}
