import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { homeShortened, keyChordLabel } from '../../src/core/labels';
import { ROOT } from './helpers';

describe('labels: corpus locations and key chords', () => {
  it('shortens paths under the home folder to ~, and only those', () => {
    assert.equal(homeShortened('/home/li/报告/mine.md', '/home/li'), '~/报告/mine.md');
    assert.equal(homeShortened('/home/li/', '/home/li/'), '~/');
    assert.equal(homeShortened('/home/li', '/home/li'), '~');
    assert.equal(homeShortened('/home/lin/mine.md', '/home/li'), '/home/lin/mine.md');
    assert.equal(homeShortened('C:\\Users\\li\\mine.md', 'C:\\Users\\li'), '~\\mine.md');
    assert.equal(homeShortened('/srv/mine.md', undefined), '/srv/mine.md');
  });

  it('writes key chords as VS Code shows them', () => {
    assert.equal(keyChordLabel('ctrl+k ctrl+;', false), 'Ctrl+K Ctrl+;');
    assert.equal(keyChordLabel('cmd+k cmd+shift+;', true), '⌘K ⌘⇧;');
    assert.equal(keyChordLabel('ctrl++', false), 'Ctrl++');
  });

  it('the Insert Item… chord the tree tooltips name is the one package.json binds', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const binding = manifest.contributes.keybindings.find((entry: { command: string }) => entry.command === 'phrasebook.insert');
    assert.equal(keyChordLabel(binding.key, false), 'Ctrl+K Ctrl+;');
  });
});
