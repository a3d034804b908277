// Formatted text: Missive's Markdown subset (a subset of CommonMark: **bold**, *italic*, "- " and
// "1. " list items, [text](https://… or mailto:…) links, backslash escapes), the same rules the
// server checks. It is rendered by building elements and text nodes, never through innerHTML:
// HTML or entities someone typed stay text.
import { h } from './dom.js';
import { EXT, fhir, resources, CANON, personName } from './fhir.js';

const ESCAPABLE = '\\*_[]()!#-+.`>';
const SAFE_URL = /^(https:\/\/|mailto:)[^\s"'<>`\\]+$/i;
const MAX_URL_LENGTH = 2000;
const BULLET = /^[-*+] (.*)$/;
const NUMBERED = /^(\d{1,9})[.)] (.*)$/;

export const FORMATTED_TEXT = EXT('formatted-text');

/** Where the emphasis opened before `from` closes, or -1 (as the server decides). */
function closing(text, marker, from) {
  if (from >= text.length || /\s/.test(text[from]) || text[from] === '*') {
    return -1;
  }
  let at = from;
  while ((at = text.indexOf(marker, at + 1)) > 0) {
    if (text[at - 1] === '\\') {
      continue;
    }
    if (marker.length === 1 && text.startsWith('**', at)) {
      return -1;
    }
    return /\s/.test(text[at - 1]) ? -1 : at;
  }
  return -1;
}

function linkEnd(text, open) {
  const label = text.indexOf('](', open);
  if (label < 0 || label === open + 1 || text.substring(open + 1, label).includes('[')) {
    return -1;
  }
  return text.indexOf(')', label + 2);
}

const WORD = /[\p{L}\p{N}]/u;

/**
 * Bold or italic from the marker at `open` to the one at `close`: with where its markers stand,
 * and whether it sits inside words (a*b, 2*3*4), which a person means as asterisks.
 */
function emphasis(kind, text, open, close, offset) {
  const length = kind === 'strong' ? 2 : 1;
  const markers = [];
  for (let n = 0; n < length; n += 1) {
    markers.push(offset + open + n, offset + close + n);
  }
  return {
    kind, markers: markers.sort((a, b) => a - b),
    inWords: WORD.test(text[open - 1] ?? '') && WORD.test(text[close + length] ?? ''),
    children: tokens(text.substring(open + length, close), offset + open + length),
  };
}

/**
 * Inline formatting parsed as the server parses it: text, escapes, strong, em and links (each
 * with where its '[' stands in `text`, and whether the server accepts its address).
 */
function tokens(text, offset = 0) {
  const parsed = [];
  let plain = '';
  const flush = () => {
    if (plain) {
      parsed.push({ kind: 'text', text: plain });
      plain = '';
    }
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length && ESCAPABLE.includes(text[i + 1])) {
      flush();
      parsed.push({ kind: 'escape', text: text[i + 1] });
      i += 2;
    } else if (text.startsWith('**', i) && closing(text, '**', i + 2) > 0) {
      const end = closing(text, '**', i + 2);
      flush();
      parsed.push(emphasis('strong', text, i, end, offset));
      i = end + 2;
    } else if (c === '*' && closing(text, '*', i + 1) > 0) {
      const end = closing(text, '*', i + 1);
      flush();
      parsed.push(emphasis('em', text, i, end, offset));
      i = end + 1;
    } else if (c === '[' && linkEnd(text, i) > 0) {
      const label = text.indexOf('](', i);
      const end = linkEnd(text, i);
      const url = text.substring(label + 2, end).trim();
      flush();
      parsed.push({
        kind: 'link', at: offset + i, url, typed: text.substring(i, end + 1),
        safe: url.length <= MAX_URL_LENGTH && SAFE_URL.test(url),
        children: tokens(text.substring(i + 1, label), offset + i + 1),
      });
      i = end + 1;
    } else {
      plain += c;
      i += 1;
    }
  }
  flush();
  return parsed;
}

