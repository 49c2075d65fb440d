import { readString } from './read-arg.ts';
import { type ApiMethod, failure } from './stand-in-context.ts';

/** `usergroups.users.list` (https://docs.slack.dev/reference/methods/usergroups.users.list): a group's member ids. */
export const usergroupsUsersList: ApiMethod = (args, { workspace }) => {
  const id = readString(args, 'usergroup');
  const group = id === undefined ? undefined : workspace.userGroups.get(id);
  if (group === undefined) return failure('no_such_subteam');
  return { ok: true, users: [...group.users] };
};
