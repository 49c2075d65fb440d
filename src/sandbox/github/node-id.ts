/** GitHub's legacy global node id: base64 of `<length of type>:<Type><database id>` (e.g. `04:User1`). */
export function nodeId(type: string, id: number): string {
  return Buffer.from(`0${type.length}:${type}${id}`).toString('base64');
}