/** Inline formatting as nodes: text nodes, strong, em, and links only to safe addresses. */
function inline(text) {
  const node = (token) => {
    switch (token.kind) {
      case 'strong':
      case 'em':
        return h(token.kind, {}, token.children.map(node));
      case 'link':
        if (token.safe) {
          const link = h('a', { rel: 'noopener noreferrer', target: '_blank' }, token.children.map(node));
          link.setAttribute('href', token.url);
          return link;
        }
        return document.createTextNode(token.typed);   // the server refuses these: shown as typed
      default:
        return document.createTextNode(token.text);
    }
  };
  return tokens(text).map(node);
}

/** Each line as the server reads it: bulleted or numbered item or not, and where its inline content starts. */
function lines(text) {
  let at = 0;
  return text.replace(/\r\n?/g, '\n').split('\n').map((line) => {
    const stripped = line.trim();
    const bullet = stripped.match(BULLET);
    const numbered = stripped.match(NUMBERED);
    const content = bullet?.[1] ?? numbered?.[2] ?? stripped;
    const found = { stripped, bullet, numbered, content, at: at + line.indexOf(stripped) + stripped.length - content.length };
    at += line.length + 1;
    return found;
  });
}

/** The formatted text as block elements: paragraphs (lines kept), bulleted and numbered lists. */
export function renderFormatted(markdown) {
  const blocks = [];
  let current = null;
  for (const { stripped, bullet, numbered, content } of lines(markdown)) {
    if (!stripped) {
      current = null;
    } else if (bullet || numbered) {
      const tag = bullet ? 'ul' : 'ol';
      if (current?.tagName !== tag.toUpperCase()) {
        current = h(tag, numbered && numbered[1] !== '1' ? { start: numbered[1] } : {});
        blocks.push(current);
      }
      current.append(h('li', {}, inline(content)));
    } else if (current?.tagName === 'P') {
      current.append(h('br'), ...inline(content));
    } else {
      current = h('p', {}, inline(content));
      blocks.push(current);
    }
  }
  return blocks;
}

/** A message's text: formatted when it carries formatted text, its plain text otherwise. */
export function messageText(message) {
  const payload = message.payload?.find((p) => p.contentString !== undefined);
  const markdown = payload?.extension?.find((e) => e.url === FORMATTED_TEXT)?.valueMarkdown;
  return markdown
    ? h('div', { class: 'text formatted' }, renderFormatted(markdown))
    : h('p', { class: 'text' }, payload?.contentString ?? '');
}

/** What was typed, to edit again: the formatted text when there is one. */
export function typedText(message) {
  const payload = message.payload?.find((p) => p.contentString !== undefined);
  return payload?.extension?.find((e) => e.url === FORMATTED_TEXT)?.valueMarkdown ?? payload?.contentString ?? '';
}

/**
 * The text payload for what was typed. It carries formatted text only when the text uses
 * formatting the server accepts as such (bold, italic, a list, a link); ordinary punctuation
 * (a*b, 2*3*4, "[see](tomorrow)") is plain text, so that nothing a person types is refused or
 * loses a character. Beside real formatting, such punctuation is escaped: asterisks inside
 * words, and the '[' of a link to an address the server would refuse, stay as typed.
 */
export function textPayload(typed) {
  const text = typed.replace(/\r\n?/g, '\n');
  const literal = [];
  let formats = false;
  const walk = (parsed) => parsed.forEach((token) => {
    if (token.kind === 'link' && !token.safe) {
      literal.push(token.at);
      return;
    }
    if (token.inWords) {
      literal.push(...token.markers);
    } else if (token.kind !== 'text' && token.kind !== 'escape') {
      formats = true;   // an escape alone formats nothing: C:\.config stays as typed
    }
    walk(token.children ?? []);
  });
  for (const line of lines(text)) {
    formats ||= Boolean(line.bullet || line.numbered);
    walk(tokens(line.content, line.at));
  }
  if (!formats) {
    return { contentString: typed };
  }
  const markdown = literal.sort((x, y) => x - y)
    .reduceRight((escaped, at) => `${escaped.slice(0, at)}\\${escaped.slice(at)}`, text);
  return { contentString: markdown, extension: [{ url: FORMATTED_TEXT, valueMarkdown: markdown }] };
}

