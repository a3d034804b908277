// Files in messages: the "Attach files" control of compose and reply, which uploads each chosen
// file at once (POST Binary, raw) so that the message only names it, and the list under a
// message whose buttons download a file with the token in a header, never in a URL.
import { h, errorBox } from './dom.js';
import { fhir, extension } from './fhir.js';
import { session } from './session.js';

const TYPES = {
  'image/jpeg': 'JPEG picture',
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
  'video/mp4': 'MP4 video',
};
const ACCEPT = ['.jpg', '.jpeg', '.pdf', '.docx', '.mp4', ...Object.keys(TYPES)].join(',');

/** Why a file was refused, by the rule it broke (or the status, for a refusal without one). */
const REFUSED = {
  'attachment-type-unsupported': 'This file type cannot be sent. You can attach pictures (JPEG), PDFs, Word documents (DOCX) and MP4 videos.',
  'attachment-type-mismatch': 'This file is not what its name says (for example a PDF renamed to .jpg). Save it in its own format and try again.',
  'attachment-empty': 'This file is empty.',
  'attachment-too-large': 'This file is too large to send.',
  'attachments-disabled': 'The clinic does not accept attachments.',
  413: 'This file is too large to send.',
  415: 'This file type cannot be sent.',
};

const sizeFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

function size(bytes) {
  if (bytes === undefined) {
    return '';
  }
  if (bytes < 1024) {
    return `${bytes} bytes`;
  }
  return bytes < 1024 * 1024 ? `${sizeFormat.format(bytes / 1024)} KB` : `${sizeFormat.format(bytes / 1024 / 1024)} MB`;
}

/** The contentAttachment entries of a message's payload. */
export function attachmentsOf(message) {
  return (message.payload ?? []).map((p) => p.contentAttachment).filter(Boolean);
}

/**
 * The "Attach files" control. `payload()` is what the message carries, `ready()` waits for the
 * uploads under way, `restore()` shows a draft's files again; `changed` runs when the list does.
 */
export function attachmentPicker(changed = () => {}) {
  if (extension(session.policy, 'attachments-allowed')?.valueBoolean === false) {
    return {
      element: h('p', { class: 'hint', id: 'attachments-off' }, 'The clinic does not accept attachments.'),
      payload: () => [], ready: () => Promise.resolve(), restore: () => {},
    };
  }
  const chosen = new Map();   // list item -> { url, title } once uploaded
  const uploads = new Set();
  const list = h('ul', { class: 'attachments', id: 'chosen-files' });

  function item(name, bytes, uploaded) {
    const li = h('li', {}, h('span', { class: 'file-name' }, name), ' ', h('span', { class: 'hint' }, size(bytes)), ' ',
      h('button', {
        type: 'button', class: 'link remove-file', 'aria-label': `Remove ${name}`,
        onclick: () => {
          li.remove();
          if (chosen.delete(li)) {
            changed();
          }
        },
      }, 'Remove'));
    if (uploaded) {
      chosen.set(li, { url: uploaded.url, title: uploaded.title });
    }
    list.append(li);
    return li;
  }

  async function upload(file) {
    const li = item(file.name, file.size);
    const state = h('span', { class: 'hint' }, 'Uploading…');
    li.querySelector('.remove-file').before(state, ' ');
    try {
      const binary = await fhir.upload(file);
      state.remove();
      if (li.isConnected) {
        chosen.set(li, { url: `Binary/${binary.id}`, title: file.name });
        changed();
      }
    } catch (error) {
      state.replaceWith(errorBox(`${file.name} could not be attached. ${REFUSED[error.rule] ?? REFUSED[error.status] ?? error.message}`));
    }
  }

  const input = h('input', {
    type: 'file', id: 'attach-files', multiple: true, accept: ACCEPT,
    onchange: () => {
      [...input.files].forEach((file) => {
        const done = upload(file).finally(() => uploads.delete(done));
        uploads.add(done);
      });
      input.value = '';
    },
  });
  return {
    element: h('div', { class: 'field' },
      h('label', { for: input.id }, 'Attach files'), input,
      h('p', { class: 'hint' }, 'Pictures (JPEG), PDFs, Word documents (DOCX) and MP4 videos. Each is uploaded as soon as you choose it.'),
      list),
    payload: () => [...chosen.values()].map((a) => ({ contentAttachment: a })),
    ready: () => Promise.allSettled([...uploads]),
    restore: (attachments) => attachments.forEach((a) => item(a.title, a.size, a)),
  };
}

/** Saves a file through a temporary object URL: the bytes come with the token in a header. */
async function download(attachment) {
  const url = URL.createObjectURL(await fhir.download(attachment.url));
  const link = h('a', { href: url, download: attachment.title || 'attachment', hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A message's files as download buttons with their type and size; failures go to `failed`. */
export function attachmentList(message, failed) {
  const attachments = attachmentsOf(message);
  return attachments.length ? h('ul', { class: 'attachments' }, attachments.map((a) => h('li', {},
    h('button', {
      type: 'button', class: 'link download',
      onclick: () => download(a).catch(failed),
    }, a.title || 'Attachment'),
    ' ', h('span', { class: 'hint' }, [TYPES[a.contentType] ?? a.contentType, size(a.size)].filter(Boolean).join(', '))))) : null;
}
