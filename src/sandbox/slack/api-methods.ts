import { authTest } from './auth-test.ts';
import { chatGetPermalink } from './chat-get-permalink.ts';
import { chatPostEphemeral } from './chat-post-ephemeral.ts';
import { chatPostMessage } from './chat-post-message.ts';
import { chatUpdate } from './chat-update.ts';
import { conversationsInfo } from './conversations-info.ts';
import type { ApiMethod } from './stand-in-context.ts';
import { usergroupsUsersList } from './usergroups-users-list.ts';
import { usersInfo } from './users-info.ts';
import { viewsOpen } from './views-open.ts';
import { viewsPublish } from './views-publish.ts';
import { viewsUpdate } from './views-update.ts';

/** The Web API methods the stand-in implements: the ones shiplock calls. Anything else → `unknown_method`. */
export const API_METHODS: Readonly<Record<string, ApiMethod>> = {
  'auth.test': authTest,
  'chat.postMessage': chatPostMessage,
  'chat.update': chatUpdate,
  'chat.postEphemeral': chatPostEphemeral,
  'chat.getPermalink': chatGetPermalink,
  'views.open': viewsOpen,
  'views.update': viewsUpdate,
  'views.publish': viewsPublish,
  'users.info': usersInfo,
  'conversations.info': conversationsInfo,
  'usergroups.users.list': usergroupsUsersList,
};