/** Replaces the selection with what `wrap` makes of it, and selects `select` within the result. */
function edit(textarea, wrap) {
  const { selectionStart: start, selectionEnd: end, value } = textarea;
  const { text, select } = wrap(value.substring(start, end), start === 0 || value[start - 1] === '\n');
  textarea.setRangeText(text, start, end, 'end');
  if (select) {
    textarea.setSelectionRange(start + select[0], start + select[1]);
  }
  textarea.focus();
}

const marked = (marker, placeholder) => (selected) => {
  const inner = selected || placeholder;
  return { text: `${marker}${inner}${marker}`, select: [marker.length, marker.length + inner.length] };
};

const listed = (prefix) => (selected, atLineStart) => {
  const start = atLineStart ? '' : '\n';
  if (!selected) {   // a first item to type over
    const at = start.length + prefix(0).length;
    return { text: `${start}${prefix(0)}item`, select: [at, at + 4] };
  }
  return { text: `${start}${selected.split('\n').map((line, n) => `${prefix(n)}${line}`).join('\n')}` };
};

/** The composer's formatting buttons, each acting on the textarea's selection. */
export function toolbar(textarea) {
  const button = (id, label, title, wrap) => h('button', {
    type: 'button', class: 'format', id, title, 'aria-label': title,
    onclick: () => edit(textarea, wrap),
  }, label);
  return h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Formatting', 'aria-controls': textarea.id },
    button('format-bold', 'B', 'Bold', marked('**', 'bold text')),
    button('format-italic', 'I', 'Italic', marked('*', 'italic text')),
    button('format-bullets', '•', 'Bulleted list', listed(() => '- ')),
    button('format-numbers', '1.', 'Numbered list', listed((n) => `${n + 1}. `)),
    button('format-link', 'Link', 'Link', (selected) => {
      const label = selected || 'link text';
      return { text: `[${label}](https://)`, select: [label.length + 3, label.length + 11] };
    }));
}

const QUICK_REPLY = `${CANON}/CodeSystem/basic-kind|quick-reply`;

/** The clinic's quick replies, by title. */
export const quickReplies = async () => resources(await fhir.get(`Basic?code=${encodeURIComponent(QUICK_REPLY)}`));

/** A quick reply's `title` (valueString) or `text` (valueMarkdown). */
export const quickReplyPart = (template, name) => template?.extension?.find((e) => e.url === EXT('quick-reply'))
  ?.extension?.find((e) => e.url === name);

/** The template's text with its placeholders filled: {{patient-first-name}}, {{practitioner-name}}. */
export function fillPlaceholders(text, values) {
  return text.replace(/\{\{\s*([^{}]*?)\s*}}/g, (whole, name) => values[name] ?? whole);
}

/** A staff member's quick-reply picker: inserts the chosen template, filled in, at the cursor. */
export async function quickReplyPicker(textarea, patient, practitioner) {
  const templates = await quickReplies();
  if (!templates.length) {
    return null;
  }
  const values = {
    'patient-first-name': patient?.name?.[0]?.given?.[0] ?? '',
    'practitioner-name': personName(practitioner),
  };
  const select = h('select', {
    id: 'quick-reply', 'aria-label': 'Insert a quick reply',
    onchange: () => {
      const template = templates.find((t) => t.id === select.value);
      if (template) {
        edit(textarea, () => ({ text: fillPlaceholders(quickReplyPart(template, 'text').valueMarkdown, values) }));
      }
      select.value = '';
    },
  }, h('option', { value: '' }, 'Insert a quick reply…'),
  templates.map((t) => h('option', { value: t.id }, quickReplyPart(t, 'title')?.valueString ?? t.id)));
  return select;
}
