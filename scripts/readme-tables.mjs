// The commands and settings tables of README.md (Chinese) and README.en.md (English), generated from
// package.json and package.nls*.json so they cannot drift from what VS Code shows.
//   node scripts/readme-tables.mjs           rewrite the tables between their markers
//   node scripts/readme-tables.mjs --check   exit 1 if a README's tables are out of date (a unit test runs this)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readJson = (file) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));

const LANGUAGES = {
  'README.md': {
    nls: 'package.nls.zh-cn.json',
    head: { command: '命令', keys: '快捷键', where: '位置', setting: '设置', default: '默认值', meaning: '说明' },
    where: {
      commandPalette: '命令面板',
      'editor/context': '编辑器右键菜单',
      'editor/title': '编辑器标题栏',
      'explorer/context': '资源管理器右键菜单',
      'view/title': '素材库视图标题栏',
      'view/item/context': '素材库条目',
    },
    mac: 'macOS：',
  },
  'README.en.md': {
    nls: 'package.nls.json',
    head: { command: 'Command', keys: 'Keys', where: 'Where', setting: 'Setting', default: 'Default', meaning: 'Meaning' },
    where: {
      commandPalette: 'Command Palette',
      'editor/context': 'editor context menu',
      'editor/title': 'editor title bar',
      'explorer/context': 'Explorer context menu',
      'view/title': 'Library view title bar',
      'view/item/context': 'Library item',
    },
    mac: 'macOS: ',
  },
};

const cell = (text) => String(text).replace(/\s*\n+\s*/g, ' ').replace(/\|/g, '\\|').trim();
const localize = (value, nls) => (typeof value === 'string' ? value.replace(/^%(.+)%$/, (_, key) => nls[key] ?? value) : value);
/** `#phrasebook.x#` is how settings link to each other in VS Code; in a README it is just the name. */
const settingText = (text) => text.replace(/`#([\w.]+)#`/g, '`$1`').replace(/#(phrasebook\.[\w.]+)#/g, '`$1`');
const keyLabel = (key) =>
  key
    .split(' ')
    .map((chord) => chord.split('+').map((part) => (part.length === 1 ? part.toUpperCase() : part[0].toUpperCase() + part.slice(1))).join('+'))
    .join(' ');

function commandsTable(manifest, nls, language) {
  const { head, where, mac } = language;
  const menus = manifest.contributes.menus;
  const rows = manifest.contributes.commands.map(({ command, title, category }) => {
    const keys = manifest.contributes.keybindings
      .filter((binding) => binding.command === command)
      .map((binding) => `\`${keyLabel(binding.key)}\`${binding.mac ? ` (${mac}\`${keyLabel(binding.mac)}\`)` : ''}`);
    const hidden = (menus.commandPalette ?? []).some((entry) => entry.command === command && entry.when === 'false');
    const places = [...(hidden ? [] : [where.commandPalette])];
    for (const [menu, label] of Object.entries(where)) {
      if (menu !== 'commandPalette' && (menus[menu] ?? []).some((entry) => entry.command === command) && !places.includes(label)) places.push(label);
    }
    return `| ${cell(`${category}: ${localize(title, nls)}`)} | ${keys.join('<br>')} | ${cell(places.join('、'))} |`;
  });
  return [`| ${head.command} | ${head.keys} | ${head.where} |`, '| --- | --- | --- |', ...rows].join('\n');
}

function settingsTable(manifest, nls, language) {
  const { head } = language;
  const rows = Object.entries(manifest.contributes.configuration.properties).map(([key, schema]) => {
    let meaning = settingText(localize(schema.markdownDescription ?? schema.description, nls));
    if (schema.enum && schema.enumDescriptions) {
      meaning += ' ' + schema.enum.map((value, i) => `\`${value}\`: ${settingText(localize(schema.enumDescriptions[i], nls))}`).join(' ');
    }
    return `| \`${key}\` | \`${JSON.stringify(schema.default)}\` | ${cell(meaning)} |`;
  });
  return [`| ${head.setting} | ${head.default} | ${head.meaning} |`, '| --- | --- | --- |', ...rows].join('\n');
}

/** README text with its generated tables replaced; throws if a marker is missing. */
export function withTables(readmeName, text) {
  const language = LANGUAGES[readmeName];
  const manifest = readJson('package.json');
  const nls = readJson(language.nls);
  const tables = { commands: commandsTable(manifest, nls, language), settings: settingsTable(manifest, nls, language) };
  for (const [name, table] of Object.entries(tables)) {
    const marker = new RegExp(`(<!-- generated:${name} [^>]*-->\\n)[\\s\\S]*?(<!-- /generated:${name} -->)`);
    if (!marker.test(text)) throw new Error(`${readmeName} has no <!-- generated:${name} … --> … <!-- /generated:${name} --> markers`);
    text = text.replace(marker, (_, open, close) => `${open}${table}\n${close}`);
  }
  return text;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const name of Object.keys(LANGUAGES)) {
    const file = path.join(ROOT, name);
    const text = fs.readFileSync(file, 'utf8');
    const next = withTables(name, text);
    if (next === text) continue;
    if (check) {
      console.error(`${name}: the commands or settings table is out of date; run npm run gen:readme`);
      stale++;
    } else fs.writeFileSync(file, next);
  }
  process.exitCode = stale ? 1 : 0;
}
