// "Phrasebook: Compose from Several Items…" in a real workbench: its placeholder fits the pick at its
// narrowest common width (560 px), and an item checked under one query stays on the list, checked, under
// the next, so VS Code's "N Selected" badge agrees with what will be inserted.
import assert from 'node:assert/strict';
import { rowWithLabel, runCommand, waitForQuickPick } from '../runner/workbench.mjs';
import { VIEWPORT, expectPickRows, pickRows, pickWorkbench, pollUntil, searchRows, typeQuery } from './helpers.mjs';

const COMPOSE_COMMAND = 'Phrasebook: Compose from Several Items\u2026';
/** VS Code makes the quick input 62 % of the window wide (at most 600 px), plus its border: 560 px in a 900 px window. */
const NARROW = { width: 900, height: VIEWPORT.height };

describe('Compose… multi-select pick (UI)', function () {
  const workbench = pickWorkbench('report.md');
  let page;
  before(() => ({ page } = workbench));

  it('shows its whole placeholder in a 560 px pick', async function () {
    await page.setViewportSize(NARROW);
    await runCommand(page, COMPOSE_COMMAND);
    await waitForQuickPick(page);
    const fit = await page.evaluate(() => {
      const widget = document.querySelector('.quick-input-widget');
      const input = widget.querySelector('.quick-input-box input');
      const style = getComputedStyle(input);
      // The placeholder's own width, in the input's font (an input's scrollWidth ignores its placeholder).
      const probe = document.createElement('span');
      probe.style.cssText = `position:absolute;visibility:hidden;white-space:pre;font:${style.font};letter-spacing:${style.letterSpacing}`;
      probe.textContent = input.placeholder;
      document.body.append(probe);
      const text = probe.getBoundingClientRect().width;
      probe.remove();
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { widget: widget.getBoundingClientRect().width, placeholder: input.placeholder, text, room, scroll: input.scrollWidth, client: input.clientWidth };
    });
    // A pick no wider than 560 px (the workbench may still be laying out a narrower one): fitting there, it fits at 560.
    assert.ok(fit.widget < 563, `the pick is ${fit.widget} px wide`);
    console.log(`      placeholder "${fit.placeholder}": ${fit.text.toFixed(0)} of ${fit.room.toFixed(0)} px`);
    assert.ok(fit.placeholder.length > 0, 'a placeholder is set');
    assert.ok(fit.text <= fit.room, `"${fit.placeholder}" needs ${fit.text.toFixed(0)} px, the input has ${fit.room.toFixed(0)} px`);
    assert.ok(fit.scroll <= fit.client, `the input scrolls (${fit.scroll} > ${fit.client})`);
  });

  it('keeps a checked item on the list, checked, when the next query does not find it', async function () {
    await runCommand(page, COMPOSE_COMMAND);
    await waitForQuickPick(page);
    await typeQuery(page, 'xytj');
    const xytj = searchRows('xytj');
    await expectPickRows(page, xytj);
    const badge = () => page.evaluate(() => document.querySelector('.quick-input-widget .quick-input-count')?.textContent?.trim() ?? '');
    const title = () => page.evaluate(() => document.querySelector('.quick-input-widget .quick-input-title')?.textContent?.trim() ?? '');
    const row = rowWithLabel(page, xytj[0].label);
    const checkbox = row.locator('.quick-input-list-checkbox');
    await ((await checkbox.count()) ? checkbox.first() : row).click();
    assert.match(await pollUntil(page, badge, (text) => /^1\b/.test(text)), /^1\b/, 'the badge counts the check');
    await typeQuery(page, 'ljzl');
    const [ljzlTop] = searchRows('ljzl');
    assert.ok(!searchRows('ljzl').some((row) => row.id === xytj[0].id), 'ljzl does not find the checked item');
    await pollUntil(page, () => pickRows(page), (rows) => rows[0]?.label === ljzlTop.label);
    // The checked item is on the list (at its end, under "Chosen"), so VS Code still counts it.
    assert.match(await badge(), /^1\b/, 'VS Code still counts one selected row');
    assert.doesNotMatch(await title(), /chosen|已选/, 'the title does not count a second time');
  });
});
