// Quick replies for clinic admins: the clinic's reply templates listed, created, changed
// (If-Match: someone else's change in the meantime is said, never overwritten) and deleted.
// Staff insert them in their replies (formatting.js).
import { h, replace, errorBox, field } from './dom.js';
import { fhir, EXT, CANON } from './fhir.js';
import { toolbar, renderFormatted, quickReplies, quickReplyPart as part } from './formatting.js';

const KIND = `${CANON}/CodeSystem/basic-kind`;

/** The Basic for a title and text, keeping what the admin did not edit of an existing one. */
function template(existing, title, text) {
  return {
    ...(existing ?? { resourceType: 'Basic', code: { coding: [{ system: KIND, code: 'quick-reply' }] } }),
    extension: [{
      url: EXT('quick-reply'),
      extension: [{ url: 'title', valueString: title }, { url: 'text', valueMarkdown: text }],
    }],
  };
}

/** The form for a new quick reply (no `existing`) or to change one. */
function editor(existing, done) {
  const id = existing?.id ?? 'new';
  const title = h('input', {
    type: 'text', id: `quick-reply-title-${id}`, maxlength: 100, required: true, value: part(existing, 'title')?.valueString ?? '',
  });
  const text = h('textarea', { id: `quick-reply-text-${id}`, rows: 4, maxlength: 4000, required: true },
    part(existing, 'text')?.valueMarkdown ?? '');
  const errors = h('div', { 'aria-live': 'assertive', id: `quick-reply-errors-${id}` });
  const save = h('button', { type: 'submit', class: 'primary', id: `save-quick-reply-${id}` }, existing ? 'Save' : 'Add quick reply');
  return h('form', {
    class: 'quick-reply-editor',
    onsubmit: async (event) => {
      event.preventDefault();
      save.disabled = true;
      try {
        const body = template(existing, title.value.trim(), text.value.trim());
        await (existing
          ? fhir.put(`Basic/${existing.id}`, body, { 'If-Match': `W/"${existing.meta?.versionId}"` })
          : fhir.post('Basic', body));
        await done(existing ? 'Saved.' : 'Added. Staff can insert it in their replies now.');
      } catch (error) {
        save.disabled = false;
        replace(errors, errorBox(error.status === 412
          ? 'Someone else changed this quick reply in the meantime. Your changes are not saved: cancel to see it as it is now.'
          : error));
      }
    },
  },
  field('Title', title),
  toolbar(text),
  field('Text', text, 'Formatting as in messages. {{patient-first-name}} and {{practitioner-name}} are filled in when staff insert it.'),
  errors,
  save,
  existing ? h('button', { type: 'button', id: `cancel-quick-reply-${id}`, onclick: () => done() }, 'Cancel') : null);
}

/** One template in the list: its title and text as staff will see it, with Edit and Delete. */
function item(reply, redraw, status) {
  return h('li', { class: 'quick-reply', id: `quick-reply-${reply.id}` },
    h('h3', {}, part(reply, 'title')?.valueString ?? reply.id),
    h('div', { class: 'text formatted' }, renderFormatted(part(reply, 'text')?.valueMarkdown ?? '')),
    h('div', { class: 'actions' },
      h('button', {
        type: 'button', id: `edit-quick-reply-${reply.id}`,
        onclick: (event) => replace(event.target.closest('li'), editor(reply, redraw)),
      }, 'Edit'),
      h('button', {
        type: 'button', id: `delete-quick-reply-${reply.id}`,
        onclick: async () => {
          if (!confirm(`Delete the quick reply "${part(reply, 'title')?.valueString}"?`)) {
            return;
          }
          try {
            await fhir.delete(`Basic/${reply.id}`);
            await redraw('Deleted.');
          } catch (error) {
            replace(status, errorBox(error));
          }
        },
      }, 'Delete')));
}

/** The clinic admin's panel: every quick reply, by title, and a form to add one. */
export async function quickRepliesPanel() {
  const panel = h('section', { class: 'panel quick-replies', id: 'quick-replies' });
  const status = h('div', { 'aria-live': 'polite', id: 'quick-replies-status' });
  const redraw = async (message) => {
    const fresh = await quickRepliesPanel();
    if (message) {
      replace(fresh.querySelector('#quick-replies-status'), h('p', { class: 'success', role: 'status' }, message));
    }
    panel.replaceWith(fresh);
  };
  const replies = await quickReplies();
  replace(panel,
    h('h2', {}, 'Quick replies'),
    h('p', { class: 'hint' }, 'Reply templates staff insert and edit before sending.'),
    status,
    replies.length
      ? h('ul', { class: 'quick-reply-list', id: 'quick-reply-list' }, replies.map((reply) => item(reply, redraw, status)))
      : h('p', { class: 'empty', id: 'no-quick-replies' }, 'No quick replies yet.'),
    h('h3', {}, 'New quick reply'),
    editor(null, redraw));
  return panel;
}
