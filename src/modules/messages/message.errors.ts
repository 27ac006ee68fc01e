import type { RefusalTable } from '../../platform/errors';

/** Why a client's reply is refused. */
export type ReplyRefusalCode = 'NO_AGENT' | 'REPLY_BODY_REQUIRED' | 'REPLY_BODY_TOO_LONG';

/** Why a message of staff to a client is refused (several at once: `{ ok: false, code: 'INVALID', codes }`). */
export type SendFieldCode = 'SUBJECT_REQUIRED' | 'SUBJECT_TOO_LONG' | 'BODY_REQUIRED' | 'BODY_TOO_LONG';

/** Every refusal of the messages module: a closed union. */
export type MessageRefusalCode = 'INVALID' | ReplyRefusalCode | SendFieldCode;

/**
 * How the pages and the API show each refusal. A code with a field is an input's fault: the pages
 * show it at that field, the API as a 422 on its body.
 */
export const MESSAGE_ERRORS: RefusalTable<MessageRefusalCode> = {
  INVALID: { status: 400, messageKey: 'error.badRequest.body' },
  NO_AGENT: { status: 409, messageKey: 'messages.reply.NO_AGENT' },
  REPLY_BODY_REQUIRED: { status: 400, field: 'reponse', messageKey: 'messages.reply.BODY_REQUIRED' },
  REPLY_BODY_TOO_LONG: { status: 400, field: 'reponse', messageKey: 'messages.reply.BODY_TOO_LONG' },
  SUBJECT_REQUIRED: { status: 400, field: 'subject', messageKey: 'workspace.message.SUBJECT_REQUIRED' },
  SUBJECT_TOO_LONG: { status: 400, field: 'subject', messageKey: 'workspace.message.SUBJECT_TOO_LONG' },
  BODY_REQUIRED: { status: 400, field: 'body', messageKey: 'workspace.message.BODY_REQUIRED' },
  BODY_TOO_LONG: { status: 400, field: 'body', messageKey: 'workspace.message.BODY_TOO_LONG' },
};
